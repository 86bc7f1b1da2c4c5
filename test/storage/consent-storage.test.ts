import { describe, expect, it, vi } from 'vitest';
import { storedProblemWarning } from '../../src/config/diagnostics';
import { encodeRecord } from '../../src/consent/consent-record';
import type { StoredDecision } from '../../src/storage/consent-storage';
import { createConsentStorage } from '../../src/storage/consent-storage';
import { readDecision, recordReader } from '../../src/storage/read-decision';
import { memoryStore, type RecordStore } from '../../src/storage/types';
import { DAY, NOW, record } from '../helpers/fixtures';

/** The console warning a load gives, as the diagnostics chunk says it. */
const warningOf = ({ problem }: StoredDecision): string | undefined => problem && storedProblemWarning(problem);

const REVISION = '1';
const EXPIRY = 182;

function stores(cookieValue?: string, mirrorValue?: string) {
  const cookie = memoryStore(cookieValue);
  const mirror = memoryStore(mirrorValue);
  const cookieSet = vi.spyOn(cookie, 'set');
  const mirrorSet = vi.spyOn(mirror, 'set');
  const storage = createConsentStorage(cookie, mirror, recordReader(REVISION, EXPIRY), EXPIRY);
  return { cookie, mirror, cookieSet, mirrorSet, storage };
}

const throwing = (): RecordStore => ({
  get: vi.fn(() => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }),
  set: vi.fn(() => {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  }),
  remove: vi.fn(() => {
    throw new Error('blocked');
  }),
});

const fresh = record({ time: NOW - 10 * DAY, categories: { analytics: true, marketing: false } });
const freshRaw = encodeRecord(fresh);

