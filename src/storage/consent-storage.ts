import {
  type ConsentRecord,
  decodeRecord,
  encodeRecord,
  type RecordFault,
  remainingMs,
  type StaleFault,
  staleReason,
} from '../consent/consent-record';
import type { RecordStore } from './types';

/** Why a record that was there is not used: it could not be read, or it no longer counts. */
export type StoredProblem = ['unreadable', RecordFault] | ['stale', StaleFault];

export interface StoredDecision {
  /** The valid record, if any. */
  record?: ConsentRecord;
  /** Why a record that was there is not used; for one console warning (said by the diagnostics chunk). */
  problem?: StoredProblem;
}

export interface ConsentStorage {
  /** Reads the decision: a valid cookie wins; a valid mirror restores a lost cookie. Never throws. */
  load(now: number): StoredDecision;
  /** Stores a decision in both places. Returns false when neither could be written (the choice lives in memory). */
  save(record: ConsentRecord, now: number): boolean;
  clear(): void;
}

const attempt = <T>(fn: () => T): T | undefined => {
  try {
    return fn();
  } catch {
    return undefined;
  }
};

/** The cookie and its localStorage mirror, kept in step, under the site's revision and expiry. */
export function createConsentStorage(
  cookie: RecordStore,
  mirror: RecordStore,
  revision: string,
  expiryDays: number,
): ConsentStorage {
  const judge = (raw: string | undefined, now: number): StoredDecision => {
    if (raw === undefined || raw === '') return {};
    const decoded = decodeRecord(raw);
    if (!decoded.ok) return { problem: ['unreadable', decoded.reason] };
    const stale = staleReason(decoded.record, revision, expiryDays, now);
    return stale ? { problem: ['stale', stale] } : { record: decoded.record };
  };
  const write = (store: RecordStore, value: string, maxAge: number): boolean =>
    attempt(() => {
      store.set(value, maxAge);
      return true;
    }) ?? false;

  return {
    load(now) {
      const cookieRaw = attempt(() => cookie.get());
      const mirrorRaw = attempt(() => mirror.get());
      const fromCookie = judge(cookieRaw, now);
      const fromMirror = judge(mirrorRaw, now);
      const record = fromCookie.record ?? fromMirror.record;
      if (record) {
        const value = encodeRecord(record);
        const maxAge = Math.floor(remainingMs(record, expiryDays, now) / 1000);
        // Safari may have dropped the script-written cookie after 7 days: restore it from the mirror, and vice versa.
        if (cookieRaw !== value) write(cookie, value, maxAge);
        if (mirrorRaw !== value) write(mirror, value, maxAge);
        return { record };
      }
      const problem = fromCookie.problem ?? fromMirror.problem;
      return problem ? { problem } : {};
    },
    save(record, now) {
      const value = attempt(() => encodeRecord(record));
      if (value === undefined) return false;
      const maxAge = Math.floor(remainingMs(record, expiryDays, now) / 1000);
      const inCookie = write(cookie, value, maxAge);
      const inMirror = write(mirror, value, maxAge);
      return inCookie || inMirror;
    },
    clear() {
      attempt(() => cookie.remove());
      attempt(() => mirror.remove());
    },
  };
}
