import { describe, expect, it, vi } from 'vitest';
import { reportProblems } from '../../src/config/diagnostics';
import { attributeName, MAX_EXPIRY_DAYS } from '../../src/config/names';
import { domainCovers, parseConfig as parse } from '../../src/config/parse-config';
import { type CrumbConfig, DEFAULT_CONFIG } from '../../src/config/types';
import { type Described, parseConfig } from '../helpers/config';

type Key = Exclude<keyof CrumbConfig, 'services' | 'texts'>;

interface OptionCase {
  attr: string;
  /** Attribute strings and the value they give. */
  good: [string, unknown][];
  /** Attribute strings that are mistakes. */
  bad: string[];
  /** JSON values and the value they give. */
  jsonGood: [unknown, unknown][];
  /** JSON values that are mistakes. */
  jsonBad: unknown[];
}

const URL_GOOD: [string, unknown][] = [
  ['/privacy', '/privacy'],
  ['privacy.html', 'privacy.html'],
  ['https://x.test/p', 'https://x.test/p'],
  ['//cdn.test/p', '//cdn.test/p'],
];
const URL_BAD = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '',
];

const OPTIONS: Record<Key, OptionCase> = {
  googleAnalytics: {
    attr: 'data-google-analytics',
    good: [
      ['G-ABC123XYZ9', 'G-ABC123XYZ9'],
      ['G-ABCD', 'G-ABCD'],
      [`G-${'A1'.repeat(7)}9`, `G-${'A1'.repeat(7)}9`],
      [' G-ABC123 ', 'G-ABC123'],
    ],
    bad: ['UA-1', 'G-<script>', 'g-abc123', 'G-abc123', 'G-ABC', `G-${'A'.repeat(16)}`, 'GT-ABC123', 'G-ABC 123', ''],
    jsonGood: [['G-ABC123XYZ9', 'G-ABC123XYZ9']],
    jsonBad: ['UA-1', 123456, null, ['G-ABC123'], { id: 'G-ABC123' }, true],
  },
  leadlander: {
    attr: 'data-leadlander',
    good: [
      ['19428', '19428'],
      ['1', '1'],
      ['123456789012', '123456789012'],
    ],
    bad: ['19428a', 'abc', '-1', '1234567890123', '1 2', '1.5', ''],
    jsonGood: [
      [19428, '19428'],
      ['19428', '19428'],
    ],
    jsonBad: [-1, 1.5, 'x19428', null, false],
  },
  twitterPixel: {
    attr: 'data-twitter-pixel',
    good: [
      ['o1abc', 'o1abc'],
      ['abc', 'abc'],
      ['a1'.repeat(8), 'a1'.repeat(8)],
    ],
    bad: ['O1ABC', 'o1Abc', 'o1-abc', 'ab', 'a'.repeat(17), '<x>', ''],
    jsonGood: [['o1abc', 'o1abc']],
    jsonBad: ['O1ABC', 12, null],
  },
  facebookPixel: {
    attr: 'data-facebook-pixel',
    good: [
      ['123456789012345', '123456789012345'],
      ['1234567890', '1234567890'],
      ['1'.repeat(20), '1'.repeat(20)],
    ],
    bad: ['123456789', '1'.repeat(21), '12345678901234a', 'abcdefghijkl', '1234567890.5', ''],
    jsonGood: [
      ['123456789012345', '123456789012345'],
      [123456789012345, '123456789012345'],
    ],
    jsonBad: [123, '12345678901234a', null],
  },
  policyUrl: {
    attr: 'data-policy-url',
    good: URL_GOOD,
    bad: URL_BAD,
    jsonGood: URL_GOOD,
    jsonBad: ['javascript:alert(1)', null, { url: '/p' }],
  },
  receiptUrl: {
    attr: 'data-receipt-url',
    good: URL_GOOD,
    bad: URL_BAD,
    jsonGood: URL_GOOD,
    jsonBad: ['vbscript:x', null, ['/r']],
  },
  revision: {
    attr: 'data-revision',
    good: [
      ['2018-04-15', '2018-04-15'],
      ['x'.repeat(64), 'x'.repeat(64)],
      ['v2 (May)', 'v2 (May)'],
    ],
    bad: ['', 'x'.repeat(65), 'a\u0000b', 'a\u007fb'],
    jsonGood: [
      ['2024-05-01', '2024-05-01'],
      [3, '3'],
    ],
    jsonBad: [null, true, { v: 1 }],
  },
  expiryDays: {
    attr: 'data-expiry-days',
    good: [
      ['30', 30],
      ['182', 182],
      ['395', 395],
    ],
    bad: ['0', '-5', 'abc', '1e3', '400', ''],
    jsonGood: [
      [30, 30],
      ['30', 30],
    ],
    jsonBad: [0, -5, 400, 'abc', null, true],
  },
  cookieDomain: {
    attr: 'data-cookie-domain',
    good: [
      ['.example.com', '.example.com'],
      ['example.com', 'example.com'],
    ],
    bad: ['.com', 'example', 'exa mple.com', 'example.com/path', '.-example.com', ''],
    jsonGood: [['.example.com', '.example.com']],
    jsonBad: ['localhost', 42, null],
  },
  privacySignals: {
    attr: 'data-privacy-signals',
    good: [
      ['honor', 'honor'],
      ['ask', 'ask'],
      ['ASK', 'ask'],
    ],
    bad: ['honour', 'ignore', 'yes', ''],
    jsonGood: [['ask', 'ask']],
    jsonBad: ['honour', true, null],
  },
  reloadOnWithdraw: {
    attr: 'data-reload-on-withdraw',
    good: [
      ['true', true],
      ['false', false],
      ['FALSE', false],
      ['', true],
    ],
    bad: ['yes', 'no', '0', '1', 'off'],
    jsonGood: [
      [false, false],
      ['false', false],
    ],
    jsonBad: [0, 1, 'no', null],
  },
  reopenButton: {
    attr: 'data-reopen-button',
    good: [
      ['true', true],
      ['false', false],
      ['', true],
    ],
    bad: ['yes', 'hidden', '0'],
    jsonGood: [[false, false]],
    jsonBad: [0, 'off', null],
  },
  lang: {
    attr: 'data-lang',
    good: [
      ['de', 'de'],
      ['de-CH', 'de-CH'],
      ['fil', 'fil'],
    ],
    bad: ['german', 'd', 'de_CH', '<b>', 'de-', ''],
    jsonGood: [['fr', 'fr']],
    jsonBad: [7, 'français', null],
  },
  theme: {
    attr: 'data-theme',
    good: [
      ['auto', 'auto'],
      ['light', 'light'],
      [' DARK ', 'dark'],
    ],
    bad: ['night', 'black', ''],
    jsonGood: [['dark', 'dark']],
    jsonBad: [true, 'system', null],
  },
};

