import { describe, expect, it } from 'vitest';
import { describeRecordFault } from '../../src/config/diagnostics';
import {
  type DecodeResult,
  decodeRecord,
  encodeRecord,
  MAX_RECORD_LENGTH,
  readRecord,
} from '../../src/consent/consent-record';
import { type Prng, prng } from '../helpers/prng';

/**
 * Purely random input, unlike consent-record.fuzz.test.ts which mutates valid encodings: the format's separators and
 * escapes, letters and digits, whitespace and control characters, accents, symbols, emoji and lone surrogates.
 */
const WIDE_ALPHABET = [
  ...'||||~~~%%%',
  ...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_',
  ...' .:/\\"\'<>&;=+?#,[]{}()',
  '\u0000',
  '\u0001',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00e9',
  '\u00df',
  '\u0130',
  '\u20ac',
  '\u2028',
  '\u200b',
  '\ufeff',
  '\uffff',
  '\ud83d',
  '\ude00',
  '\ud83d\ude00',
  '\u4e2d',
].join('');

function randomString(r: Prng): string {
  // Mostly short, sometimes around and past the length limit.
  const length = r.chance(0.8) ? r.int(64) : r.int(MAX_RECORD_LENGTH * 2);
  return r.string(length, WIDE_ALPHABET);
}

/** Strings shaped like a record, field by field, each field drawn from its own alphabet or from anything. */
function recordLike(r: Prng): string {
  const field = (alphabet: string, max: number) =>
    r.chance(0.9) ? r.string(r.int(max + 1), alphabet) : r.string(r.int(max + 1), WIDE_ALPHABET);
  const id = r.chance(0.8)
    ? r.string(22, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')
    : field('Aa0-_', 24);
  const fields = [
    r.chance(0.9) ? '1' : field('0123', 2),
    id,
    field('0123456789abcdefghijklmnopqrstuvwxyz', 10),
    field('abc019-._%2AF~ ', 8),
    r.pick(['', 'a', 'm', 'am', 'ma', 'aa', 'x']),
    r.pick(['', 'chat', 'chat~x-1', 'google-analytics~facebook', '~', 'Chat', '-a', 'a~']),
    r.pick(['b', 'p', 'a', 's', 'x', '', 'bb', 'B']),
  ];
  if (r.chance(0.1)) fields.splice(r.int(fields.length), 1);
  if (r.chance(0.1)) fields.push(field('ab', 3));
  return fields.join('|');
}

function nonString(r: Prng): unknown {
  const valid = encodeRecord({
    id: 'Qk3vX0b9mT2aLr7cYw1eZA',
    time: 1_700_000_000_000,
    revision: '1',
    categories: { analytics: true, marketing: false },
    services: [],
    source: 'banner',
  });
  switch (r.int(14)) {
    case 0:
      return r.pick([0, -0, 1, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER, 1e300]);
    case 1:
      return (r.next() - 0.5) * 10 ** r.int(20);
    case 2:
      return null;
    case 3:
      return undefined;
    case 4:
      return r.chance(0.5);
    case 5:
      return Symbol(randomString(r));
    case 6:
      return BigInt(r.int(1_000_000)) * BigInt(r.chance(0.5) ? -1 : 1);
    case 7:
      return () => valid;
    case 8:
      return Array.from({ length: r.int(8) }, () => randomString(r));
    case 9:
      // An array that joins (and prints) as a valid record.
      return valid.split('|');
    case 10:
      // Objects that would coerce to a valid record, or throw on coercion.
      return r.pick([
        { toString: () => valid },
        { [Symbol.toPrimitive]: () => valid },
        {
          toString() {
            throw new Error('coerced');
          },
        },
        Object.create(null),
      ]);
    case 11:
      // A boxed string is an object, not text.
      return new String(valid);
    case 12:
      // Any property access or coercion throws.
      return new Proxy(
        {},
        {
          get() {
            throw new Error('touched');
          },
        },
      );
    default:
      return { id: randomString(r), time: r.int(1e9), revision: randomString(r), length: r.int(400) };
  }
}

function describeInput(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return `${typeof value}: ${String(value)}`;
  } catch {
    return `${typeof value} that cannot be printed`;
  }
}

/** Decodes, failing the test with the input when decodeRecord throws. */
function decode(value: unknown): DecodeResult {
  let result: DecodeResult | undefined;
  expect(() => {
    result = decodeRecord(value);
  }, describeInput(value)).not.toThrow();
  return result as DecodeResult;
}

