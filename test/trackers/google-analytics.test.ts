import { describe, expect, it, vi } from 'vitest';
import { consentModeState, googleAnalytics } from '../../src/trackers/google-analytics';
import { asArrays, fakeContext, grants, isArguments } from '../helpers/trackers';

const ID = 'G-ABC123XYZ9';
const SIGNALS = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];
const ALL_DENIED = Object.fromEntries(SIGNALS.map((s) => [s, 'denied']));

describe('googleAnalytics: the service', () => {
  it('is "Google Analytics" in analytics, with its cookies', () => {
    const { service } = googleAnalytics(ID);
    expect(service).toMatchObject({ id: 'google-analytics', name: 'Google Analytics', category: 'analytics' });
    const names = ['_ga', '_ga_ABC123XYZ9', '_gid', '_gat', '_gat_gtag_UA_1', '_gcl_au', '_gac_UA-1'];
    for (const name of names)
      expect(
        service.cookies.some((m) => (typeof m === 'string' ? m === name : m.test(name))),
        name,
      ).toBe(true);
    expect(service.cookies.some((m) => (typeof m === 'string' ? m === '_gcx' : m.test('_gcx')))).toBe(false);
  });
});

describe('googleAnalytics.init', () => {
  it('pushes consent default with all seven signals denied, as an arguments object, first', () => {
    const { win, ctx, loaded } = fakeContext();
    googleAnalytics(ID).init?.(ctx);
    const layer = win.dataLayer as unknown[];
    expect(Array.isArray(layer)).toBe(true);
    expect(layer).toHaveLength(1);
    expect(isArguments(layer[0])).toBe(true);
    expect(Array.isArray(layer[0])).toBe(false);
    expect(asArrays(layer)).toEqual([['consent', 'default', ALL_DENIED]]);
    expect(Object.keys((layer[0] as unknown[])[2] as object).sort()).toEqual([...SIGNALS].sort());
    expect(loaded).toEqual([]);
  });

  it('defines window.gtag as a function that pushes arguments objects', () => {
    const { win, ctx } = fakeContext();
    googleAnalytics(ID).init?.(ctx);
    expect(typeof win.gtag).toBe('function');
    (win.gtag as (...a: unknown[]) => void)('event', 'x');
    const layer = win.dataLayer as unknown[];
    expect(isArguments(layer[1])).toBe(true);
    expect(Array.from(layer[1] as ArrayLike<unknown>)).toEqual(['event', 'x']);
  });

  it("reuses the page's dataLayer, keeping what is in it (the default goes before the page's event)", () => {
    const existing: unknown[] = [{ event: 'page' }];
    const { win, ctx } = fakeContext({ dataLayer: existing });
    googleAnalytics(ID).init?.(ctx);
    expect(win.dataLayer).toBe(existing);
    expect(existing).toHaveLength(2);
    expect(isArguments(existing[0])).toBe(true);
    expect(asArrays(existing.slice(0, 1))).toEqual([['consent', 'default', ALL_DENIED]]);
    expect(existing[1]).toEqual({ event: 'page' });
  });

  it("calls the page's own gtag rather than replacing it", () => {
    const pageGtag = vi.fn();
    const existing: unknown[] = [];
    const { win, ctx } = fakeContext({ dataLayer: existing, gtag: pageGtag });
    googleAnalytics(ID).init?.(ctx);
    expect(win.gtag).toBe(pageGtag);
    expect(pageGtag).toHaveBeenCalledWith('consent', 'default', ALL_DENIED);
    expect(existing).toEqual([]);
  });

  it("pushes Crumb's commands as gtag.js reads them when the page's own gtag pushes arrays, with one warning", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const layer: unknown[] = [];
    // A common hand-written gtag: a rest-parameter array, which gtag.js ignores.
    const pageGtag = vi.fn((...a: unknown[]) => layer.push(a));
    const { win, ctx } = fakeContext({ dataLayer: layer, gtag: pageGtag });
    const ga = googleAnalytics(ID);
    ga.init?.(ctx);
    ga.update?.(ctx, grants(true, false, { 'google-analytics': true }));
    ga.start(ctx);
    expect(win.gtag).toBe(pageGtag);
    // Tried once, then no more: every command of Crumb's is an `arguments` object, and no array is left behind.
    expect(pageGtag).toHaveBeenCalledTimes(1);
    expect(layer.every(isArguments)).toBe(true);
    expect(asArrays(layer).map((e) => `${e[0]} ${typeof e[1] === 'string' ? e[1] : ''}`.trim())).toEqual([
      'consent default',
      'consent update',
      'js',
      `config ${ID}`,
    ]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(
      /gtag pushes arrays.*function gtag\(\)\{dataLayer\.push\(arguments\)\}/,
    );
  });

  it("still pushes Crumb's command when the page's own gtag throws before pushing it, and lets the error out", () => {
    const layer: unknown[] = [];
    const pageGtag = vi.fn(() => {
      throw new Error('the page broke its gtag');
    });
    const { ctx } = fakeContext({ dataLayer: layer, gtag: pageGtag });
    const ga = googleAnalytics(ID);
    expect(() => ga.update?.(ctx, grants(true, false, { 'google-analytics': true }))).toThrow('broke its gtag');
    expect(layer.every(isArguments)).toBe(true);
    expect(asArrays(layer).map((e) => `${e[0]} ${e[1]}`)).toEqual(['consent update']);
  });

  it("keeps calling a page's gtag that pushes arguments objects, and says nothing", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const layer: unknown[] = [];
    const pageGtag = vi.fn(function gtag() {
      // biome-ignore lint/complexity/noArguments: the page's correct snippet
      layer.push(arguments);
    });
    const { ctx } = fakeContext({ dataLayer: layer, gtag: pageGtag });
    const ga = googleAnalytics(ID);
    ga.init?.(ctx);
    ga.start(ctx);
    expect(pageGtag).toHaveBeenCalledTimes(3);
    expect(layer).toHaveLength(3);
    expect(warn).not.toHaveBeenCalled();
  });

  it("pushes into the page's dataLayer of the moment, as Google's snippet does (the page may replace the array)", () => {
    const { win, ctx } = fakeContext();
    const ga = googleAnalytics(ID);
    ga.init?.(ctx);
    // Tag Manager's older snippet: `dataLayer = [{…}]`, after Crumb's tag.
    const replaced: unknown[] = [{ pageType: 'home' }];
    win.dataLayer = replaced;
    ga.start(ctx);
    expect(win.dataLayer).toBe(replaced);
    expect(asArrays(replaced.slice(1)).map((e) => e[0])).toEqual(['js', 'config']);
  });

  it('replaces a dataLayer that is not an array', () => {
    const { win, ctx } = fakeContext({ dataLayer: 'nonsense' });
    googleAnalytics(ID).init?.(ctx);
    expect(Array.isArray(win.dataLayer)).toBe(true);
  });
});

