import {
  type ConsentRecord,
  encodeRecord,
  isResetMark,
  readRecord,
  type StaleFault,
  staleReason,
} from '../consent/consent-record';

/**
 * Why a record that was there is not used: it could not be read (the value found: the diagnostics chunk says why), or
 * it no longer counts.
 */
export type StoredProblem = ['unreadable', string] | ['stale', StaleFault];

export interface StoredDecision {
  /** The valid record, if any. */
  record?: ConsentRecord;
  /** Why a record that was there is not used; for one console warning (said by the diagnostics chunk). */
  problem?: StoredProblem;
}

/** Reads and writes records under the site's revision and expiry: built once by the core, shared with the widget. */
export interface RecordReader {
  /** Whether a stored value is a decision that still counts, and if not, why. */
  judge(raw: string | undefined, now: number): StoredDecision;
  encode(record: ConsentRecord): string;
}

export const attempt = <T>(fn: () => T): T | undefined => {
  try {
    return fn();
  } catch {
    return undefined;
  }
};

export function recordReader(revision: string, expiryDays: number): RecordReader {
  return {
    judge(raw, now) {
      if (raw === undefined || isResetMark(raw)) return {};
      const record = readRecord(raw);
      if (!record) return { problem: ['unreadable', raw] };
      const stale = staleReason(record, revision, expiryDays, now);
      return stale ? { problem: ['stale', stale] } : { record };
    },
    encode: encodeRecord,
  };
}

/**
 * Reads the decision without writing anything, as the core does before a returning visitor's trackers: the cookie,
 * when there is one, is the decision (valid or not; a reset's mark is none); the mirror is read only for a
 * cookie that is gone (or a jar that throws), so a browser's slow first use of localStorage stays off that path. The
 * widget's `ConsentStorage.load` then puts the two back in step. Never throws.
 */
export function readDecision(
  cookie: () => string | undefined,
  mirror: () => string | undefined,
  reader: RecordReader,
  now: number,
): StoredDecision {
  const raw = attempt(cookie);
  return reader.judge(raw === undefined ? attempt(mirror) : raw, now);
}