const HOST = 'shop.example.com';
const keys = Object.keys(OPTIONS) as Key[];
const errorsOf = (problems: Described[]) => problems.filter((p) => p.level === 'error');

describe('parseConfig: defaults', () => {
  it('gives the documented defaults for no input at all, without problems', () => {
    const { config, problems } = parseConfig({});
    expect(problems).toEqual([]);
    expect(config).toEqual({
      revision: '1',
      expiryDays: 182,
      privacySignals: 'honor',
      reloadOnWithdraw: true,
      reopenButton: true,
      theme: 'auto',
      services: [],
      texts: {},
    });
    for (const k of ['googleAnalytics', 'leadlander', 'twitterPixel', 'facebookPixel', 'policyUrl', 'receiptUrl'])
      expect(config).not.toHaveProperty(k);
  });

  it('never shares its services and texts objects with DEFAULT_CONFIG', () => {
    const a = parseConfig({}).config;
    a.services.push({ id: 'x', name: 'X', category: 'analytics', cookies: [] });
    a.texts.en = { acceptAll: 'OK' };
    expect(DEFAULT_CONFIG.services).toEqual([]);
    expect(DEFAULT_CONFIG.texts).toEqual({});
    expect(parseConfig({}).config.services).toEqual([]);
  });
});

describe('parseConfig: every option from attributes', () => {
  it('maps camelCase keys to their attribute names', () => {
    for (const key of keys) expect(attributeName(key)).toBe(OPTIONS[key].attr);
  });

  for (const key of keys) {
    const { attr, good, bad } = OPTIONS[key];

    it.each(good)(`${attr}=%j is accepted as %j`, (value, expected) => {
      const { config, problems } = parseConfig({ attributes: { [key]: value }, hostname: HOST });
      expect(problems).toEqual([]);
      expect(config[key]).toEqual(expected);
    });

    it.each(bad)(`${attr}=%j gives one error naming it, and the default`, (value) => {
      const { config, problems } = parseConfig({ attributes: { [key]: value } });
      expect(problems).toHaveLength(1);
      const [p] = problems;
      expect(p.level).toBe('error');
      expect(p.message).toContain(attr);
      expect(p.message).toContain(JSON.stringify(value));
      expect(p.message).toMatch(/expected /);
      expect(config[key]).toEqual(DEFAULT_CONFIG[key]);
    });
  }

  it('keeps every other option when one is wrong', () => {
    const { config, problems } = parseConfig({
      attributes: { googleAnalytics: 'UA-1', facebookPixel: '123456789012345', policyUrl: '/privacy' },
    });
    expect(errorsOf(problems)).toHaveLength(1);
    expect(config.googleAnalytics).toBeUndefined();
    expect(config.facebookPixel).toBe('123456789012345');
    expect(config.policyUrl).toBe('/privacy');
  });

  it('refuses a pixel ID written as a JSON number too long to survive parsing, and says to quote it', () => {
    const { config, problems } = parseConfig({ json: JSON.parse('{"facebookPixel": 12345678901234567891}') });
    expect(config.facebookPixel).toBeUndefined();
    expect(errorsOf(problems)).toHaveLength(1);
    expect(problems[0].message).toContain('"facebookPixel" in the data-crumb-config block=12345678901234567000');
    expect(problems[0].message).toContain('write it as a string');
    expect(problems[0].message).toContain('the Meta pixel stays off');
  });

  it('gives one error per wrong attribute', () => {
    const { problems } = parseConfig({
      attributes: { googleAnalytics: 'UA-1', twitterPixel: 'X', expiryDays: '0', policyUrl: 'javascript:x' },
    });
    expect(errorsOf(problems).map((p) => p.message.match(/data-[a-z-]+/)?.[0])).toEqual([
      'data-google-analytics',
      'data-twitter-pixel',
      'data-expiry-days',
      'data-policy-url',
    ]);
  });

  it('ignores attributes whose value is undefined', () => {
    const { problems, config } = parseConfig({ attributes: { googleAnalytics: undefined } });
    expect(problems).toEqual([]);
    expect(config.googleAnalytics).toBeUndefined();
  });

  it('never lets a refused URL through in any form', () => {
    const { config } = parseConfig({
      attributes: { policyUrl: 'javascript:alert(1)', receiptUrl: 'JAVASCRIPT:fetch(1)' },
    });
    expect(config.policyUrl).toBeUndefined();
    expect(config.receiptUrl).toBeUndefined();
  });

  it(`caps the expiry at ${MAX_EXPIRY_DAYS} days (13 months)`, () => {
    expect(parseConfig({ attributes: { expiryDays: String(MAX_EXPIRY_DAYS) } }).config.expiryDays).toBe(395);
    expect(parseConfig({ attributes: { expiryDays: String(MAX_EXPIRY_DAYS + 1) } }).config.expiryDays).toBe(182);
  });
});

