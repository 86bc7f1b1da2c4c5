import type { OptionalCategory } from './categories';

/** How a decision was made. */
export type DecisionSource = 'banner' | 'preferences' | 'api' | 'signal';

/** A stored decision. Encoded by `encodeRecord`; the format is documented in the README ("Stored record"). */
export interface ConsentRecord {
  /** Random, unguessable id shared with the consent receipt: 22 base64url characters (128 bits). */
  id: string;
  /** Time of the decision, ms since the epoch (stored to the second). */
  time: number;
  /** The site's `revision` when the decision was made. */
  revision: string;
  /** Categories granted as a whole. */
  categories: Record<OptionalCategory, boolean>;
  /** Services granted on their own while their category is refused. */
  services: string[];
  source: DecisionSource;
  /**
   * Made while the browser sent Do Not Track or Global Privacy Control (a choice, never a refusal recorded from one):
   * a page that honours the signal keeps it; one made before the signal came gives way to it. Stored as the source's
   * letter in upper case.
   */
  signalled?: boolean;
}

/** Format version written first in every record. A record of any other version is not read. */
export const RECORD_VERSION = '1';
/** Sources are stored by their first letter: b, p, a or s; B, P or A for a choice made under a privacy signal. */
export const SOURCES: DecisionSource[] = ['banner', 'preferences', 'api', 'signal'];

// Every field's shape, so that anything else is rejected before it is used.
export const ID = /^[A-Za-z0-9_-]{22}$/;
const TIME = /^[0-9a-z]{1,9}$/;
const CATEGORIES = /^a?m?$/;
const SERVICES = /^([a-z0-9][a-z0-9-]{0,31}(~[a-z0-9][a-z0-9-]{0,31})*)?$/;
/** The longest record: under 300 characters, so cookies and logs stay small. */
export const MAX_RECORD_LENGTH = 299;

/**
 * `1|<id>|<time, seconds in base 36>|<revision, URI-encoded>|<categories: "a" analytics, "m" marketing>|<services granted
 * on their own, "~"-separated>|<source: b, p, a or s; upper case when made under a privacy signal>`, e.g. `1|Qk3v…|t4f0s0|2026-11-01|am||b`.
 */
export function encodeRecord(record: ConsentRecord): string {
  const cats = (record.categories.analytics ? 'a' : '') + (record.categories.marketing ? 'm' : '');
  return [
    RECORD_VERSION,
    record.id,
    Math.floor(record.time / 1000).toString(36),
    encodeURIComponent(record.revision),
    cats,
    record.services.join('~'),
    (record.signalled ? record.source.toUpperCase() : record.source)[0],
  ].join('|');
}

/**
 * Why a stored value is not a record: a code, with what was found where that helps. The sentence is said by
 * `config/diagnostics.ts`, loaded only by a page that has one to say.
 */
export type RecordFault =
  | ['text']
  | ['length', number]
  | ['version', string]
  | ['fields']
  | ['id']
  | ['time']
  | ['categories']
  | ['services']
  | ['source']
  | ['revision']
  | ['empty']
  | ['form'];

export type DecodeResult = { ok: true; record: ConsentRecord } | { ok: false; reason: RecordFault };

const fail = (...reason: RecordFault): DecodeResult => ({ ok: false, reason });

/** Reads a stored record. Never throws; anything not exactly of the format is refused with a reason. */
export function decodeRecord(raw: unknown): DecodeResult {
  if (typeof raw !== 'string') return fail('text');
  if (raw.length > MAX_RECORD_LENGTH) return fail('length', raw.length);
  const parts = raw.split('|');
  if (parts[0] !== RECORD_VERSION) return fail('version', parts[0].slice(0, 10));
  if (parts.length !== 7) return fail('fields');
  const [, id, time, revision, cats, services, source] = parts;
  if (!ID.test(id)) return fail('id');
  if (!TIME.test(time)) return fail('time');
  if (!CATEGORIES.test(cats)) return fail('categories');
  if (!SERVICES.test(services)) return fail('services');
  const from = SOURCES.find((s) => s[0] === source.toLowerCase());
  if (!from || source.length !== 1 || source === 'S') return fail('source');
  let rev: string;
  try {
    rev = decodeURIComponent(revision);
  } catch {
    return fail('revision');
  }
  if (!rev) return fail('empty');
  const record: ConsentRecord = {
    id,
    time: Number.parseInt(time, 36) * 1000,
    revision: rev,
    categories: { analytics: cats.includes('a'), marketing: cats.includes('m') },
    services: services ? services.split('~') : [],
    source: from,
    signalled: source < 'a',
  };
  // Only what encodeRecord writes is a record: no leading zeros, no needless or lower-case escapes.
  let canonical: string | undefined;
  try {
    canonical = encodeRecord(record);
  } catch {
    // A revision that cannot be encoded was not written by Crumb.
  }
  return canonical === raw ? { ok: true, record } : fail('form');
}

