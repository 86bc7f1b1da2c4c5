// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScriptLoader, VENDOR_ORIGINS } from '../../src/trackers/load-script';

const GA_URL = 'https://www.googletagmanager.com/gtag/js?id=G-ABC123';
const FB_URL = 'https://connect.facebook.net/en_US/fbevents.js';
const scripts = () => Array.from(document.querySelectorAll('script'));

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('createScriptLoader', () => {
  it('injects one async script per URL, with the nonce, in <head>', () => {
    const loader = createScriptLoader(document, window, 'n0nce');
    loader.load(GA_URL);
    loader.load(GA_URL);
    loader.load(FB_URL);
    const all = scripts();
    expect(all.map((s) => s.getAttribute('src'))).toEqual([GA_URL, FB_URL]);
    for (const s of all) {
      expect(s.parentNode).toBe(document.head);
      expect(s.async).toBe(true);
      expect(s.nonce).toBe('n0nce');
    }
  });

  it('sets no nonce when Crumb has none', () => {
    createScriptLoader(document, window, '').load(GA_URL);
    expect(scripts()[0].nonce || '').toBe('');
    expect(scripts()[0].hasAttribute('nonce')).toBe(false);
  });

  it('accepts the four vendors only', () => {
    expect(VENDOR_ORIGINS).toEqual([
      'https://www.googletagmanager.com',
      'https://connect.facebook.net',
      'https://static.ads-twitter.com',
      'https://lltrck.com',
    ]);
    const loader = createScriptLoader(document, window, '');
    for (const url of [
      'https://static.ads-twitter.com/uwt.js',
      'https://lltrck.com/scripts/lt-v3.js?llid=1',
      FB_URL,
      GA_URL,
    ])
      loader.load(url);
    expect(scripts()).toHaveLength(4);
  });

  it.each([
    'https://evil.test/x.js',
    'https://lltrck.com.evil.test/x.js',
    'https://lltrck.com@evil.test/x.js',
    'http://www.googletagmanager.com/gtag/js',
    'https://www.googletagmanager.com',
    '//connect.facebook.net/en_US/fbevents.js',
    'javascript:alert(1)',
    'data:text/javascript,alert(1)',
    '/local.js',
  ])('refuses %s and injects nothing', (url) => {
    const loader = createScriptLoader(document, window, '');
    expect(() => loader.load(url)).toThrow(/refused/);
    expect(scripts()).toHaveLength(0);
  });

  it("lets a page's own gated script URL through once allowed", () => {
    const loader = createScriptLoader(document, window, '');
    expect(() => loader.scriptUrl('https://cdn.site.test/heatmap.js')).toThrow();
    loader.allow('https://cdn.site.test/heatmap.js');
    expect(loader.scriptUrl('https://cdn.site.test/heatmap.js')).toBe('https://cdn.site.test/heatmap.js');
    loader.load('https://cdn.site.test/heatmap.js');
    expect(scripts().map((s) => s.getAttribute('src'))).toEqual(['https://cdn.site.test/heatmap.js']);
    expect(() => loader.scriptUrl('https://cdn.site.test/other.js')).toThrow();
  });

  it('exposes its nonce for gated scripts', () => {
    expect(createScriptLoader(document, window, 'abc').nonce).toBe('abc');
  });
});

describe('createScriptLoader with Trusted Types', () => {
  type Rules = { createScriptURL(url: string): string };

  function trustedWindow(createPolicy: (name: string, rules: Rules) => unknown) {
    return { trustedTypes: { createPolicy: vi.fn(createPolicy) } } as unknown as Window & {
      trustedTypes: { createPolicy: ReturnType<typeof vi.fn> };
    };
  }

  it('creates one policy named "crumb" and passes URLs through it', () => {
    const created: string[] = [];
    const win = trustedWindow((_, rules) => ({
      createScriptURL: (u: string) => {
        created.push(u);
        return rules.createScriptURL(u);
      },
    }));
    const loader = createScriptLoader(document, win, '');
    loader.load(GA_URL);
    loader.load(FB_URL);
    expect(win.trustedTypes.createPolicy).toHaveBeenCalledTimes(1);
    expect(win.trustedTypes.createPolicy.mock.calls[0][0]).toBe('crumb');
    expect(created).toEqual([GA_URL, FB_URL]);
  });

  it('has a policy that refuses URLs Crumb may not load', () => {
    let rules: Rules | undefined;
    const win = trustedWindow((_, r) => {
      rules = r;
      return { createScriptURL: r.createScriptURL };
    });
    createScriptLoader(document, win, '').scriptUrl(GA_URL);
    expect(rules?.createScriptURL(FB_URL)).toBe(FB_URL);
    expect(() => rules?.createScriptURL('https://evil.test/x.js')).toThrow(TypeError);
  });

  it('falls back to plain URLs when the page does not allow the policy', () => {
    const win = trustedWindow(() => {
      throw new TypeError('Policy "crumb" disallowed.');
    });
    const loader = createScriptLoader(document, win, '');
    expect(() => loader.load(GA_URL)).not.toThrow();
    expect(scripts().map((s) => s.getAttribute('src'))).toEqual([GA_URL]);
  });
});
