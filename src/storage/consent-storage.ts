import { type ConsentRecord, isResetMark, MAX_RECORD_LENGTH, remainingMs, resetMark } from '../consent/consent-record';
import { attempt, type RecordReader, type StoredDecision } from './read-decision';
import type { RecordStore } from './types';

export type { StoredDecision, StoredProblem } from './read-decision';

export type SaveResult = 'stored' | 'refused' | 'too-long';

export interface ConsentStorage {
  /**
   * Reads the decision: the cookie, when there is one, is the decision (valid or not); only a cookie that is gone is
   * restored from a valid mirror. A reset's mark is no decision, and the mirror is dropped. Never throws.
   */
  load(now: number): StoredDecision;
  /**
   * Stores a decision in both places: `stored`; `refused` when neither could be written, `too-long` when its record
   * would reach the 300-character limit the reader holds it to (the choice then lives in memory, for this page, and
   * the decision stored before it is forgotten: the next page asks again).
   */
  save(record: ConsentRecord, now: number): SaveResult;
  /**
   * Forgets the decision: the mirror goes, the cookie stays, as a reset's mark with its time (`resetMark`), for the
   * expiry period. A copy of the decision that outlives the reset (a sibling subdomain's mirror, which this page cannot
   * reach; another tab's, which in Chromium can read the cookie as it was after the mirror's event, and write the
   * mirror back) then finds the mark instead of restoring the decision from the mirror.
   */
  clear(): void;
  /**
   * What this page last wrote to the cookie (a record, a reset's mark), `undefined` when it never wrote:
   * a change of the cookie that is this page's own is not another tab's.
   */
  wrote(): string | undefined;
}

/** The cookie and its localStorage mirror, kept in step, under the site's revision and expiry (`reader`). */
export function createConsentStorage(
  cookie: RecordStore & { shadowed?(): boolean },
  mirror: RecordStore,
  reader: RecordReader,
  expiryDays: number,
): ConsentStorage {
  const { encode } = reader;
  /** A reset mark lasts the whole expiry period, in whole seconds (a `Max-Age` with a fraction is ignored), one at least. */
  const markAge = Math.ceil(expiryDays * 86_400);
  let wrote: string | undefined;
  /** The cookie, remembering this page's own writes. */
  const own: Pick<RecordStore, 'set'> = {
    set(value, maxAgeSeconds) {
      cookie.set(value, maxAgeSeconds);
      wrote = value;
    },
  };
  /** Writes `value`, the encoded `record`, for what is left of its expiry period: `true`, or `undefined` if refused. */
  const write = (store: Pick<RecordStore, 'set'>, value: string, record: ConsentRecord, now: number) =>
    attempt(() => {
      // Whole seconds, rounded up: a record with less than a second left (an expiry of a moment, for a test) is kept
      // for it, not deleted by `Max-Age=0`; readers judge its expiry by its time.
      store.set(value, Math.ceil(remainingMs(record, expiryDays, now) / 1000));
      return true;
    });

  return {
    load(now) {
      const cookieRaw = attempt(() => cookie.get());
      /** More than one copy of the cookie: the one that holds is written again, which removes the others. */
      const shadowed = attempt(() => !!cookie.shadowed && cookie.shadowed());
      if (cookieRaw !== undefined && isResetMark(cookieRaw)) {
        if (shadowed) attempt(() => own.set(cookieRaw, markAge));
        attempt(() => mirror.remove());
        return {};
      }
      const mirrorRaw = attempt(() => mirror.get());
      // The same rule as the core's read (`readDecision`): a cookie that is there but unusable (another revision,
      // expired, damaged) is no decision; the mirror only stands in for a cookie that is gone (or a jar that throws).
      const found = reader.judge(cookieRaw === undefined ? mirrorRaw : cookieRaw, now);
      const { record } = found;
      if (record) {
        const value = encode(record);
        // Safari may have dropped the script-written cookie after 7 days: restore it from the mirror, and vice versa.
        if (cookieRaw !== value || shadowed) write(own, value, record, now);
        if (mirrorRaw !== value) write(mirror, value, record, now);
      }
      return found;
    },
    save(record, now) {
      const value = attempt(() => encode(record));
      if (value === undefined) return 'refused';
      // Never written when it could not be read back: the banner would come back on every visit. The decision stored
      // before it goes (as a reset): it is not the visitor's choice any more, and may grant what they just refused.
      if (value.length > MAX_RECORD_LENGTH) {
        this.clear();
        return 'too-long';
      }
      const inCookie = write(own, value, record, now);
      const inMirror = write(mirror, value, record, now);
      return inCookie || inMirror ? 'stored' : 'refused';
    },
    clear() {
      attempt(() => own.set(resetMark(Date.now()), markAge));
      attempt(() => mirror.remove());
    },
    wrote: () => wrote,
  };
}