/** `arguments` of a call, as the page's own `function gtag(){dataLayer.push(arguments)}` pushes them. */
function args(..._: unknown[]): IArguments {
  // biome-ignore lint/complexity/noArguments: what gtag.js reads
  return arguments;
}
/** Each entry in short: `consent default denied` (Crumb's), `consent default {…}` (the page's), `object event`. */
const described = (layer: unknown[]) =>
  layer.map((e) => {
    if (!isArguments(e)) return `object ${(e as { event?: string }).event}`;
    const short = (v: unknown) =>
      v instanceof Date
        ? 'Date'
        : JSON.stringify(v) === JSON.stringify(ALL_DENIED)
          ? 'denied'
          : typeof v === 'object'
            ? JSON.stringify(v)
            : String(v);
    return Array.from(e as ArrayLike<unknown>, short).join(' ');
  });

describe('googleAnalytics.init after the page queued its own commands (Google Analytics named in a later block)', () => {
  it('puts the default before the first js, config, set or event, while gtag.js has not taken the dataLayer over', () => {
    const layer: unknown[] = [args('js', new Date()), args('config', 'G-PAGEOWN1')];
    const pageGtag = vi.fn();
    const { ctx } = fakeContext({ dataLayer: layer, gtag: pageGtag });
    googleAnalytics(ID).init?.(ctx);
    expect(described(layer)).toEqual(['consent default denied', 'js Date', 'config G-PAGEOWN1']);
    expect(isArguments(layer[0])).toBe(true);
    // Not through the page's gtag: it would put the default last.
    expect(pageGtag).not.toHaveBeenCalled();
  });

  it("keeps the page's earlier consent commands before it (Crumb's default, all denied, comes last of them)", () => {
    const own = { analytics_storage: 'granted' };
    const layer: unknown[] = [
      args('consent', 'default', own),
      args('consent', 'update', own),
      args('set', 'url_passthrough', true),
      { event: 'gtm.js' },
      args('consent', 'update', own),
    ];
    const { ctx } = fakeContext({ dataLayer: layer });
    googleAnalytics(ID).init?.(ctx);
    expect(described(layer)).toEqual([
      'consent default {"analytics_storage":"granted"}',
      'consent update {"analytics_storage":"granted"}',
      'consent default denied',
      'set url_passthrough true',
      'object gtm.js',
      'consent update {"analytics_storage":"granted"}',
    ]);
  });

  it('anything else the page pushed (a plain object event, even null) comes after it, and nothing throws', () => {
    const layer: unknown[] = [null, { event: 'page' }];
    const { ctx } = fakeContext({ dataLayer: layer });
    googleAnalytics(ID).init?.(ctx);
    expect(asArrays(layer.slice(0, 1))).toEqual([['consent', 'default', ALL_DENIED]]);
    expect(layer[1]).toBeNull();
    expect(layer[2]).toEqual({ event: 'page' });
  });

  it('pushes it last when gtag.js (or gtm.js) already owns the dataLayer: its push is no longer the array’s', () => {
    const seen: unknown[] = [];
    const layer: unknown[] = [args('js', new Date()), args('config', 'G-PAGEOWN1')];
    // What gtag.js does once loaded: it processes entries as they are pushed.
    layer.push = (...entries: unknown[]) => {
      seen.push(...entries);
      return Array.prototype.push.apply(layer, entries);
    };
    const { ctx } = fakeContext({ dataLayer: layer });
    googleAnalytics(ID).init?.(ctx);
    expect(described(layer)).toEqual(['js Date', 'config G-PAGEOWN1', 'consent default denied']);
    expect(seen).toHaveLength(1);
  });
});

