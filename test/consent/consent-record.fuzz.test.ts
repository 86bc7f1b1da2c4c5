import { describe, expect, it } from 'vitest';
import { describeRecordFault } from '../../src/config/diagnostics';
import { type ConsentRecord, decodeRecord, encodeRecord } from '../../src/consent/consent-record';
import { type Prng, prng } from '../helpers/prng';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** What mutations draw from: the format's own characters, its separators, escapes and a few strangers. */
const MUTATION_ALPHABET = `${ID_ALPHABET}|~%amsbp019AZaz .:/\\"'<>\u0000\u00e9\u20ac\ud83d`;
const SERVICES = ['google-analytics', 'leadlander', 'twitter', 'facebook', 'chat', 'a', 'x-1'];

function randomRecord(r: Prng): ConsentRecord {
  return {
    id: r.string(22, ID_ALPHABET),
    time: r.int(4_000_000_000) * 1000,
    revision: r.string(1 + r.int(20), 'abc019-._~ %|é'),
    categories: { analytics: r.chance(0.5), marketing: r.chance(0.5) },
    services: SERVICES.filter(() => r.chance(0.3)),
    source: r.pick(['banner', 'preferences', 'api', 'signal'] as const),
  };
}

function mutate(r: Prng, s: string): string {
  const at = r.int(s.length + 1);
  switch (r.int(3)) {
    case 0: // flip one character
      return s.slice(0, at) + r.pick([...MUTATION_ALPHABET]) + s.slice(at + 1);
    case 1: // insert one
      return s.slice(0, at) + r.pick([...MUTATION_ALPHABET]) + s.slice(at);
    default: // delete one
      return s.slice(0, at) + s.slice(at + 1);
  }
}

const ROUNDS = 5000;

function* mutations(seed: number): Generator<string> {
  const r = prng(seed);
  for (let i = 0; i < ROUNDS; i++) {
    let s = encodeRecord(randomRecord(r));
    for (let n = 1 + r.int(3); n > 0; n--) s = mutate(r, s);
    yield s;
  }
}

describe('decodeRecord fuzz', () => {
  it(`never throws on ${ROUNDS} mutated encodings, and refuses with a reason`, () => {
    let refused = 0;
    for (const s of mutations(1)) {
      let result: ReturnType<typeof decodeRecord> | undefined;
      expect(() => {
        result = decodeRecord(s);
      }, JSON.stringify(s)).not.toThrow();
      if (result && !result.ok) {
        refused++;
        expect(describeRecordFault(result.reason), JSON.stringify(s)).toMatch(/^it/);
      }
    }
    // Most single-character changes break the format.
    expect(refused).toBeGreaterThan(ROUNDS / 2);
  });

  it('re-encodes whatever it accepts to exactly the same string', () => {
    const different: string[] = [];
    let accepted = 0;
    for (const s of mutations(2)) {
      const result = decodeRecord(s);
      if (!result.ok) continue;
      accepted++;
      try {
        const again = encodeRecord(result.record);
        if (again !== s) different.push(`${JSON.stringify(s)} re-encodes as ${JSON.stringify(again)}`);
      } catch (e) {
        different.push(`${JSON.stringify(s)} cannot be re-encoded: ${e}`);
      }
    }
    expect(accepted).toBeGreaterThan(0);
    // The first few offenders, and how many there are.
    expect(different.slice(0, 5), `${different.length} of ${accepted} accepted mutations are not canonical`).toEqual(
      [],
    );
  });

  it('gives records whose fields have the documented shapes', () => {
    for (const s of mutations(3)) {
      const result = decodeRecord(s);
      if (!result.ok) continue;
      const { record } = result;
      expect(record.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Number.isSafeInteger(record.time)).toBe(true);
      expect(record.time).toBeGreaterThanOrEqual(0);
      expect(record.revision.length).toBeGreaterThan(0);
      expect(typeof record.categories.analytics).toBe('boolean');
      expect(typeof record.categories.marketing).toBe('boolean');
      for (const id of record.services) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,31}$/);
      expect(['banner', 'preferences', 'api', 'signal']).toContain(record.source);
    }
  });
});
