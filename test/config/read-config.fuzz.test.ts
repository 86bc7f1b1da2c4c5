// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_EXPIRY_DAYS } from '../../src/config/names';
import { readConfig } from '../helpers/config';
import { type Prng, prng } from '../helpers/prng';

const VALID = JSON.stringify({
  policyUrl: '/privacy',
  services: [{ id: 'chat', name: 'Chat', category: 'marketing', cookies: ['chat_id', '/^cx_.+$/'] }],
  texts: { de: { acceptAll: 'Ja' } },
});

/** What byte mutations draw from: JSON's own syntax, the config's letters, escapes and a few strangers. */
const MUTATION_ALPHABET = `{}[]:,"\\ntrufalse0123456789.-+eE /^$_xyzacdhip\t\n\r\u0000\u00e9\u20ac\ud83d\u2028'<>`;

function mutate(r: Prng, s: string): string {
  const at = r.int(s.length + 1);
  switch (r.int(4)) {
    case 0: // flip one character
      return s.slice(0, at) + r.pick([...MUTATION_ALPHABET]) + s.slice(at + 1);
    case 1: // insert one
      return s.slice(0, at) + r.pick([...MUTATION_ALPHABET]) + s.slice(at);
    case 2: // delete one
      return s.slice(0, at) + s.slice(at + 1);
    default: // swap two neighbours
      return s.slice(0, at) + s.slice(at + 1, at + 2) + s.slice(at, at + 1) + s.slice(at + 2);
  }
}

/** A random JSON value, its keys mostly the config's own so that parseConfig gets past the first check. */
function randomJson(r: Prng, depth = 0): unknown {
  switch (r.int(depth > 2 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1, 30, 395, 396, 1e21, 0.5, -0.5]);
    case 3:
    case 4:
      return r.pick([
        '',
        'chat',
        'Chat',
        'marketing',
        'analytics',
        '/privacy',
        '/^cx_.+$/',
        '/(/',
        'Ja',
        'x'.repeat(70),
      ]);
    case 5:
      return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1));
    default: {
      const keys = ['policyUrl', 'services', 'texts', 'revision', 'expiryDays', 'id', 'name', 'category', 'cookies'];
      const more = ['de', 'en', 'acceptAll', '__proto__', 'constructor', ''];
      return Object.fromEntries(
        Array.from({ length: r.int(5) }, () => [r.pick(r.chance(0.7) ? keys : more), randomJson(r, depth + 1)]),
      );
    }
  }
}

/** Config text: the valid config as is, truncated, mutated, or random valid JSON (itself sometimes mutated). */
function randomText(r: Prng): string {
  switch (r.int(6)) {
    case 0:
      return VALID.slice(0, r.int(VALID.length + 1));
    case 1:
    case 2: {
      let s = VALID;
      for (let n = 1 + r.int(4); n > 0; n--) s = mutate(r, s);
      return s;
    }
    case 3: {
      const json = JSON.stringify(randomJson(r)) ?? 'null';
      return r.chance(0.3) ? mutate(r, json) : json;
    }
    case 4:
      // Whitespace around a valid config, or the config with one service changed.
      return r.chance(0.5)
        ? `\n  ${VALID}\t\n`
        : VALID.replace('"chat"', JSON.stringify(r.pick(['Chat', '', 'x-1', 'google-analytics', 'chat'])));
    default:
      return r.pick(['', ' ', 'null', '[]', '{}', '"text"', '42', 'true', '{"a":1}{', 'undefined', '{policyUrl:1}']);
  }
}

function block(text: string): void {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.setAttribute('data-crumb-config', '');
  script.textContent = text;
  document.body.appendChild(script);
}

function jsonThrows(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

const CASES = 2000;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readConfig fuzz', () => {
  it('reads the unbroken config', () => {
    block(VALID);
    const { config, problems } = readConfig(document, null, 'shop.example.com');
    expect(problems).toEqual([]);
    expect(config.policyUrl).toBe('/privacy');
    expect(config.services.map((s) => s.id)).toEqual(['chat']);
    expect(config.texts).toEqual({ de: { acceptAll: 'Ja' } });
  });

  it(`never throws and always gives a safe config, for ${CASES} broken or valid config blocks`, () => {
    const r = prng(0x7e57);
    let broken = 0;
    let valid = 0;
    for (let i = 0; i < CASES; i++) {
      document.body.innerHTML = '';
      const text = randomText(r);
      block(text);
      const context = `case ${i}: ${JSON.stringify(text)}`;

      let result: ReturnType<typeof readConfig> | undefined;
      expect(() => {
        result = readConfig(document, null, 'shop.example.com');
      }, context).not.toThrow();
      const { config, problems } = result as ReturnType<typeof readConfig>;

      expect(typeof config.revision, context).toBe('string');
      expect(typeof config.expiryDays, context).toBe('number');
      expect(config.expiryDays, context).toBeGreaterThan(0);
      expect(config.expiryDays, context).toBeLessThanOrEqual(MAX_EXPIRY_DAYS);
      expect(Array.isArray(config.services), context).toBe(true);
      for (const s of config.services) {
        expect(typeof s === 'object' && s !== null, context).toBe(true);
        expect(typeof s.id, context).toBe('string');
      }
      expect(typeof config.texts === 'object' && config.texts !== null, context).toBe(true);
      expect(Array.isArray(config.texts), context).toBe(false);

      const jsonProblems = problems.filter((p) => p.code === 'json');
      if (jsonThrows(text)) {
        broken++;
        expect(jsonProblems, context).toHaveLength(1);
        expect(jsonProblems[0].message, context).toContain('not valid JSON');
        // A broken block adds nothing: the config is the defaults.
        expect(config.services, context).toEqual([]);
        expect(config.policyUrl, context).toBeUndefined();
      } else {
        valid++;
        expect(jsonProblems, context).toEqual([]);
      }
      for (const p of problems) expect(p.message.startsWith('Crumb: '), `${context}: ${p.message}`).toBe(true);
    }
    // The generator reaches both sides.
    expect(broken).toBeGreaterThan(CASES / 4);
    expect(valid).toBeGreaterThan(CASES / 10);
  });
});