describe('parseConfig: every option from the JSON block', () => {
  for (const key of keys) {
    const { jsonGood, jsonBad } = OPTIONS[key];

    it.each(jsonGood)(`"${key}": %j is accepted as %j`, (value, expected) => {
      const { config, problems } = parseConfig({ json: { [key]: value }, hostname: HOST });
      expect(problems).toEqual([]);
      expect(config[key]).toEqual(expected);
    });

    it.each(jsonBad)(`"${key}": %j gives one error naming the key, and the default`, (value) => {
      const { config, problems } = parseConfig({ json: { [key]: value } });
      expect(problems).toHaveLength(1);
      const [p] = problems;
      expect(p.level).toBe('error');
      expect(p.message).toContain(`"${key}"`);
      expect(p.message).toContain('data-crumb-config');
      expect(p.message).toContain(JSON.stringify(value));
      expect(p.message).toMatch(/expected /);
      expect(config[key]).toEqual(DEFAULT_CONFIG[key]);
    });
  }

  it.each([[[]], ['text'], [42], [null], [true]])(
    'refuses a block that is not an object (%j) with one error',
    (json) => {
      const { config, problems } = parseConfig({ json, attributes: { googleAnalytics: 'G-ABC123' } });
      expect(problems).toHaveLength(1);
      expect(problems[0].level).toBe('error');
      expect(problems[0].message).toContain('data-crumb-config');
      expect(problems[0].message).toContain(JSON.stringify(json));
      expect(config.googleAnalytics).toBe('G-ABC123');
    },
  );
});

