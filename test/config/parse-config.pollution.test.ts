import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../helpers/config';

/** Every payload comes through JSON.parse, exactly as the page's config block does: `__proto__` is an own key then. */
const PAYLOADS = [
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"prototype": {"polluted": true}}',
  '{"texts": {"__proto__": {"polluted": true}}}',
  '{"texts": {"constructor": {"prototype": {"polluted": true}}}}',
  '{"texts": {"en": {"__proto__": {"polluted": true}}}}',
  '{"texts": {"en": {"constructor": {"prototype": {"polluted": true}}}}}',
  '{"services": [{"id": "chat", "name": "Chat", "category": "marketing", "__proto__": {"polluted": true}}]}',
  '{"services": {"__proto__": {"polluted": true}}}',
  '{"services": [{"__proto__": {"id": "chat", "name": "Chat", "category": "marketing"}}]}',
];

const clean = () => {
  for (const target of [Object.prototype, Array.prototype, Function.prototype] as Record<string, unknown>[])
    delete target.polluted;
};

afterEach(clean);

describe('parseConfig never lets the configuration modify prototypes', () => {
  it.each(PAYLOADS)('%s', (text) => {
    const { config } = parseConfig({ json: JSON.parse(text) });

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(config.texts)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(config.services)).toBe(Array.prototype);
    for (const texts of Object.values(config.texts)) expect(Object.getPrototypeOf(texts)).toBe(Object.prototype);
    for (const s of config.services) expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
    expect((config as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(config.texts)).not.toContain('__proto__');
    expect(Object.keys(config.texts)).not.toContain('constructor');
  });

  it('does not take a service from a prototype it was given', () => {
    const { config } = parseConfig({ json: JSON.parse(PAYLOADS[9]) });
    expect(config.services).toEqual([]);
  });

  it('reports a "__proto__" key as an unknown option rather than using it', () => {
    const { problems } = parseConfig({ json: JSON.parse(PAYLOADS[0]) });
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain('"__proto__"');
  });

  it('ignores "__proto__" and "constructor" among attributes too', () => {
    const attributes = Object.fromEntries([
      ['__proto__', '{"polluted": true}'],
      ['constructor', 'x'],
      ['hasOwnProperty', 'x'],
    ]);
    const { config, problems } = parseConfig({ attributes });
    expect(problems.map((p) => p.level)).toEqual(['warning', 'warning', 'warning']);
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(typeof config.hasOwnProperty).toBe('function');
  });

  it('does not read options from the prototype of the input', () => {
    const json = Object.create({ googleAnalytics: 'G-INHERITED' });
    json.revision = 'own';
    const { config } = parseConfig({ json });
    expect(config.googleAnalytics).toBeUndefined();
    expect(config.revision).toBe('own');
  });
});