describe('consentStorage.load', () => {
  it('writes the copy that holds again when the page sees two (which removes the other), a record or a reset mark', () => {
    for (const value of [freshRaw, '0|tow9w0']) {
      const cookie = { ...memoryStore(value), shadowed: () => true };
      const set = vi.spyOn(cookie, 'set');
      const storage = createConsentStorage(
        cookie,
        memoryStore(value || undefined),
        recordReader(REVISION, EXPIRY),
        EXPIRY,
      );
      storage.load(NOW);
      expect(set).toHaveBeenCalledTimes(1);
      expect(set.mock.calls[0][0]).toBe(value);
    }
  });

  it('finds nothing, and says nothing, when both stores are empty', () => {
    const { storage, cookieSet, mirrorSet } = stores();
    expect(storage.load(NOW)).toEqual({});
    expect(cookieSet).not.toHaveBeenCalled();
    expect(mirrorSet).not.toHaveBeenCalled();
  });

  it('reads a valid cookie and rewrites nothing when both agree', () => {
    const { storage, cookieSet, mirrorSet } = stores(freshRaw, freshRaw);
    expect(storage.load(NOW)).toEqual({ record: fresh });
    expect(cookieSet).not.toHaveBeenCalled();
    expect(mirrorSet).not.toHaveBeenCalled();
  });

  it('lets a valid cookie win over a different valid mirror, and brings the mirror in step', () => {
    const other = record({
      id: 'OTHER00000000000000000',
      time: NOW - DAY,
      categories: { analytics: false, marketing: true },
    });
    const { storage, mirror, cookieSet } = stores(freshRaw, encodeRecord(other));
    expect(storage.load(NOW).record).toEqual(fresh);
    expect(mirror.value).toBe(freshRaw);
    expect(cookieSet).not.toHaveBeenCalled();
  });

  it('restores a lost cookie from a valid mirror, with the remaining max-age', () => {
    const { storage, cookie, cookieSet, mirrorSet } = stores(undefined, freshRaw);
    expect(storage.load(NOW)).toEqual({ record: fresh });
    expect(cookie.value).toBe(freshRaw);
    expect(cookieSet).toHaveBeenCalledTimes(1);
    expect(cookieSet).toHaveBeenCalledWith(freshRaw, (EXPIRY - 10) * 86_400);
    expect(mirrorSet).not.toHaveBeenCalled();
  });

  it("takes an empty cookie for a reset's mark: no decision, and the mirror's copy is dropped, not restored", () => {
    const { storage, cookie, mirror, cookieSet } = stores('', freshRaw);
    expect(storage.load(NOW)).toEqual({});
    expect(cookie.value).toBe('');
    expect(cookieSet).not.toHaveBeenCalled();
    expect(mirror.value).toBeUndefined();
  });

  it('never lets the mirror stand in for a cookie that is there but damaged: no decision, with its warning', () => {
    const { storage, cookie, cookieSet } = stores('garbage|||', freshRaw);
    const result = storage.load(NOW);
    expect(result.record).toBeUndefined();
    expect(result.problem?.[0]).toBe('unreadable');
    expect(cookie.value).toBe('garbage|||');
    expect(cookieSet).not.toHaveBeenCalled();
  });

  it("never lets the mirror stand in for a shared cookie of another revision (a sibling subdomain's old copy)", () => {
    const { storage } = stores(encodeRecord(record({ revision: '0' })), freshRaw);
    const result = storage.load(NOW);
    expect(result.record).toBeUndefined();
    expect(result.problem).toEqual(['stale', ['revision', '0', '1']]);
  });

  it('writes the mirror from a valid cookie when the mirror is missing', () => {
    const { storage, mirror, mirrorSet } = stores(freshRaw, undefined);
    expect(storage.load(NOW).record).toEqual(fresh);
    expect(mirror.value).toBe(freshRaw);
    expect(mirrorSet).toHaveBeenCalledWith(freshRaw, (EXPIRY - 10) * 86_400);
  });

  it('counts an expired record as no decision, with one warning saying so', () => {
    const old = encodeRecord(record({ time: NOW - 200 * DAY }));
    const { storage, cookieSet, mirrorSet } = stores(old, old);
    const result = storage.load(NOW);
    expect(result.record).toBeUndefined();
    expect(typeof warningOf(result)).toBe('string');
    expect(result.problem).toEqual(['stale', ['expired', 182]]);
    expect(warningOf(result)).toContain('older than 182 days');
    expect(warningOf(result)?.startsWith('Crumb: ')).toBe(true);
    expect(warningOf(result)).toContain('the banner asks again');
    // Where a privacy signal decides instead, no banner shows, and the warning does not promise one.
    const signalled = storedProblemWarning(result.problem as NonNullable<StoredDecision['problem']>, false);
    expect(signalled).toBe(
      'Crumb: the stored consent no longer counts: it is older than 182 days; the privacy signal this browser sends decides instead, with no banner.',
    );
    expect(cookieSet).not.toHaveBeenCalled();
    expect(mirrorSet).not.toHaveBeenCalled();
  });

  it('counts a record of another revision as no decision, naming both revisions', () => {
    const { storage } = stores(encodeRecord(record({ revision: '0' })));
    const result = storage.load(NOW);
    const { record: r } = result;
    const warning = warningOf(result);
    expect(r).toBeUndefined();
    expect(warning).toContain('revision "0"');
    expect(warning).toContain('"1"');
  });

  it('warns about a record that cannot be read, with the reason', () => {
    const { storage } = stores(undefined, `2|${freshRaw.slice(2)}`);
    const result = storage.load(NOW);
    const { record: r } = result;
    const warning = warningOf(result);
    expect(r).toBeUndefined();
    expect(warning).toContain('could not be read');
    expect(warning).toContain('format version');
  });

  it('gives the cookie reason when both are unusable, in one warning', () => {
    const { storage } = stores(encodeRecord(record({ time: NOW - 300 * DAY })), 'junk');
    const warning = warningOf(storage.load(NOW));
    expect(warning).toContain('older than');
    expect(warning).not.toContain('could not be read');
  });

  it('refuses a record from the future', () => {
    const { storage } = stores(encodeRecord(record({ time: NOW + 30 * DAY })));
    expect(warningOf(storage.load(NOW))).toContain('future');
  });

  it('counts an expired cookie as no decision even when the mirror holds another, valid one', () => {
    const { storage, cookie } = stores(encodeRecord(record({ time: NOW - 300 * DAY })), freshRaw);
    expect(storage.load(NOW).record).toBeUndefined();
    expect(cookie.value).not.toBe(freshRaw);
  });

  it('never throws when both stores throw on read, and finds nothing', () => {
    const storage = createConsentStorage(throwing(), throwing(), recordReader(REVISION, EXPIRY), EXPIRY);
    expect(() => storage.load(NOW)).not.toThrow();
    expect(storage.load(NOW)).toEqual({});
  });

  it('reads the mirror when the cookie store throws', () => {
    const mirror = memoryStore(freshRaw);
    const storage = createConsentStorage(throwing(), mirror, recordReader(REVISION, EXPIRY), EXPIRY);
    expect(storage.load(NOW)).toEqual({ record: fresh });
  });

  it('reads the cookie when the mirror throws (and the failed mirror write does not matter)', () => {
    const bad = throwing();
    const storage = createConsentStorage(memoryStore(freshRaw), bad, recordReader(REVISION, EXPIRY), EXPIRY);
    expect(storage.load(NOW)).toEqual({ record: fresh });
    expect(bad.set).toHaveBeenCalled();
  });
});