/** A refusal is exactly { ok: false, reason } with a non-empty reason. */
function expectRefused(result: DecodeResult, context: string) {
  expect(Object.keys(result).sort(), context).toEqual(['ok', 'reason']);
  expect(result.ok, context).toBe(false);
  if (!result.ok) {
    // A known fault, which the diagnostics chunk puts in words.
    expect(describeRecordFault(result.reason), context).toMatch(/^it/);
  }
}

const ROUNDS = 5000;

describe('decodeRecord on random input', () => {
  it(`never throws on ${ROUNDS} random strings, and refuses every one that is not canonical`, () => {
    const r = prng(0x5eed);
    let refused = 0;
    const notCanonical: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const s = randomString(r);
      const result = decode(s);
      if (result.ok) {
        if (encodeRecord(result.record) !== s) notCanonical.push(JSON.stringify(s));
      } else {
        refused++;
        expectRefused(result, `case ${i}: ${JSON.stringify(s)}`);
      }
    }
    expect(notCanonical).toEqual([]);
    // Random text is practically never a record (with this seed, none is).
    expect(refused).toBe(ROUNDS);
  });

  it(`refuses ${ROUNDS} random non-string values (even ones that coerce to a valid record) without touching them`, () => {
    const r = prng(0xbad);
    const kinds = new Set<string>();
    for (let i = 0; i < ROUNDS; i++) {
      const value = nonString(r);
      kinds.add(typeof value);
      expectRefused(decode(value), `case ${i}: ${describeInput(value)}`);
    }
    // The generator reaches every kind of non-string value.
    expect([...kinds].sort()).toEqual(['bigint', 'boolean', 'function', 'number', 'object', 'symbol', 'undefined']);
  });

  it(`re-encodes every one of ${ROUNDS} record-shaped random strings it accepts to exactly the same string`, () => {
    const r = prng(0xca5e);
    let accepted = 0;
    let refused = 0;
    const notCanonical: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const s = recordLike(r);
      const result = decode(s);
      if (!result.ok) {
        refused++;
        expectRefused(result, `case ${i}: ${JSON.stringify(s)}`);
        continue;
      }
      accepted++;
      let again: string;
      try {
        again = encodeRecord(result.record);
      } catch (e) {
        again = `<throws ${e}>`;
      }
      if (again !== s) notCanonical.push(`${JSON.stringify(s)} re-encodes as ${JSON.stringify(again)}`);
    }
    expect(notCanonical.slice(0, 5), `${notCanonical.length} of ${accepted} accepted are not canonical`).toEqual([]);
    // The generator reaches both sides, so the property above is not vacuous.
    expect(accepted).toBeGreaterThan(ROUNDS / 50);
    expect(refused).toBeGreaterThan(ROUNDS / 4);
  });
});

describe("readRecord, the core's reader, against decodeRecord", () => {
  it(`takes exactly what decodeRecord takes, as the same record, on ${ROUNDS} record-shaped and ${ROUNDS} random strings`, () => {
    const r = prng(0x0c0e);
    let accepted = 0;
    const disagree: string[] = [];
    for (let i = 0; i < 2 * ROUNDS; i++) {
      const s = i % 2 ? recordLike(r) : randomString(r);
      const full = decodeRecord(s);
      let core: ReturnType<typeof readRecord> | 'throws';
      try {
        core = readRecord(s);
      } catch {
        core = 'throws';
      }
      if (full.ok) accepted++;
      const same = full.ok ? JSON.stringify(core) === JSON.stringify(full.record) : core === undefined;
      if (!same) disagree.push(JSON.stringify(s));
    }
    expect(disagree.slice(0, 5), `${disagree.length} disagree`).toEqual([]);
    expect(accepted).toBeGreaterThan(ROUNDS / 50);
  });

  it('refuses non-strings and values past 300 characters', () => {
    const r = prng(0xbad2);
    for (let i = 0; i < 200; i++) expect(readRecord(nonString(r))).toBeUndefined();
    const long = encodeRecord({
      id: 'Qk3vX0b9mT2aLr7cYw1eZA',
      time: 1_700_000_000_000,
      revision: 'r'.repeat(64),
      categories: { analytics: false, marketing: false },
      services: Array.from({ length: 12 }, (_, k) => `service-number-${k}`),
      source: 'api',
    });
    expect(long.length).toBeGreaterThan(MAX_RECORD_LENGTH);
    expect(readRecord(long)).toBeUndefined();
    expect(decodeRecord(long).ok).toBe(false);
  });
});