describe('googleAnalytics.init: once per dataLayer', () => {
  it('pushes the default once, however often it is called', () => {
    const { win, ctx } = fakeContext();
    googleAnalytics(ID).init?.(ctx);
    googleAnalytics(ID).init?.(ctx);
    expect(asArrays(win.dataLayer as unknown[])).toEqual([['consent', 'default', ALL_DENIED]]);
  });

  it('also across two copies of the script (two module instances), with no new global', async () => {
    const { win, ctx } = fakeContext();
    const before = Object.keys(win);
    googleAnalytics(ID).init?.(ctx);
    vi.resetModules();
    const copy = await import('../../src/trackers/google-analytics');
    expect(copy.googleAnalytics).not.toBe(googleAnalytics);
    copy.pushConsentDefault(win);
    copy.googleAnalytics(ID).init?.(ctx);
    expect(asArrays(win.dataLayer as unknown[])).toEqual([['consent', 'default', ALL_DENIED]]);
    expect(Object.keys(win).sort()).toEqual([...before, 'dataLayer', 'gtag'].sort());
  });
});

describe('googleAnalytics.update and consentModeState', () => {
  it.each([
    [
      'nothing granted',
      grants(false, false, { 'google-analytics': false }),
      [],
      ['functionality_storage', 'security_storage'],
    ],
    [
      'analytics only',
      grants(true, false, { 'google-analytics': true }),
      ['analytics_storage'],
      ['functionality_storage', 'security_storage'],
    ],
    [
      'marketing only',
      grants(false, true, { 'google-analytics': false }),
      ['ad_storage', 'ad_user_data', 'ad_personalization', 'personalization_storage'],
      ['functionality_storage', 'security_storage'],
    ],
    [
      'everything',
      grants(true, true, { 'google-analytics': true }),
      ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'personalization_storage'],
      ['functionality_storage', 'security_storage'],
    ],
    [
      'Google Analytics granted on its own',
      grants(false, false, { 'google-analytics': true }),
      ['analytics_storage'],
      ['functionality_storage', 'security_storage'],
    ],
    [
      'one marketing service alone (category refused)',
      grants(false, false, { facebook: true }),
      [],
      ['functionality_storage', 'security_storage'],
    ],
  ])('%s', (_, g, granted, necessary) => {
    const expected = Object.fromEntries(
      SIGNALS.map((s) => [s, granted.includes(s) || necessary.includes(s) ? 'granted' : 'denied']),
    );
    expect(consentModeState(g)).toEqual(expected);

    const { win, ctx } = fakeContext();
    googleAnalytics(ID).update?.(ctx, g);
    const layer = win.dataLayer as unknown[];
    expect(isArguments(layer[0])).toBe(true);
    expect(asArrays(layer)).toEqual([['consent', 'update', expected]]);
  });

  it('never grants an ad_* signal without marketing consent', () => {
    for (const analytics of [true, false])
      for (const ga of [true, false]) {
        const state = consentModeState(grants(analytics, false, { 'google-analytics': ga, facebook: true }));
        expect([state.ad_storage, state.ad_user_data, state.ad_personalization]).toEqual([
          'denied',
          'denied',
          'denied',
        ]);
      }
  });

  it('denies everything before a decision', () => {
    expect(consentModeState(undefined)).toEqual(ALL_DENIED);
  });
});

