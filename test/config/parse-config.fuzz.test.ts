import { afterEach, describe, expect, it } from 'vitest';
import { attributeName, MAX_EXPIRY_DAYS } from '../../src/config/names';
import { parseConfig } from '../helpers/config';
import { type Prng, prng } from '../helpers/prng';

const KNOWN = [
  'googleAnalytics',
  'leadlander',
  'twitterPixel',
  'facebookPixel',
  'policyUrl',
  'revision',
  'expiryDays',
  'cookieDomain',
  'privacySignals',
  'reloadOnWithdraw',
  'receiptUrl',
  'lang',
  'reopenButton',
  'services',
  'texts',
];
const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'en', 'id', 'cookies'];
const ALPHABET = 'aAgG-0123456789_ .:/\\<>"\'`;|%&\t\n\u0000éÜ€😀javscript';
const SEEDS = ['G-ABC123', '19428', 'o1abc', '123456789012345', '/privacy', 'javascript:alert(1)', '/x(/', '/a.+/i'];

function randomString(r: Prng): string {
  if (r.chance(0.3)) return r.pick(SEEDS);
  return r.string(r.int(20), ALPHABET);
}

/** Values that are right for their key, so that the fuzz reaches accepted configs as often as refused ones. */
const GOOD: [string, string][] = [
  ['googleAnalytics', 'G-ABC123XYZ9'],
  ['leadlander', '19428'],
  ['twitterPixel', 'o1abc'],
  ['facebookPixel', '123456789012345'],
  ['policyUrl', '/privacy'],
  ['expiryDays', '30'],
  ['cookieDomain', '.example.com'],
];

function randomKey(r: Prng): string {
  const roll = r.next();
  if (roll < 0.6) return r.pick(KNOWN);
  if (roll < 0.8) return r.pick(NASTY_KEYS);
  return randomString(r);
}

/** A random JSON value: nested objects (own `__proto__` keys included), arrays, strings, numbers, booleans, null. */
function randomJson(r: Prng, depth = 0): unknown {
  const roll = r.int(depth > 3 ? 5 : 8);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1, 30, 182, 395, 400, 1e21, 0.5, 19428, 123456789012345, Number.MAX_SAFE_INTEGER]);
    case 3:
    case 4:
      return randomString(r);
    case 5:
      return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: r.int(6) }, () => [randomKey(r), randomJson(r, depth + 1)]));
  }
}

const CASES = 2000;

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('parseConfig fuzz', () => {
  it(`never throws and always returns a safe config, for ${CASES} random inputs`, () => {
    const r = prng(0xc0ffee);
    let withTracker = 0;
    let withError = 0;
    for (let i = 0; i < CASES; i++) {
      // Through JSON text, exactly like the page's config block.
      const json = r.chance(0.9) ? JSON.parse(JSON.stringify(randomJson(r))) : undefined;
      const attributes: Record<string, string> = {};
      for (let n = r.int(5); n > 0; n--) {
        const [key, value] = r.chance(0.3) ? r.pick(GOOD) : [randomKey(r), randomString(r)];
        attributes[key] = value;
      }
      const hostname = r.pick(['example.com', 'shop.example.com', 'localhost', '192.0.2.1', undefined]);

      let result: ReturnType<typeof parseConfig> | undefined;
      const context = `case ${i}: ${JSON.stringify({ json, attributes, hostname })}`;
      expect(() => {
        result = parseConfig({ json, attributes, hostname });
      }, context).not.toThrow();
      const { config, problems } = result as ReturnType<typeof parseConfig>;

      if (config.googleAnalytics !== undefined) expect(config.googleAnalytics, context).toMatch(/^G-[A-Z0-9]{4,15}$/);
      if (config.leadlander !== undefined) expect(config.leadlander, context).toMatch(/^\d+$/);
      if (config.twitterPixel !== undefined) expect(config.twitterPixel, context).toMatch(/^[a-z0-9]+$/);
      if (config.facebookPixel !== undefined) expect(config.facebookPixel, context).toMatch(/^\d{10,20}$/);
      for (const url of [config.policyUrl, config.receiptUrl])
        if (url !== undefined) expect(new URL(url, 'https://page.test/').protocol, context).toMatch(/^https?:$/);
      expect(config.expiryDays, context).toBeGreaterThan(0);
      expect(config.expiryDays, context).toBeLessThanOrEqual(MAX_EXPIRY_DAYS);
      expect(['honor', 'ask'], context).toContain(config.privacySignals);
      expect(typeof config.reloadOnWithdraw, context).toBe('boolean');
      expect(typeof config.reopenButton, context).toBe('boolean');
      expect(typeof config.revision, context).toBe('string');
      expect(Array.isArray(config.services), context).toBe(true);
      for (const s of config.services) expect(['analytics', 'marketing'], context).toContain(s.category);
      for (const p of problems) {
        expect(['error', 'warning'], context).toContain(p.level);
        expect(p.message.startsWith('Crumb: '), context).toBe(true);
      }
      expect(Object.getPrototypeOf(config), context).toBe(Object.prototype);
      expect(Object.prototype, context).not.toHaveProperty('polluted');
      if (config.googleAnalytics || config.leadlander || config.twitterPixel || config.facebookPixel) withTracker++;
      if (problems.some((p) => p.level === 'error')) withError++;
    }
    // The generator reaches both sides: valid tracker IDs and mistakes.
    expect(withTracker).toBeGreaterThan(CASES / 20);
    expect(withError).toBeGreaterThan(CASES / 4);
  });

  it('reports each wrong attribute of a random set exactly once, naming it', () => {
    const r = prng(42);
    const scalar = KNOWN.filter((k) => k !== 'services' && k !== 'texts');
    for (let i = 0; i < 500; i++) {
      const key = r.pick(scalar);
      const value = randomString(r);
      const { config, problems } = parseConfig({ attributes: { [key]: value } });
      const valueKept = (config as unknown as Record<string, unknown>)[key];
      const context = `case ${i}: ${key}=${JSON.stringify(value)}`;
      expect(problems.length, context).toBeLessThanOrEqual(1);
      if (problems.length) {
        expect(problems[0].level, context).toBe('error');
        expect(problems[0].message, context).toContain(attributeName(key));
      } else {
        expect(valueKept, context).toBeDefined();
      }
    }
  });
});