describe('consentStorage.save', () => {
  it('writes nothing when the record would reach 300 characters (it could not be read back), and says so', () => {
    const { storage, cookieSet, mirrorSet } = stores();
    const services = Array.from({ length: 9 }, (_, i) => `service-${i}-${'x'.repeat(22)}`);
    const long = record({ time: NOW, revision: '2026-11-01-privacy-policy-update', services });
    expect(encodeRecord(long).length).toBeGreaterThan(300);
    expect(storage.save(long, NOW)).toBe('too-long');
    // No record: only a reset's mark, for the decision stored before it.
    expect(cookieSet.mock.calls.map(([value]) => value)).toEqual([expect.stringMatching(/^0\|[0-9a-z]+$/)]);
    expect(mirrorSet).not.toHaveBeenCalled();
    // Under the limit it is still written, and read back.
    const fits = record({ time: NOW, services: services.slice(0, 7) });
    expect(encodeRecord(fits).length).toBeLessThan(300);
    expect(storage.save(fits, NOW)).toBe('stored');
  });

  it('"under 300 characters": a record of exactly 300 is not written, one of 299 is, and read back', () => {
    const { storage } = stores();
    /** A record of exactly `n` characters: services of up to 32 characters, "~"-joined, fill what the rest leaves. */
    const sized = (n: number) => {
      const services: string[] = [];
      const length = () => encodeRecord(record({ time: NOW, services })).length;
      while (length() < n) {
        const room = n - length() - (services.length ? 1 : 0);
        services.push(`s${'x'.repeat(Math.max(0, Math.min(31, room - 1)))}`);
      }
      return record({ time: NOW, services });
    };
    const at300 = sized(300);
    const at299 = sized(299);
    expect([encodeRecord(at300).length, encodeRecord(at299).length]).toEqual([300, 299]);
    expect(storage.save(at300, NOW)).toBe('too-long');
    expect(storage.save(at299, NOW)).toBe('stored');
    expect(storage.load(NOW)).toEqual({ record: at299 });
  });

  it('a choice too long to store forgets the one stored before it: that one may grant what was just refused', () => {
    const { storage, cookie, mirror } = stores(freshRaw, freshRaw);
    const services = Array.from({ length: 9 }, (_, i) => `service-${i}-${'x'.repeat(22)}`);
    expect(storage.save(record({ time: NOW, services }), NOW)).toBe('too-long');
    expect([cookie.value, mirror.value]).toEqual([expect.stringMatching(/^0\|[0-9a-z]+$/), undefined]);
    expect(storage.load(NOW)).toEqual({});
  });

  it('a choice too long to store leaves a reset mark (a sibling mirror must not bring back the old one)', () => {
    const cookie = memoryStore(freshRaw);
    const mirror = memoryStore(freshRaw);
    const storage = createConsentStorage(cookie, mirror, recordReader(REVISION, EXPIRY), EXPIRY);
    const services = Array.from({ length: 9 }, (_, i) => `service-${i}-${'x'.repeat(22)}`);
    expect(storage.save(record({ time: NOW, services }), NOW)).toBe('too-long');
    expect(cookie.value).toMatch(/^0\|[0-9a-z]+$/);
    expect(mirror.value).toBeUndefined();
    // This page's own write: the widget does not take it for another tab's reset.
    expect(storage.wrote()).toBe(cookie.value);
  });

  it("a reset's mark, timed or empty (as earlier builds wrote it), is no decision and no warning", () => {
    for (const mark of ['0|tow9w0', '']) expect(stores(mark, freshRaw).storage.load(NOW)).toEqual({});
    // Something that only looks like one is an unreadable record.
    expect(stores('0|tow9w0|x').storage.load(NOW).problem).toEqual(['unreadable', '0|tow9w0|x']);
  });

  it("gives a reset's mark a whole number of seconds, also for an expiry of days with a fraction", () => {
    // 1.1 × 86 400 is 95 040.00000000001 in floating point: a browser ignores such a Max-Age (a session cookie).
    for (const days of [1.1, 0.3, 182.7, 1e-7]) {
      const cookie = memoryStore(freshRaw);
      const set = vi.spyOn(cookie, 'set');
      createConsentStorage(cookie, memoryStore(), recordReader(REVISION, days), days).clear();
      expect(set.mock.calls[0][1]).toBe(Math.ceil(days * 86_400));
      expect(set.mock.calls[0][1]).toBeGreaterThanOrEqual(1);
      expect(String(set.mock.calls[0][1])).toMatch(/^\d+$/);
    }
  });

  it("remembers what it wrote to the cookie: a record, or a reset's mark", () => {
    const { storage } = stores();
    expect(storage.wrote()).toBeUndefined();
    const r = record({ time: NOW });
    storage.save(r, NOW);
    expect(storage.wrote()).toBe(encodeRecord(r));
    storage.clear();
    expect(storage.wrote()).toMatch(/^0\|[0-9a-z]+$/);
  });

  it('writes the encoding to both stores with the remaining max-age, and says so', () => {
    const { storage, cookie, mirror, cookieSet } = stores();
    const r = record({ time: NOW });
    expect(storage.save(r, NOW)).toBe('stored');
    expect(cookie.value).toBe(encodeRecord(r));
    expect(mirror.value).toBe(encodeRecord(r));
    expect(cookieSet).toHaveBeenCalledWith(encodeRecord(r), EXPIRY * 86_400);
  });

  it('keeps a record with less than a second left for that second, never writing Max-Age=0 over it', () => {
    for (const [days, left] of [
      [1e-7, 1],
      [1 / 86_400 + 1e-9, 2],
      [2, 172_800],
    ] as const) {
      const cookie = memoryStore();
      const set = vi.spyOn(cookie, 'set');
      createConsentStorage(cookie, memoryStore(), recordReader(REVISION, days), days).save(record({ time: NOW }), NOW);
      expect(set.mock.calls[0][1], `${days} days`).toBe(left);
    }
  });

  it('counts it stored when only the mirror could be written', () => {
    const mirror = memoryStore();
    const storage = createConsentStorage(throwing(), mirror, recordReader(REVISION, EXPIRY), EXPIRY);
    expect(storage.save(fresh, NOW)).toBe('stored');
    expect(mirror.value).toBe(freshRaw);
  });

  it('counts it stored when only the cookie could be written', () => {
    const cookie = memoryStore();
    const storage = createConsentStorage(cookie, throwing(), recordReader(REVISION, EXPIRY), EXPIRY);
    expect(storage.save(fresh, NOW)).toBe('stored');
    expect(cookie.value).toBe(freshRaw);
  });

  it('returns false, without throwing, when both fail', () => {
    const storage = createConsentStorage(throwing(), throwing(), recordReader(REVISION, EXPIRY), EXPIRY);
    expect(() => storage.save(fresh, NOW)).not.toThrow();
    expect(storage.save(fresh, NOW)).toBe('refused');
  });

  it('keeps a refusal as long as an acceptance', () => {
    const { storage, cookieSet } = stores();
    storage.save(record({ time: NOW, categories: { analytics: false, marketing: false } }), NOW);
    storage.save(record({ time: NOW, categories: { analytics: true, marketing: true } }), NOW);
    expect(cookieSet.mock.calls[0][1]).toBe(EXPIRY * 86_400);
    expect(cookieSet.mock.calls[1][1]).toBe(EXPIRY * 86_400);
  });
});