describe('parseConfig: attributes and the JSON block together', () => {
  it('lets attributes override the JSON block, key by key', () => {
    const { config, problems } = parseConfig({
      json: { googleAnalytics: 'G-FROMJSON', revision: 'json-rev', expiryDays: 30 },
      attributes: { googleAnalytics: 'G-FROMATTR', expiryDays: '90' },
    });
    expect(problems).toEqual([]);
    expect(config.googleAnalytics).toBe('G-FROMATTR');
    expect(config.expiryDays).toBe(90);
    expect(config.revision).toBe('json-rev');
  });

  it('says nothing false about a wrong value in the block that an attribute overrides: that value is not used', () => {
    const { config, problems } = parseConfig({
      json: { googleAnalytics: 'UA-1', policyUrl: 'javascript:x', expiryDays: -1 },
      attributes: { googleAnalytics: 'G-ABC123XYZ9', policyUrl: '/privacy' },
    });
    // Only the block's mistake that is still in effect is reported.
    expect(problems.map((p) => p.key)).toEqual(['expiryDays']);
    expect(config).toMatchObject({ googleAnalytics: 'G-ABC123XYZ9', policyUrl: '/privacy' });
    // Under a wrong attribute the piece is off, and both mistakes are said (each message true).
    const both = parseConfig({ json: { googleAnalytics: 'G-<script>' }, attributes: { googleAnalytics: 'UA-1' } });
    expect(both.problems.map((p) => [p.source, p.key])).toEqual([
      ['json', 'googleAnalytics'],
      ['attribute', 'googleAnalytics'],
    ]);
    expect(both.config.googleAnalytics).toBeUndefined();
  });

  it('keeps the JSON value when the attribute is absent', () => {
    const { config } = parseConfig({ json: { reopenButton: false }, attributes: {} });
    expect(config.reopenButton).toBe(false);
  });

  // The error says the piece is switched off / falls back to the default; the config must do what it says.
  it.each([
    ['googleAnalytics', 'G-FROMJSON', 'UA-1', 'Google Analytics stays off'],
    ['policyUrl', '/privacy', 'javascript:alert(1)', 'no policy link is shown'],
    ['revision', 'json-rev', 'a\u0000b', 'the default revision "1" is used'],
  ] as const)(
    'a wrong attribute %s does what its error says even when the JSON block has a value',
    (key, jsonValue, attrValue, says) => {
      const { config, problems } = parseConfig({ json: { [key]: jsonValue }, attributes: { [key]: attrValue } });
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toContain(says);
      expect(config[key]).toEqual(DEFAULT_CONFIG[key]);
    },
  );
});

