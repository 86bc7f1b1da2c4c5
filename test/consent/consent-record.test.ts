import { describe, expect, it } from 'vitest';
import { describeRecordFault, describeStaleFault } from '../../src/config/diagnostics';
import {
  type ConsentRecord,
  createConsentId,
  type DecisionSource,
  decodeRecord,
  encodeRecord,
  MAX_RECORD_LENGTH,
  RECORD_VERSION,
  readRecord,
  remainingMs,
  staleReason,
} from '../../src/consent/consent-record';
import { parseConfig } from '../helpers/config';
import { DAY, NOW, record } from '../helpers/fixtures';
import { prng } from '../helpers/prng';

/** The Web Crypto API (global in Node 20 and browsers). */
const webcrypto: Pick<Crypto, 'getRandomValues'> = globalThis.crypto;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SOURCES: DecisionSource[] = ['banner', 'preferences', 'api', 'signal'];
const ALL_BUILT_IN = ['google-analytics', 'leadlander', 'twitter', 'facebook'];

const decoded = (raw: unknown): ConsentRecord => {
  const result = decodeRecord(raw);
  if (!result.ok) throw new Error(`refused: ${describeRecordFault(result.reason)}`);
  return result.record;
};
const refusal = (raw: unknown): string => {
  const result = decodeRecord(raw);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(raw)}`);
  return describeRecordFault(result.reason);
};
/** Why a record no longer counts, in the words of the console warning; `undefined` when it counts. */
const stale = (...args: Parameters<typeof staleReason>): string | undefined => {
  const fault = staleReason(...args);
  return fault && describeStaleFault(fault);
};

describe('encodeRecord', () => {
  it('writes the documented seven fields', () => {
    const r = record({
      id: 'Qk3vX0b9mT2aLr7cYw1eZA',
      time: 1_700_000_000_000,
      revision: '2024-05-01',
      categories: { analytics: true, marketing: true },
      services: ['chat'],
      source: 'banner',
    });
    expect(encodeRecord(r)).toBe(`1|Qk3vX0b9mT2aLr7cYw1eZA|${(1_700_000_000).toString(36)}|2024-05-01|am|chat|b`);
  });

  it.each([
    [{ analytics: false, marketing: false }, ''],
    [{ analytics: true, marketing: false }, 'a'],
    [{ analytics: false, marketing: true }, 'm'],
  ])('writes categories %j as %j', (categories, field) => {
    expect(encodeRecord(record({ categories })).split('|')[4]).toBe(field);
  });

  it.each([
    ['banner', 'b'],
    ['preferences', 'p'],
    ['api', 'a'],
    ['signal', 's'],
  ] as const)('writes the source %s as %s', (source, code) => {
    expect(encodeRecord(record({ source })).split('|')[6]).toBe(code);
  });

  it('URI-encodes the revision so that "|" cannot break the fields', () => {
    const raw = encodeRecord(record({ revision: 'a|b c%' }));
    expect(raw.split('|')).toHaveLength(7);
    expect(decoded(raw).revision).toBe('a|b c%');
  });

  it('keeps the time to the second', () => {
    expect(decoded(encodeRecord(record({ time: NOW + 999 }))).time).toBe(NOW);
  });

  it('starts with the format version', () => {
    expect(RECORD_VERSION).toBe('1');
    expect(encodeRecord(record()).startsWith('1|')).toBe(true);
  });
});

describe('encode/decode round trip', () => {
  it('gives back every record of many random ones', () => {
    const r = prng(7);
    for (let i = 0; i < 1000; i++) {
      const original: ConsentRecord = {
        id: r.string(22, ID_ALPHABET),
        time: r.int(4_000_000_000) * 1000,
        revision: r.string(1 + r.int(64), 'abcXYZ019-._~ |%/éü€'),
        categories: { analytics: r.chance(0.5), marketing: r.chance(0.5) },
        services: ALL_BUILT_IN.filter(() => r.chance(0.5)),
        source: r.pick(SOURCES),
        signalled: false,
      };
      if (original.source !== 'signal') original.signalled = r.chance(0.5);
      const raw = encodeRecord(original);
      expect(decoded(raw), raw).toEqual(original);
      expect(encodeRecord(decoded(raw))).toBe(raw);
    }
  });

  it('stores a choice made while a privacy signal was sent with its source in upper case, and reads it back', () => {
    for (const source of ['banner', 'preferences', 'api'] as const) {
      const original = record({ source, signalled: true });
      const raw = encodeRecord(original);
      expect(raw.endsWith(`|${source[0].toUpperCase()}`)).toBe(true);
      expect(decoded(raw)).toEqual(original);
      expect(readRecord(raw)).toEqual(original);
    }
    // Lower case: made without a signal.
    expect(readRecord(encodeRecord(record({ source: 'banner' })))?.signalled).toBe(false);
  });

  it('stays under 300 characters with every built-in service and a 64-character revision', () => {
    const raw = encodeRecord(
      record({
        time: 4_102_444_800_000, // 2100-01-01
        revision: 'r'.repeat(64),
        categories: { analytics: true, marketing: true },
        services: ALL_BUILT_IN,
        source: 'preferences',
      }),
    );
    expect(raw.length).toBeLessThan(MAX_RECORD_LENGTH);
    expect(decodeRecord(raw).ok).toBe(true);
  });

  it('the configuration refuses a revision too long once URI-encoded; every one it accepts fits and reads back', () => {
    // 64 Cyrillic characters: accepted by length, but 337 characters once in the record.
    const tooLong = 'Политика конфиденциальности и cookie, редакция от 1 марта 2024 г';
    const refused = parseConfig({ attributes: { revision: tooLong } });
    expect(refused.config.revision).toBe('1');
    expect(refused.problems).toHaveLength(1);
    expect(refused.problems[0].message).toContain('data-revision');
    // The longest accepted: 21 Cyrillic characters (126 encoded), with every service a record can list.
    const longest = 'Политика от 1.03.2024'.slice(0, 21);
    const accepted = parseConfig({ attributes: { revision: longest } });
    expect(accepted.problems).toEqual([]);
    const raw = encodeRecord(record({ revision: accepted.config.revision, services: ['leadlander', 'facebook'] }));
    expect(raw.length).toBeLessThan(MAX_RECORD_LENGTH);
    expect(decodeRecord(raw)).toMatchObject({ ok: true, record: { revision: longest } });
  });
  it('the configuration refuses a revision holding a lone surrogate, which cannot be encoded', () => {
    // JSON "v\ud800" parses to a string with an unpaired surrogate; encodeURIComponent throws URIError on it.
    const { config, problems } = parseConfig({ json: JSON.parse('{"revision": "v\\ud800"}') });
    expect(config.revision).toBe('1');
    expect(problems.map((p) => p.level)).toEqual(['error']);
    expect(() => encodeRecord(record({ revision: config.revision }))).not.toThrow();
  });
});

describe('decodeRecord refuses', () => {
  const good = encodeRecord(record());
  const fields = good.split('|');
  const withField = (index: number, value: string) => fields.map((f, i) => (i === index ? value : f)).join('|');

  it('accepts the reference record (the cases below differ from it in one place)', () => {
    expect(decodeRecord(good).ok).toBe(true);
  });

  it.each([[undefined], [null], [42], [{}], [['1']], [true]])('a value that is not text: %j', (raw) => {
    expect(refusal(raw)).toBe('it is not text');
  });

  it.each([['2'], ['0'], [''], ['v1'], ['01']])('the format version %j', (version) => {
    expect(refusal(withField(0, version))).toContain('format version');
  });

  it('a format version 2 record', () => {
    expect(refusal(`2|${fields.slice(1).join('|')}`)).toContain('is not 1');
  });

  it.each([
    ['six fields', fields.slice(0, 6).join('|')],
    ['eight fields', `${good}|x`],
    ['one field', '1'],
    ['the empty string', ''],
  ])('%s', (_, raw) => {
    expect(decodeRecord(raw).ok).toBe(false);
  });

  it.each([
    ['too short', 'a'.repeat(21)],
    ['too long', 'a'.repeat(23)],
    ['with "+"', `${'a'.repeat(21)}+`],
    ['with "/"', `${'a'.repeat(21)}/`],
    ['with "="', `${'a'.repeat(21)}=`],
    ['empty', ''],
  ])('an id %s', (_, id) => {
    expect(refusal(withField(1, id))).toBe('its consent ID is malformed');
  });

  it.each([[''], ['ABC'], ['-1'], ['1.5'], ['1234567890'], ['t4f0 ']])('the time %j', (time) => {
    expect(refusal(withField(2, time))).toBe('its time is malformed');
  });

  it.each([['ma'], ['aa'], ['x'], ['A'], ['amm'], [' a']])('the categories %j', (cats) => {
    expect(refusal(withField(4, cats))).toBe('its categories are malformed');
  });

  it.each([['A'], ['-x'], ['x~'], ['~x'], ['x~~y'], ['a'.repeat(33)], ['x,y'], ['x y'], ['x_y']])(
    'the services %j',
    (services) => {
      expect(refusal(withField(5, services))).toBe('its services are malformed');
    },
  );

  it.each([[''], ['x'], ['S'], ['X'], ['banner'], ['bb'], ['constructor'], ['__proto__'], ['toString']])(
    'the source %j',
    (source) => {
      expect(refusal(withField(6, source))).toBe('its source is malformed');
    },
  );

  it.each([['%'], ['%E0%A4%A'], ['%zz'], ['%C3'], ['%ED%A0%80']])('bad percent-encoding in the revision: %j', (rev) => {
    expect(refusal(withField(3, rev))).toBe('its revision is malformed');
  });

  it('an empty revision', () => {
    expect(refusal(withField(3, ''))).toBe('its revision is empty');
  });

  it(`anything over ${MAX_RECORD_LENGTH} characters, even when well formed`, () => {
    const long = withField(3, 'r'.repeat(MAX_RECORD_LENGTH));
    expect(refusal(long)).toContain('more than a record can be');
  });

  it('4 KB of junk, quickly and without throwing', () => {
    const r = prng(4096);
    let junk = '';
    for (let i = 0; i < 4096; i++) junk += String.fromCharCode(r.int(0x10000));
    expect(refusal(junk)).toContain('4096 characters');
    expect(refusal(`1|${'|'.repeat(4000)}`)).toContain('characters long');
  });
});

describe('decodeRecord reads only the canonical encoding', () => {
  const good = encodeRecord(record({ revision: 'é 1' }));
  const fields = good.split('|');
  const withField = (index: number, value: string) => fields.map((f, i) => (i === index ? value : f)).join('|');

  // Each of these decodes to the same record as `good` but is not what encodeRecord writes.
  it.each([
    ['a time with a leading zero', withField(2, `0${fields[2]}`)],
    ['a revision with lower-case percent escapes', withField(3, fields[3].toLowerCase())],
    ['a revision with unescaped characters', withField(3, 'é 1')],
    ['a revision with a needless escape', withField(3, fields[3].replace('1', '%31'))],
  ])('refuses %s', (_, raw) => {
    expect(raw).not.toBe(good);
    const result = decodeRecord(raw);
    if (result.ok) expect(encodeRecord(result.record), `accepted ${raw}`).toBe(raw);
    expect(result.ok).toBe(false);
  });
});

describe('staleReason', () => {
  const expiryDays = 182;

  it('is undefined for a fresh record of the current revision', () => {
    expect(stale(record({ time: NOW - DAY }), '1', expiryDays, NOW)).toBeUndefined();
  });

  it('names both revisions when the revision changed', () => {
    const reason = stale(record({ revision: '2018-04-15' }), '2024-05-01', expiryDays, NOW);
    expect(reason).toContain('"2018-04-15"');
    expect(reason).toContain('"2024-05-01"');
  });

  it('counts a record until just before expiryDays', () => {
    expect(stale(record({ time: NOW - expiryDays * DAY + 1000 }), '1', expiryDays, NOW)).toBeUndefined();
    expect(stale(record({ time: NOW - expiryDays * DAY + 1 }), '1', expiryDays, NOW)).toBeUndefined();
  });

  it('refuses a record exactly expiryDays old', () => {
    expect(stale(record({ time: NOW - expiryDays * DAY }), '1', expiryDays, NOW)).toBe('it is older than 182 days');
  });

  it('refuses a record older than expiryDays', () => {
    expect(stale(record({ time: NOW - 400 * DAY }), '1', expiryDays, NOW)).toContain('older than 182 days');
    expect(stale(record({ time: NOW - 31 * DAY }), '1', 30, NOW)).toContain('older than 30 days');
  });

  it('tolerates a day of clock skew but refuses a time further in the future', () => {
    expect(stale(record({ time: NOW + 3_600_000 }), '1', expiryDays, NOW)).toBeUndefined();
    expect(stale(record({ time: NOW + DAY }), '1', expiryDays, NOW)).toBeUndefined();
    expect(stale(record({ time: NOW + DAY + 1000 }), '1', expiryDays, NOW)).toBe('its time lies in the future');
    expect(stale(record({ time: NOW + 365 * DAY }), '1', expiryDays, NOW)).toBe('its time lies in the future');
  });
});

describe('remainingMs', () => {
  it('is the time left until expiry, never negative', () => {
    expect(remainingMs(record({ time: NOW - 10 * DAY }), 182, NOW)).toBe(172 * DAY);
    expect(remainingMs(record({ time: NOW }), 30, NOW)).toBe(30 * DAY);
    expect(remainingMs(record({ time: NOW - 200 * DAY }), 182, NOW)).toBe(0);
  });
});

describe('createConsentId', () => {
  it('gives 22 base64url characters', () => {
    for (let i = 0; i < 200; i++) expect(createConsentId(webcrypto)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('differs between calls', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => createConsentId(webcrypto)));
    expect(ids.size).toBe(1000);
  });

  it('uses all 16 random bytes and the url-safe alphabet', () => {
    const fixed = (byte: number) => ({
      getRandomValues: <T extends ArrayBufferView | null>(a: T): T => {
        (a as unknown as Uint8Array).fill(byte);
        return a;
      },
    });
    expect(createConsentId(fixed(0xff))).toBe('_____________________w');
    expect(createConsentId(fixed(0xfb))).toMatch(/^[-_A-Za-z0-9]{22}$/);
    expect(createConsentId(fixed(0xfb))).toContain('-');
    expect(createConsentId(fixed(0))).toBe('A'.repeat(22));
  });

  it('makes ids that a record accepts', () => {
    const raw = encodeRecord(record({ id: createConsentId(webcrypto) }));
    expect(decodeRecord(raw).ok).toBe(true);
  });
});