/** The whole record in one pattern: the fields of `decodeRecord`, each of its shape. */
const RECORD =
  /^1\|([A-Za-z0-9_-]{22})\|([0-9a-z]{1,9})\|([^|]*)\|(a?m?)\|((?:[a-z0-9][a-z0-9-]{0,31}(?:~[a-z0-9][a-z0-9-]{0,31})*)?)\|([bpasBPA])$/;

/**
 * `decodeRecord` without the reasons, as the core reads a stored value before a returning visitor's trackers: the
 * record, or `undefined` for anything `decodeRecord` refuses (the reason is found again by the diagnostics chunk,
 * which says it). Never throws.
 */
export function readRecord(raw: unknown): ConsentRecord | undefined {
  const m = typeof raw === 'string' && raw.length <= MAX_RECORD_LENGTH ? RECORD.exec(raw) : null;
  if (!m) return undefined;
  try {
    const record: ConsentRecord = {
      id: m[1],
      time: Number.parseInt(m[2], 36) * 1000,
      revision: decodeURIComponent(m[3]),
      categories: { analytics: m[4].includes('a'), marketing: m[4].includes('m') },
      services: m[5] ? m[5].split('~') : [],
      // b, p, a, s, and B, P, A for a choice made under a privacy signal (the pattern's letters, in its order).
      source: SOURCES['bpasBPA'.indexOf(m[6]) % 4],
      signalled: m[6] < 'a',
    };
    // Only what encodeRecord writes is a record: no leading zeros, no needless or lower-case escapes.
    return record.revision && encodeRecord(record) === raw ? record : undefined;
  } catch {
    return undefined; // a revision that cannot be decoded, or encoded again, was not written by Crumb
  }
}

/**
 * A reset's mark, in a cookie shared by subdomains: `0|<time, seconds in base 36>` (an empty value, as earlier builds
 * wrote it, too). No decision; its time tells it from older and newer copies of the cookie.
 */
export const isResetMark = (raw: string): boolean => raw === '' || /^0\|[0-9a-z]{1,9}$/.test(raw);

/** The mark of a reset made at `now`. */
export const resetMark = (now: number): string => `0|${Math.floor(now / 1000).toString(36)}`;

/** A day of clock skew is tolerated for records from the future; more means the record was forged. */
const FUTURE_TOLERANCE_MS = 86_400_000;

/** Why a well-formed record no longer counts: another revision (the record's, the site's), forged, or expired. */
export type StaleFault = ['revision', string, string] | ['future'] | ['expired', number];

/** Why a well-formed record no longer counts as a decision, or `undefined` when it does. */
export function staleReason(
  record: ConsentRecord,
  revision: string,
  expiryDays: number,
  now: number,
): StaleFault | undefined {
  if (record.revision !== revision) return ['revision', record.revision, revision];
  if (record.time > now + FUTURE_TOLERANCE_MS) return ['future'];
  if (now - record.time >= expiryDays * 86_400_000) return ['expired', expiryDays];
  return undefined;
}

/** Milliseconds a record still counts from `now` (for the cookie's Max-Age). */
export const remainingMs = (record: ConsentRecord, expiryDays: number, now: number): number =>
  Math.max(0, record.time + expiryDays * 86_400_000 - now);

/** A new random consent ID: 16 bytes, base64url. */
export function createConsentId(crypto: Pick<Crypto, 'getRandomValues'>): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .slice(0, 22);
}