describe('parseConfig: cookieDomain and the page host', () => {
  it.each([
    ['.example.com', 'shop.example.com'],
    ['.example.com', 'example.com'],
    ['example.com', 'a.b.example.com'],
    ['.EXAMPLE.com', 'Shop.Example.COM'],
  ])('keeps %s on %s', (domain, hostname) => {
    const { config, problems } = parseConfig({ attributes: { cookieDomain: domain }, hostname });
    expect(problems).toEqual([]);
    expect(config.cookieDomain).toBe(domain);
  });

  it.each([
    ['.example.com', 'example.org'],
    ['.example.com', 'notexample.com'],
    ['shop.example.com', 'example.com'],
    ['.example.com', '192.0.2.1'],
  ])('drops %s on %s with one error naming the attribute, the value and the host', (domain, hostname) => {
    const { config, problems } = parseConfig({ attributes: { cookieDomain: domain }, hostname });
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain('data-cookie-domain');
    expect(problems[0].message).toContain(JSON.stringify(domain));
    expect(problems[0].message).toContain(hostname);
    expect(config.cookieDomain).toBeUndefined();
  });

  it('checks a domain from the JSON block too', () => {
    const { config, problems } = parseConfig({ json: { cookieDomain: '.example.com' }, hostname: 'example.org' });
    expect(errorsOf(problems)).toHaveLength(1);
    expect(config.cookieDomain).toBeUndefined();
  });

  it('domainCovers compares whole labels, case-insensitively', () => {
    expect(domainCovers('.example.com', 'a.example.com')).toBe(true);
    expect(domainCovers('example.com', 'EXAMPLE.COM')).toBe(true);
    expect(domainCovers('.example.com', 'badexample.com')).toBe(false);
    expect(domainCovers('.a.example.com', 'example.com')).toBe(false);
  });

  it('domainCovers: the host is the domain (one leading dot dropped) or ends with a dot and the domain', () => {
    const domains = [
      'example.com',
      '.example.com',
      '..example.com',
      'EXAMPLE.com',
      '.com',
      'com',
      '.',
      '',
      'a.example.com',
    ];
    const hosts = [
      'example.com',
      'a.example.com',
      'A.Example.COM',
      'badexample.com',
      'com',
      '.example.com',
      '',
      'a.',
      'x',
    ];
    for (const domain of domains)
      for (const hostname of hosts) {
        const d = (domain.startsWith('.') ? domain.slice(1) : domain).toLowerCase();
        const h = hostname.toLowerCase();
        expect(domainCovers(domain, hostname), `${domain} on ${hostname}`).toBe(h === d || h.endsWith(`.${d}`));
      }
  });
});