describe('consentStorage.clear', () => {
  it("leaves a reset's mark with its time in the cookie for the expiry period, and removes the mirror", () => {
    vi.useFakeTimers({ now: NOW });
    const cookie = memoryStore(freshRaw);
    const cookieSet = vi.spyOn(cookie, 'set');
    const mirror = memoryStore(freshRaw);
    const storage = createConsentStorage(cookie, mirror, recordReader(REVISION, EXPIRY), EXPIRY);
    storage.clear();
    vi.useRealTimers();
    const mark = `0|${Math.floor(NOW / 1000).toString(36)}`;
    expect(cookieSet).toHaveBeenCalledWith(mark, EXPIRY * 86_400);
    expect(cookie.value).toBe(mark);
    expect(storage.wrote()).toBe(mark);
    expect(mirror.value).toBeUndefined();
    // A sibling subdomain still holding the decision in its own mirror finds the mark, and drops its copy.
    const sibling = memoryStore(freshRaw);
    expect(createConsentStorage(cookie, sibling, recordReader(REVISION, EXPIRY), EXPIRY).load(NOW)).toEqual({});
    expect(sibling.value).toBeUndefined();
  });

  it('stays a reset when another tab, reading the cookie late, writes the decision back to the mirror', () => {
    // Chromium: tab two gets the mirror's event while it still reads the cookie as it was before tab one's reset.
    const cookie = memoryStore(freshRaw);
    const mirror = memoryStore(freshRaw);
    const one = createConsentStorage(cookie, mirror, recordReader(REVISION, EXPIRY), EXPIRY);
    const stale = { ...memoryStore(freshRaw), set: () => {}, remove: () => {} };
    const two = createConsentStorage(stale, mirror, recordReader(REVISION, EXPIRY), EXPIRY);
    one.clear();
    expect(two.load(NOW).record).toEqual(fresh);
    expect(mirror.value).toBe(freshRaw);
    // Tab one follows the mirror's event: the cookie's mark holds; the decision is not restored from the mirror.
    expect(one.load(NOW)).toEqual({});
    expect(cookie.value).toMatch(/^0\|[0-9a-z]+$/);
    expect(mirror.value).toBeUndefined();
  });

  it('never throws, and still clears one store when the other throws', () => {
    const mirror = memoryStore(freshRaw);
    const bad = throwing();
    const storage = createConsentStorage(bad, mirror, recordReader(REVISION, EXPIRY), EXPIRY);
    expect(() => storage.clear()).not.toThrow();
    expect(bad.set).toHaveBeenCalled();
    expect(mirror.value).toBeUndefined();
  });
});

