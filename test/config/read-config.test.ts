// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../helpers/config';

function tag(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.head.appendChild(script);
  return script;
}

function block(text: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.setAttribute('data-crumb-config', '');
  script.textContent = text;
  document.body.appendChild(script);
  return script;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('readConfig', () => {
  it("reads the script tag's data-* attributes through dataset", () => {
    const script = tag({
      'data-google-analytics': 'G-ABC123XYZ9',
      'data-leadlander': '19428',
      'data-twitter-pixel': 'o1abc',
      'data-facebook-pixel': '123456789012345',
      'data-policy-url': '/privacy',
      'data-revision': '2018-04-15',
      'data-expiry-days': '30',
      'data-reload-on-withdraw': 'false',
      'data-reopen-button': 'false',
      'data-privacy-signals': 'ask',
      'data-lang': 'de',
      'data-receipt-url': '/receipts',
      'data-cookie-domain': '.example.com',
    });
    const { config, problems } = readConfig(document, script, 'shop.example.com');
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      googleAnalytics: 'G-ABC123XYZ9',
      leadlander: '19428',
      twitterPixel: 'o1abc',
      facebookPixel: '123456789012345',
      policyUrl: '/privacy',
      revision: '2018-04-15',
      expiryDays: 30,
      reloadOnWithdraw: false,
      reopenButton: false,
      privacySignals: 'ask',
      lang: 'de',
      receiptUrl: '/receipts',
      cookieDomain: '.example.com',
    });
  });

  it('reads the JSON block with native types, services and texts', () => {
    block(
      JSON.stringify({
        expiryDays: 90,
        reopenButton: false,
        services: [{ id: 'chat', name: 'Chat', category: 'marketing', cookies: ['chat_id'] }],
        texts: { en: { acceptAll: 'OK' } },
      }),
    );
    const { config, problems } = readConfig(document, null, 'example.com');
    expect(problems).toEqual([]);
    expect(config.expiryDays).toBe(90);
    expect(config.reopenButton).toBe(false);
    expect(config.services.map((s) => s.id)).toEqual(['chat']);
    expect(config.texts).toEqual({ en: { acceptAll: 'OK' } });
  });

  it('lets the attributes win over the JSON block', () => {
    block('{"googleAnalytics": "G-FROMJSON", "revision": "json"}');
    const script = tag({ 'data-google-analytics': 'G-FROMATTR' });
    const { config } = readConfig(document, script, 'example.com');
    expect(config.googleAnalytics).toBe('G-FROMATTR');
    expect(config.revision).toBe('json');
  });

  it('gives one error for invalid JSON and still applies the attributes', () => {
    block('{ "googleAnalytics": "G-FROMJSON", }');
    const script = tag({ 'data-facebook-pixel': '123456789012345' });
    const { config, problems } = readConfig(document, script, 'example.com');
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('error');
    expect(problems[0].message).toContain('data-crumb-config');
    expect(problems[0].message).toContain('not valid JSON');
    expect(config.facebookPixel).toBe('123456789012345');
    expect(config.googleAnalytics).toBeUndefined();
  });

  it('puts the JSON error first, before problems of the attributes', () => {
    block('not json');
    const script = tag({ 'data-google-analytics': 'UA-1' });
    const { problems } = readConfig(document, script, 'example.com');
    expect(problems.map((p) => p.level)).toEqual(['error', 'error']);
    expect(problems[0].message).toContain('not valid JSON');
    expect(problems[1].message).toContain('data-google-analytics');
  });

  it('never executes the JSON block', () => {
    block('(() => { window.__crumbRan = true; return {}; })()');
    const { problems } = readConfig(document, null, 'example.com');
    expect((window as unknown as Record<string, unknown>).__crumbRan).toBeUndefined();
    expect(problems).toHaveLength(1);
  });

  it('says so when the block is empty or holds no object, and goes on with defaults', () => {
    block('');
    const empty = readConfig(document, null, 'example.com');
    expect(empty.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/data-crumb-config block "" is not valid JSON/),
    ]);
    expect(empty.config.revision).toBe('1');
    document.body.innerHTML = '';
    block('null');
    const nothing = readConfig(document, null, 'example.com');
    expect(nothing.problems.map((p) => p.message)).toEqual([
      'Crumb: the data-crumb-config block must hold a JSON object like {"policyUrl": "/privacy"}, not null; it is ignored.',
    ]);
  });

  it('uses the first block only, and says so in one error naming how many there are', () => {
    block('{"revision": "first"}');
    block('{"revision": "second"}');
    block('{"policyUrl": "/third"}');
    const { config, problems } = readConfig(document, null, 'example.com');
    expect(config.revision).toBe('first');
    expect(config.policyUrl).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ level: 'error', code: 'blocks', key: 'data-crumb-config' });
    expect(problems[0].message).toBe(
      'Crumb: the page has 3 data-crumb-config blocks; only the first is read and the others are ignored: merge them into one.',
    );
  });

  it('one block is no problem', () => {
    block('{"revision": "only"}');
    expect(readConfig(document, null, 'example.com').problems).toEqual([]);
  });

  it('works without a script tag and without a block', () => {
    const { config, problems } = readConfig(document, null, 'example.com');
    expect(problems).toEqual([]);
    expect(config.revision).toBe('1');
  });

  it('checks the cookie domain against the given host name', () => {
    const script = tag({ 'data-cookie-domain': '.example.com' });
    const { config, problems } = readConfig(document, script, 'example.org');
    expect(problems).toHaveLength(1);
    expect(config.cookieDomain).toBeUndefined();
  });

  it('warns about unknown attributes on the tag, not about the src or async attributes', () => {
    const script = tag({ src: '/crumb.js', async: '', 'data-googleanalytics': 'G-ABC123' });
    const { problems } = readConfig(document, script, 'example.com');
    expect(problems).toHaveLength(1);
    expect(problems[0].level).toBe('warning');
    expect(problems[0].message).toContain('data-googleanalytics');
  });
});