describe('parseConfig: unknown keys', () => {
  it('warns, without an error, about an unknown attribute and lists the known ones', () => {
    const { config, problems } = parseConfig({ attributes: { googleAnalytic: 'G-ABC123' } });
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('warning');
    expect(problems[0].message).toContain('data-google-analytic ');
    expect(problems[0].message).toContain('data-google-analytics');
    expect(config.googleAnalytics).toBeUndefined();
  });

  it('makes an unknown JSON key an error (no other tool writes there), naming the option it was likely meant to be', () => {
    const { problems } = parseConfig({ json: { policyURL: '/p' } });
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain('"policyURL" in the data-crumb-config block is not an option Crumb knows');
    expect(problems[0].message).toContain('Did you mean "policyUrl"?');
    expect(parseConfig({ json: { service: [] } }).problems[0].message).toContain('Did you mean "services"?');
  });

  it('prints a misspelt attribute as an error with the option meant, another tool’s attribute as a warning', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cases: [string, string | undefined][] = [
      ['googleAnalytic', 'data-google-analytics'],
      ['googleanalytics', 'data-google-analytics'],
      ['facebookPixle', 'data-facebook-pixel'],
      ['policy', 'data-policy-url'],
      ['revison', 'data-revision'],
      ['thme', 'data-theme'],
      ['themeColor', undefined],
      ['langDir', undefined],
      ['noOptimize', undefined],
      ['lazy', undefined],
      ['domain', undefined],
      ['load', undefined],
      ['rocketSrc', undefined],
      ['ga', undefined],
      // JSON-only options are no attribute to suggest.
      ['services', undefined],
    ];
    for (const [key, meant] of cases) {
      error.mockClear();
      warn.mockClear();
      const { problems } = parse({ attributes: { [key]: 'x' } });
      expect(
        problems.map((p) => p.level),
        key,
      ).toEqual(['warning']);
      reportProblems(problems);
      if (meant) {
        expect(warn, key).not.toHaveBeenCalled();
        expect(String(error.mock.calls[0]?.[0]), key).toContain(`Did you mean ${meant}?`);
      } else {
        expect(error, key).not.toHaveBeenCalled();
        expect(String(warn.mock.calls[0]?.[0]), key).not.toContain('Did you mean');
      }
    }
  });

  it('makes warnings of unknown attributes only: every other problem is an error', () => {
    const service = { id: 'chat', name: 'Chat', category: 'marketing' };
    const inputs = [
      {
        attributes: { theme: 'pink', nope: 'x' },
        json: {
          nope: 1,
          cookieDomain: '.other.test',
          services: [
            { ...service, extra: 1, cookies: ['bad cookie', '/(/'], policyUrl: 'javascript:x' },
            service,
            { id: 'Bad' },
            5,
            { id: 'x', name: ' ' },
            { id: 'y', name: 'Y', category: 'nope' },
            { ...service, id: 'maps', cookies: 'x' },
          ],
          texts: { en: { nope: 'x', acceptAll: '' }, 'not a tag': {} },
        },
        hostname: 'example.com',
      },
      { json: 5 },
      { json: { services: 1, texts: 1 } },
    ];
    const levels: Record<string, string> = {};
    for (const input of inputs) for (const p of parseConfig(input).problems) levels[p.code] = p.level;
    const warnings = ['unknown'];
    const errors = [
      'service-key',
      'text-key',
      'invalid',
      'domain',
      'cookie',
      'pattern',
      'service-policy',
      'taken',
      'id',
      'service',
      'name',
    ];
    errors.push('category', 'cookies', 'text', 'language', 'block', 'services', 'texts');
    expect(levels).toEqual(
      Object.fromEntries([...warnings.map((c) => [c, 'warning']), ...errors.map((c) => [c, 'error'])]),
    );
  });

  it('makes an unknown key an error in the block and in createCrumb() options, a warning as an attribute', () => {
    expect(parseConfig({ json: { nope: 1 } }).problems.map((p) => p.level)).toEqual(['error']);
    expect(parseConfig({ json: { nope: 1 }, from: 'options' }).problems.map((p) => p.level)).toEqual(['error']);
    expect(parseConfig({ attributes: { nope: '1' } }).problems.map((p) => p.level)).toEqual(['warning']);
  });

  it('does not warn about attributes other tools put on script tags', () => {
    expect(parseConfig({ attributes: { cfasync: 'false', nscript: '' } }).problems).toEqual([]);
  });

  it('treats services and texts as JSON-only: as attributes they are unknown', () => {
    const { config, problems } = parseConfig({ attributes: { services: '[]', texts: '{}' } });
    expect(problems.map((p) => p.level)).toEqual(['warning', 'warning']);
    expect(config.services).toEqual([]);
    expect(config.texts).toEqual({});
  });

  it('prefixes every message with "Crumb:"', () => {
    const { problems } = parseConfig({ attributes: { foo: '1', leadlander: 'x' }, json: { bar: 1 } });
    expect(problems).toHaveLength(3);
    for (const p of problems) expect(p.message.startsWith('Crumb: ')).toBe(true);
  });
});