describe('readDecision, as the core reads before its trackers', () => {
  const reader = recordReader(REVISION, EXPIRY);
  const fresh = encodeRecord(record({ time: NOW - DAY }));

  it('takes the cookie and never reads the mirror while there is one', () => {
    const mirror = vi.fn(() => fresh);
    expect(readDecision(() => fresh, mirror, reader, NOW).record?.time).toBe(NOW - DAY);
    expect(readDecision(() => 'garbage', mirror, reader, NOW).problem).toEqual(['unreadable', 'garbage']);
    expect(mirror).not.toHaveBeenCalled();
  });

  it('finds no decision in an empty cookie (a reset mark), whatever the mirror holds', () => {
    const mirror = vi.fn(() => fresh);
    expect(readDecision(() => '', mirror, reader, NOW)).toEqual({});
    expect(mirror).not.toHaveBeenCalled();
  });

  it('falls back to the mirror when the cookie is gone or its jar throws, and never throws itself', () => {
    expect(
      readDecision(
        () => undefined,
        () => fresh,
        reader,
        NOW,
      ).record?.time,
    ).toBe(NOW - DAY);
    const boom = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    expect(readDecision(boom, () => fresh, reader, NOW).record?.time).toBe(NOW - DAY);
    expect(readDecision(boom, boom, reader, NOW)).toEqual({});
  });
});