describe('googleAnalytics.start', () => {
  it('loads gtag.js for the ID, then pushes js and config, after the consent entries', () => {
    const { win, ctx, loaded } = fakeContext();
    const ga = googleAnalytics(ID);
    ga.init?.(ctx);
    ga.update?.(ctx, grants(true, false, { 'google-analytics': true }));
    ga.start(ctx);
    expect(loaded).toEqual([`https://www.googletagmanager.com/gtag/js?id=${ID}`]);
    const entries = asArrays(win.dataLayer as unknown[]);
    expect(entries.map((e) => `${e[0]} ${e[1] instanceof Date ? 'Date' : e[1]}`)).toEqual([
      'consent default',
      'consent update',
      'js Date',
      `config ${ID}`,
    ]);
    for (const entry of win.dataLayer as unknown[]) expect(isArguments(entry)).toBe(true);
  });

  it("goes through the page's gtag when there is one", () => {
    const pageGtag = vi.fn();
    const { ctx } = fakeContext({ dataLayer: [], gtag: pageGtag });
    googleAnalytics(ID).start(ctx);
    expect(pageGtag.mock.calls.map((c) => c[0])).toEqual(['js', 'config']);
    expect(pageGtag.mock.calls[1]).toEqual(['config', ID]);
  });
});

describe('googleAnalytics.stop', () => {
  it('sets ga-disable-ID, and leaves Consent Mode to update (the ad signals may still be granted)', () => {
    const { win, ctx } = fakeContext();
    const ga = googleAnalytics(ID);
    ga.start(ctx);
    // The withdrawal's update, as the core pushes it before `stop`: analytics refused, marketing kept.
    ga.update?.(ctx, grants(false, true, { 'google-analytics': false }));
    ga.stop?.(ctx);
    const entries = asArrays(win.dataLayer as unknown[]);
    expect(entries[entries.length - 1]).toEqual([
      'consent',
      'update',
      { ...Object.fromEntries(SIGNALS.map((s) => [s, 'granted'])), analytics_storage: 'denied' },
    ]);
    expect(win[`ga-disable-${ID}`]).toBe(true);
  });

  it('is undone by resume: ga-disable-ID off again, and no second gtag.js', () => {
    const { win, ctx, loaded } = fakeContext();
    const ga = googleAnalytics(ID);
    ga.start(ctx);
    ga.stop?.(ctx);
    ga.resume?.(ctx);
    expect(win[`ga-disable-${ID}`]).toBe(false);
    expect(loaded).toHaveLength(1);
  });
});
