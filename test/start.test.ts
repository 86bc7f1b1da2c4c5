// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Chunk, ChunkName } from '../src/chunks';
import { parseConfig } from '../src/config/parse-config';
import { encodeRecord } from '../src/consent/consent-record';
import { takeOver } from '../src/control';
import type { DecisionFacts } from '../src/receipts/send-receipt';
import { type StartOptions, startCrumb } from '../src/start';
import { createScriptLoader } from '../src/trackers/load-script';
import { DAY, record } from './helpers/fixtures';

/** Receipts as the reactions send them, through the receipts chunk the test hands over (nothing leaves the test). */
const sent: DecisionFacts[] = [];
const receipts = {
  sendDecisionReceipt: (_url: string, facts: DecisionFacts) => void sent.push(facts),
  version: 'test',
};
/** Until the receipts chunk (there at once) has sent what was made so far. */
const flush = () => new Promise((resolve) => setTimeout(resolve));

/** Vendor scripts asked for; none is fetched. */
const requested: string[] = [];

/**
 * The core started on this page, with chunks that arrive when the test says: `control()` resolves the widget chunk
 * (with the real `takeOver`, the control); the others never arrive.
 */
function start(
  attributes: Record<string, string> = { receiptUrl: '/receipts' },
  json?: object,
  receiptsChunk: Promise<unknown> = Promise.resolve(receipts),
  read?: StartOptions['read'],
) {
  const { config } = parseConfig({ attributes, json });
  const loader = createScriptLoader(document, window, '');
  const asked: ChunkName[] = [];
  let arrive: (() => void) | undefined;
  const core = startCrumb({
    win: window,
    config,
    nonce: '',
    version: 'test',
    chunk: <N extends ChunkName>(name: N) => {
      asked.push(name);
      if (name === 'receipts') return receiptsChunk as Promise<Chunk<N>>;
      if (name !== 'widget') return new Promise<undefined>(() => {});
      return new Promise<Chunk<N>>((resolve) => {
        arrive = () => resolve({ takeOver, startWidget: () => {}, version: 'test' } as unknown as Chunk<N>);
      });
    },
    loader: { ...loader, load: (url) => !!requested.push(url) },
    language: 'en',
    read,
  });
  const control = () => {
    const taking = core.control();
    arrive?.();
    return taking;
  };
  return { core, asked, control };
}

/**
 * What each test's cores (and the test itself) listen to on the window, the document and the Cookie Store: removed
 * after the test, as a page's listeners go with the page. Left behind, every earlier test's control would follow the
 * other tabs too (it listens from its take-over on), acting on storage this test wrote.
 */
const listening: (() => void)[] = [];
beforeEach(() => {
  const targets = [window, document, (window as { cookieStore?: EventTarget }).cookieStore];
  for (const target of targets.filter((t): t is EventTarget => !!t)) {
    const add = target.addEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type, fn, options) => {
      listening.push(() => target.removeEventListener(type, fn, options));
      add(type, fn, options);
    });
  }
});

afterEach(() => {
  for (const stop of listening.splice(0)) stop();
  delete (window as { Crumb?: unknown }).Crumb;
  localStorage.clear();
  // biome-ignore lint/suspicious/noDocumentCookie: the test removes the record the widget wrote.
  document.cookie = 'crumb_consent=; Max-Age=0; Path=/';
  sent.length = 0;
  requested.length = 0;
  // A test's own Global Privacy Control (a value, or a spy on its getter).
  delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
});

describe('the core, before its control', () => {
  /** Spies on the page's cookie getter (where `document` finds it) and on its Global Privacy Control signal. */
  function spyOnReads() {
    let owner: object | null = document;
    while (owner && !Object.getOwnPropertyDescriptor(owner, 'cookie')) owner = Object.getPrototypeOf(owner);
    const cookie = vi.spyOn(owner as Document, 'cookie', 'get');
    const gpc = vi.fn(() => false);
    Object.defineProperty(navigator, 'globalPrivacyControl', { get: gpc, configurable: true });
    return { cookie, gpc };
  }
  /** A decision this browser stored: an acceptance of everything, made a moment ago. */
  const storeAcceptance = () => {
    const raw = encodeRecord(
      record({ time: Math.floor(Date.now() / 1000) * 1000, categories: { analytics: true, marketing: true } }),
    );
    // biome-ignore lint/suspicious/noDocumentCookie: the record the core reads, or must not.
    document.cookie = `crumb_consent=${raw}; Path=/`;
  };

  it('takes the cookie and the privacy signals the entry read in the same task, reading neither again', () => {
    storeAcceptance();
    const { cookie, gpc } = spyOnReads();
    const { core } = start({}, undefined, undefined, [{ dnt: false, gpc: true }, undefined]);
    expect(cookie).not.toHaveBeenCalled();
    expect(gpc).not.toHaveBeenCalled();
    // What it was handed: no record, and GPC on, so a refusal recorded from the signal.
    expect(core.api.get()).toMatchObject({ decided: true, source: 'signal', signals: { gpc: true } });
  });

  it('started once the page is parsed, reads the cookie again (another tab may have withdrawn), not the signals', () => {
    storeAcceptance();
    const { cookie, gpc } = spyOnReads();
    // The entry saw no cookie and no signal as the tag ran; an acceptance was stored since.
    const { core } = start({ googleAnalytics: 'G-TEST1234' }, undefined, undefined, [{ dnt: false, gpc: false }]);
    expect(cookie).toHaveBeenCalled();
    expect(gpc).not.toHaveBeenCalled();
    expect(core.api.get()).toMatchObject({ decided: true, categories: { analytics: true } });
    expect(requested.some((u) => u.includes('googletagmanager'))).toBe(true);
  });

  it('takes over with one read of the cookie: the other tabs are followed from what that read found', async () => {
    const { core, control } = start({});
    const { cookie } = spyOnReads();
    await control();
    expect(cookie).toHaveBeenCalledTimes(1);
    // Followed all the same: another tab's acceptance, its cookie and mirror written, is taken as the page comes back.
    storeFromAnotherTab({ categories: { analytics: true, marketing: true } });
    window.dispatchEvent(new Event('focus'));
    expect(core.api.get()).toMatchObject({ decided: true, categories: { analytics: true } });
  });

  it('reads both itself when the entry read nothing', () => {
    storeAcceptance();
    const { cookie, gpc } = spyOnReads();
    const { core } = start({});
    expect(cookie).toHaveBeenCalled();
    expect(gpc).toHaveBeenCalled();
    expect(core.api.get()).toMatchObject({ decided: true, source: 'banner' });
  });

  it('a page whose own gtag throws loses nothing else: Crumb starts, the other trackers load, each failure is said', () => {
    const raw = encodeRecord(
      record({ time: Math.floor(Date.now() / 1000) * 1000 - 1000, categories: { analytics: true, marketing: true } }),
    );
    // biome-ignore lint/suspicious/noDocumentCookie: the stored decision a returning visitor brings.
    document.cookie = `crumb_consent=${raw}; Path=/`;
    const page = window as unknown as { gtag?: unknown; dataLayer?: unknown };
    page.dataLayer = [];
    page.gtag = () => {
      throw new Error('the page broke its gtag');
    };
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { core } = start({ googleAnalytics: 'G-TEST1234', facebookPixel: '123456789012345' });
      expect(core.api.get()).toMatchObject({ decided: true });
      // Facebook loads; GA's own script too (its queue calls are what failed, each one said).
      expect(requested).toContain('https://connect.facebook.net/en_US/fbevents.js');
      expect(error.mock.calls.length).toBeGreaterThan(0);
      for (const [message] of error.mock.calls)
        expect(message).toBe(
          "Crumb: a call into the page's gtag, dataLayer or a vendor's queue failed; the rest went on",
        );
      expect(error.mock.calls.some(([m]) => String(m).includes('could not start'))).toBe(false);
    } finally {
      delete page.gtag;
      delete page.dataLayer;
    }
  });

  it('starts a stored decision’s trackers with no chunk asked for, and writes nothing', () => {
    const raw = encodeRecord(
      record({ time: Math.floor(Date.now() / 1000) * 1000 - 1000, categories: { analytics: true, marketing: true } }),
    );
    // biome-ignore lint/suspicious/noDocumentCookie: the stored decision a returning visitor brings.
    document.cookie = `crumb_consent=${raw}; Path=/`;
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const { core, asked } = start({ googleAnalytics: 'G-TEST1234', facebookPixel: '123456789012345' });
    expect(core.api.get()).toMatchObject({ decided: true, categories: { analytics: true, marketing: true } });
    expect(requested).toEqual([
      'https://www.googletagmanager.com/gtag/js?id=G-TEST1234',
      'https://connect.facebook.net/en_US/fbevents.js',
    ]);
    expect([...core.started]).toEqual(['google-analytics', 'facebook']);
    expect(asked).toEqual([]);
    expect(setItem).not.toHaveBeenCalled();
  });

  it('on a prerendered page, starts the trackers only once it is shown, and only what is granted by then', async () => {
    const raw = encodeRecord(
      record({ time: Math.floor(Date.now() / 1000) * 1000 - 1000, categories: { analytics: true, marketing: true } }),
    );
    // biome-ignore lint/suspicious/noDocumentCookie: the stored decision a returning visitor brings.
    document.cookie = `crumb_consent=${raw}; Path=/`;
    const prerendering = (value: boolean) =>
      Object.defineProperty(document, 'prerendering', { value, configurable: true });
    prerendering(true);
    try {
      const { core, control } = start({ googleAnalytics: 'G-TEST1234', facebookPixel: '123456789012345' });
      expect(core.api.get()).toMatchObject({ decided: true });
      expect(requested).toEqual([]);
      // Meanwhile (another tab), marketing is refused.
      await control();
      core.api.set({ marketing: false });
      expect(requested).toEqual([]);
      prerendering(false);
      document.dispatchEvent(new Event('prerenderingchange'));
      expect(requested).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-TEST1234']);
      document.dispatchEvent(new Event('prerenderingchange'));
      expect(requested).toHaveLength(1);
    } finally {
      delete (document as { prerendering?: boolean }).prerendering;
    }
  });

  it('keeps API calls until the control is there, asks for it once, then runs them in order with receipts', async () => {
    const { core, asked, control } = start();
    core.api.acceptAll();
    core.api.set({ marketing: false });
    expect(core.api.get().decided).toBe(false);
    expect(asked).toEqual(['widget']);
    await control();
    expect(core.api.get()).toMatchObject({ decided: true, categories: { analytics: true, marketing: false } });
    await flush();
    expect(sent.map((f) => [f.source, f.after.categories.marketing])).toEqual([
      ['api', true],
      ['api', false],
    ]);
    expect(sent[1].previousId).toBe(sent[0].id);
    core.api.reset();
    await flush();
    expect(sent).toHaveLength(3);
    expect(sent[2].reset).toBe(true);
    expect(asked.filter((name) => name !== 'receipts')).toEqual(['widget']);
  });

  it('stores a refusal recorded from a privacy signal, and sends its receipt, once the control is there', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const { core, control } = start();
      expect(core.api.get()).toMatchObject({ decided: true, source: 'signal' });
      expect(localStorage.getItem('crumb_consent')).toBeNull();
      await control();
      expect(localStorage.getItem('crumb_consent')).toMatch(/^1\|[\w-]{22}\|.*\|s$/);
      await flush();
      expect(sent.map((f) => [f.id, f.source])).toEqual([[core.api.get().id, 'signal']]);
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('reloads after a withdrawal of a tracker that ran, once its receipt is sent', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const { core, control } = start({ receiptUrl: '/receipts', googleAnalytics: 'G-TEST1234' });
    await control();
    core.api.acceptAll();
    expect(requested.some((u) => u.includes('googletagmanager'))).toBe(true);
    core.api.rejectAll();
    await flush();
    expect(sent.map((f) => f.after.categories.analytics)).toEqual([true, false]);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('sends a receipt made before its chunk arrives when it comes; a reload after a withdrawal waits for it', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    let arrive = (_chunk: unknown) => {};
    const chunk = new Promise((resolve) => {
      arrive = resolve;
    });
    const { core, control, asked } = start(
      { receiptUrl: '/receipts', googleAnalytics: 'G-TEST1234' },
      undefined,
      chunk,
    );
    await control();
    core.api.acceptAll();
    history.pushState(null, '', '/elsewhere');
    core.api.rejectAll();
    await flush();
    expect(asked).toContain('receipts');
    expect(sent).toEqual([]);
    expect(reload).not.toHaveBeenCalled();
    arrive(receipts);
    await flush();
    expect(sent.map((f) => f.after.categories.analytics)).toEqual([true, false]);
    // Each where it was made, not where the page is when the chunk comes.
    expect(sent.map((f) => f.location.pathname)).toEqual(['/', '/elsewhere']);
    expect(reload).toHaveBeenCalledTimes(1);
    history.replaceState(null, '', '/');
  });

  it("reloads after a withdrawal 2 s at most after it, when the receipts' chunk does not come", async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const { core, control } = start(
      { receiptUrl: '/receipts', googleAnalytics: 'G-TEST1234' },
      undefined,
      new Promise(() => {}),
    );
    await control();
    vi.useFakeTimers();
    try {
      core.api.acceptAll();
      core.api.rejectAll();
      await vi.advanceTimersByTimeAsync(1900);
      expect(reload).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(200);
      expect(reload).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
    expect(sent).toEqual([]);
  });

  it('reloads after a withdrawal even when the receipts cannot be sent (their chunk did not load)', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const { core, control } = start(
      { receiptUrl: '/receipts', googleAnalytics: 'G-TEST1234' },
      undefined,
      Promise.resolve(undefined),
    );
    await control();
    core.api.acceptAll();
    core.api.rejectAll();
    await flush();
    expect(sent).toEqual([]);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('sends no receipt without data-receipt-url, and never asks for their chunk', async () => {
    const { core, control, asked } = start({});
    await control();
    core.api.acceptAll();
    expect(core.api.get().decided).toBe(true);
    expect(asked).toEqual(['widget']);
    await flush();
    expect(sent).toEqual([]);
  });
});

/** What another tab of the site stores: its cookie and its mirror. */
function storeFromAnotherTab(over: Parameters<typeof record>[0]) {
  const raw = encodeRecord(record({ time: Math.floor(Date.now() / 1000) * 1000 - 1000, ...over }));
  // biome-ignore lint/suspicious/noDocumentCookie: the record another tab wrote.
  document.cookie = `crumb_consent=${raw}; Path=/`;
  localStorage.setItem('crumb_consent', raw);
}

describe('a decision another tab stored before the control took over', () => {
  it('wins over a refusal recorded here from a privacy signal, which is neither stored nor sent', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const { core, control } = start();
      expect(core.api.get().source).toBe('signal');
      storeFromAnotherTab({ id: 'OTHERTABxxxxxxxxxxxxxx', source: 'preferences', signalled: true });
      await control();
      expect(core.api.get()).toMatchObject({ id: 'OTHERTABxxxxxxxxxxxxxx', source: 'preferences' });
      expect(document.cookie).toContain('OTHERTABxxxxxxxxxxxxxx');
      expect(localStorage.getItem('crumb_consent')).toContain('OTHERTABxxxxxxxxxxxxxx');
      // That tab sent its receipt; this one has no refusal to prove.
      await flush();
      expect(sent).toEqual([]);
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('made without the signal this page honours, leaves the refusal recorded here from it (no banner)', async () => {
    await withGpc(async () => {
      const { core, control } = start();
      const refusal = core.api.get();
      expect(refusal.source).toBe('signal');
      storeFromAnotherTab({ id: 'NOSIGNALxxxxxxxxxxxxxx', source: 'banner' });
      await control();
      expect(core.api.get()).toMatchObject({ decided: true, id: refusal.id, source: 'signal' });
      expect(core.api.get().categories).toMatchObject({ analytics: false, marketing: false });
    });
  });

  it('is taken: a withdrawal there stops what started here, with a reload', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    storeFromAnotherTab({ categories: { analytics: true, marketing: false } });
    const { core, control } = start({ googleAnalytics: 'G-TEST1234' });
    expect(core.started.has('google-analytics')).toBe(true);
    storeFromAnotherTab({ id: 'WITHDRAWxxxxxxxxxxxxxx', categories: { analytics: false, marketing: false } });
    await control();
    expect(core.api.get()).toMatchObject({ id: 'WITHDRAWxxxxxxxxxxxxxx', categories: { analytics: false } });
    expect((window as unknown as Record<string, unknown>)['ga-disable-G-TEST1234']).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    // Taken from the other tab: stored and sent there.
    await flush();
    expect(sent).toEqual([]);
  });

  it('leaves the page as it is when nothing changed (a stale signal record stays unused)', async () => {
    storeFromAnotherTab({ source: 'signal', categories: { analytics: false, marketing: false } });
    const { core, control } = start();
    // No signal now: a refusal recorded from one no longer counts, and the banner asks.
    expect(core.api.get().decided).toBe(false);
    await control();
    expect(core.api.get().decided).toBe(false);
  });
});

/** GPC sent by this browser while `fn` runs. */
async function withGpc(fn: () => Promise<void>) {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
  try {
    await fn();
  } finally {
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  }
}

const SIGNALLED = {
  id: 'SIGNALxxxxxxxxxxxxxxxx',
  source: 'signal' as const,
  categories: { analytics: false, marketing: false },
};

describe('a refusal another tab recorded from a privacy signal', () => {
  it('is no decision, before the control took over, on a page whose browser sends no signal', async () => {
    const { core, control } = start();
    storeFromAnotherTab(SIGNALLED);
    await control();
    // As if the page had read it at start: without the signal, the refusal it stood for does not count.
    expect(core.api.get().decided).toBe(false);
    // It stays stored, for the tab that still sends the signal.
    expect(localStorage.getItem('crumb_consent')).toContain(SIGNALLED.id);
  });

  it('is no decision on a page that asks (data-privacy-signals="ask"), though the browser sends GPC', () =>
    withGpc(async () => {
      const { core, control } = start({ privacySignals: 'ask' });
      expect(core.api.get().decided).toBe(false);
      storeFromAnotherTab(SIGNALLED);
      await control();
      expect(core.api.get().decided).toBe(false);
    }));

  it('is taken where this page honours the signal its browser sends', () =>
    withGpc(async () => {
      const { core, control } = start();
      storeFromAnotherTab(SIGNALLED);
      await control();
      expect(core.api.get()).toMatchObject({ decided: true, id: SIGNALLED.id, source: 'signal' });
      // Recorded there, with its receipt: this page's own refusal is neither stored nor sent.
      await flush();
      expect(sent).toEqual([]);
    }));

  it('is taken at the take-over when another tab stores it before, and followed from then on', async () => {
    const { core, control } = start();
    // Another tab accepts while this page shows its banner, before its control takes over (it listens from then on).
    storeFromAnotherTab({ categories: { analytics: true, marketing: true } });
    window.dispatchEvent(new StorageEvent('storage', { key: 'crumb_consent' }));
    await control();
    expect(core.api.get().categories).toMatchObject({ analytics: true, marketing: true });
    // And a later change there (a new decision, under its own consent ID) is followed here.
    storeFromAnotherTab({ id: 'Zz9vX0b9mT2aLr7cYw1eZB', categories: { analytics: false, marketing: false } });
    window.dispatchEvent(new StorageEvent('storage', { key: 'crumb_consent' }));
    expect(core.api.get().categories).toMatchObject({ analytics: false, marketing: false });
  });

  it('follows the same rule when a storage event brings it after the take-over', async () => {
    const { startWidget } = await import('../src/shell/widget');
    const { banner } = await import('../src/ui/texts/en');
    storeFromAnotherTab({ categories: { analytics: true, marketing: true } });
    const { core, control } = start();
    startWidget(core, banner);
    // Nothing listens to the other tabs before the take-over: a `storage` listener would open localStorage, slow the
    // first time, before the banner's first frame.
    const listensTo = (type: string) =>
      vi.mocked(window.addEventListener).mock.calls.some(([t]) => t === type) ||
      vi.mocked(document.addEventListener).mock.calls.some(([t]) => t === type);
    expect(['storage', 'focus', 'pageshow', 'visibilitychange'].filter(listensTo)).toEqual([]);
    await control();
    expect(['storage', 'focus', 'pageshow', 'visibilitychange'].filter(listensTo)).toHaveLength(4);
    expect(core.api.get().decided).toBe(true);
    storeFromAnotherTab(SIGNALLED);
    window.dispatchEvent(new StorageEvent('storage', { key: 'crumb_consent' }));
    // The decision this page had is gone from storage; the refusal now there does not count here: the banner asks.
    expect(core.api.get().decided).toBe(false);
    document.getElementById('crumb')?.remove();
  });
});

describe('a record that expires between the core’s read and the take-over', () => {
  it('is no reset from another tab: the page keeps what it started with, and nothing is withdrawn', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    delete (window as { 'ga-disable-G-TEST1234'?: boolean })['ga-disable-G-TEST1234'];
    const read = Math.floor(Date.now() / 1000) * 1000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(read);
    // A second short of the default expiry (182 days) as the core reads it.
    storeFromAnotherTab({ time: read - 182 * DAY + 1000, categories: { analytics: true, marketing: false } });
    const { core, control } = start({ googleAnalytics: 'G-TEST1234' });
    expect(core.api.get()).toMatchObject({ decided: true, categories: { analytics: true } });
    expect(core.started.has('google-analytics')).toBe(true);
    // The widget arrives two seconds later: the record has expired meanwhile, and nothing else has changed.
    clock.mockReturnValue(read + 2000);
    await control();
    expect(core.api.get()).toMatchObject({ decided: true, categories: { analytics: true } });
    expect((window as unknown as Record<string, unknown>)['ga-disable-G-TEST1234']).not.toBe(true);
    expect(reload).not.toHaveBeenCalled();
  });

  it('is told from one another tab removed meanwhile, which is a reset', async () => {
    vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    storeFromAnotherTab({ categories: { analytics: true, marketing: false } });
    const { core, control } = start();
    expect(core.api.get().decided).toBe(true);
    // biome-ignore lint/suspicious/noDocumentCookie: the other tab's reset removes the cookie and its mirror.
    document.cookie = 'crumb_consent=; Max-Age=0; Path=/';
    localStorage.clear();
    await control();
    expect(core.api.get().decided).toBe(false);
  });
});

describe('an action called from a crumb:ready listener', () => {
  it('does not throw, asks for the control, and is applied once it is there', async () => {
    let thrown: unknown;
    const listener = () => {
      try {
        (window as unknown as { Crumb: { acceptAll(): void } }).Crumb.acceptAll();
      } catch (e) {
        thrown = e;
      }
    };
    window.addEventListener('crumb:ready', listener, { once: true });
    const { core, asked, control } = start({});
    expect(thrown).toBeUndefined();
    expect(asked).toEqual(['widget']);
    await control();
    expect(core.api.get().categories.marketing).toBe(true);
  });
});

describe('a page whose own code throws inside a reaction', () => {
  it('has the decision followed through all the same, and the next one judged against it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const layer: unknown[] = [];
    // A tag manager's dataLayer that chokes on Crumb's event, once.
    let choked = false;
    layer.push = function (...items: unknown[]) {
      const event = items[0] as { event?: string };
      if (event && event.event === 'crumb_consent' && !choked) {
        choked = true;
        throw new Error('page bug');
      }
      return Array.prototype.push.apply(this, items);
    };
    (window as unknown as { dataLayer: unknown[] }).dataLayer = layer;
    try {
      const changes: boolean[] = [];
      window.addEventListener('crumb:change', (e) => changes.push(e.detail.categories.analytics));
      const { core, control } = start({ receiptUrl: '/receipts', googleAnalytics: 'G-TEST1234' });
      await control();
      core.api.acceptAll();
      expect(choked).toBe(true);
      expect(error).toHaveBeenCalled();
      expect([...core.started]).toEqual(['google-analytics']);
      core.api.rejectAll();
      expect(changes).toEqual([true, false]);
      await flush();
      expect(sent.map((f) => [f.before.categories.analytics, f.after.categories.analytics])).toEqual([
        [false, true],
        [true, false],
      ]);
      expect(reload).toHaveBeenCalledTimes(1);
    } finally {
      delete (window as { dataLayer?: unknown }).dataLayer;
      delete (window as { gtag?: unknown }).gtag;
    }
  });
});

describe('a refusal of one service whose cookies another, granted, service names too', () => {
  it('deletes the refused one’s cookies only: the shared cookie stays', async () => {
    // biome-ignore lint/suspicious/noDocumentCookie: the vendors' cookies the reactions clear.
    document.cookie = '_hjid=1; Path=/';
    // biome-ignore lint/suspicious/noDocumentCookie: the vendors' cookies the reactions clear.
    document.cookie = '_hjAbsolute=1; Path=/';
    try {
      const { core, control } = start(
        {},
        {
          services: [
            { id: 'heatmaps', name: 'Heatmaps', category: 'analytics', cookies: ['/^_hj/'] },
            { id: 'surveys', name: 'Surveys', category: 'marketing', cookies: ['_hjid'] },
          ],
        },
      );
      await control();
      core.api.set({ services: { heatmaps: false, surveys: true } });
      expect(core.api.get().services).toMatchObject({ heatmaps: false, surveys: true });
      expect(document.cookie).toContain('_hjid=1');
      expect(document.cookie).not.toContain('_hjAbsolute=1');
    } finally {
      // biome-ignore lint/suspicious/noDocumentCookie: clean-up.
      document.cookie = '_hjid=; Max-Age=0; Path=/';
    }
  });
});

describe('grantOf, what gated markup asks', () => {
  it('answers categories and the site’s services; undefined for any other name, prototype names included', async () => {
    const { grantOf } = await import('../src/shell/widget');
    // A custom service rather than a vendor: nothing is fetched.
    const { core, control } = start({}, { services: [{ id: 'stats', name: 'Stats', category: 'analytics' }] });
    expect(grantOf(core.model, 'necessary')).toBe(true);
    expect(grantOf(core.model, 'analytics')).toBe(false);
    expect(grantOf(core.model, 'stats')).toBe(false);
    await control();
    core.api.set({ analytics: true });
    expect(grantOf(core.model, 'analytics')).toBe(true);
    expect(grantOf(core.model, 'stats')).toBe(true);
    for (const name of ['facebook', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(grantOf(core.model, name), name).toBeUndefined();
  });
});

describe('a decision made from inside a change listener', () => {
  it('is followed after the one being told: listeners end on what is stored, and the next withdrawal stops what it started', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const { core, control } = start({ receiptUrl: '/receipts', facebookPixel: '123456789012345' });
    await control();
    // The page's own rule: marketing refused once, it grants it itself.
    let once = true;
    core.api.on('change', (s) => {
      if (once && !s.categories.marketing) {
        once = false;
        core.api.set({ marketing: true });
      }
    });
    const seen: boolean[] = [];
    core.api.on('change', (s) => seen.push(s.categories.marketing));
    const onChange = (e: CustomEvent<{ categories: { marketing: boolean } }>) =>
      seen.push(e.detail.categories.marketing);
    try {
      core.api.rejectAll();
      expect(core.api.get().categories.marketing).toBe(true);
      expect(core.started.has('facebook')).toBe(true);
      // Told in the order they were made, the last one being what is stored; each receipt names what it replaced.
      expect(seen).toEqual([false, true]);
      await flush();
      expect(
        sent.map((f) => [f.before.categories.marketing, f.after.categories.marketing, f.state.categories.marketing]),
      ).toEqual([
        [false, false, false],
        [false, true, true],
      ]);
      // Withdrawn now: Facebook, which runs, is revoked, and the page reloads.
      window.addEventListener('crumb:change', onChange);
      const fbq = vi.spyOn(window as unknown as { fbq: (...a: unknown[]) => void }, 'fbq');
      core.api.rejectAll();
      expect(seen).toEqual([false, true, false, false]);
      expect(fbq).toHaveBeenCalledWith('consent', 'revoke');
      await flush();
      expect(sent.map((f) => f.before.categories.marketing)).toEqual([false, false, true]);
      expect(reload).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener('crumb:change', onChange);
      delete (window as { fbq?: unknown }).fbq;
      delete (window as { _fbq?: unknown })._fbq;
    }
  });

  it('a page that keeps deciding from its listener does not hang Crumb: told of nine, the latest is still followed', async () => {
    vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const { core, control } = start({ receiptUrl: '/receipts', facebookPixel: '123456789012345' });
    await control();
    const fbq = vi.fn();
    (window as unknown as { fbq: unknown }).fbq = fbq;
    let calls = 0;
    core.api.on('change', (s) => {
      calls++;
      core.api.set({ marketing: !s.categories.marketing });
    });
    try {
      core.api.acceptAll();
      expect(calls).toBe(9);
      // The tenth decision was not told, but it holds: stored, with its receipt, and Facebook revoked by it.
      const { marketing } = core.api.get().categories;
      expect(marketing).toBe(false);
      await flush();
      expect(sent).toHaveLength(10);
      expect(sent[9].after.categories.marketing).toBe(marketing);
      expect(decodeURIComponent(document.cookie)).toMatch(/crumb_consent=1\|[^|]+\|[^|]+\|[^|]*\|a\|/);
      expect(fbq).toHaveBeenLastCalledWith('consent', 'revoke');
    } finally {
      delete (window as { fbq?: unknown }).fbq;
      delete (window as { _fbq?: unknown })._fbq;
    }
  });

  it('two decisions made in one round of listeners are each told, stored and sent, in order', async () => {
    vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const { core, control } = start({ receiptUrl: '/receipts' });
    await control();
    let once = true;
    const told: [boolean, boolean][] = [];
    core.api.on('change', (s) => {
      told.push([s.categories.analytics, s.categories.marketing]);
      if (!once) return;
      once = false;
      core.api.set({ analytics: true });
      core.api.set({ marketing: true });
    });
    core.api.rejectAll();
    expect(told).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
    await flush();
    expect(sent).toHaveLength(3);
    // Each receipt names the one before it: no gap in the chain.
    await flush();
    expect(sent.slice(1).map((f) => f.previousId)).toEqual(sent.slice(0, 2).map((f) => f.id));
  });

  it("a reset whose listener decides again is sent under the reset's own consent ID, before the new decision", async () => {
    vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const { core, control } = start({ receiptUrl: '/receipts' });
    await control();
    core.api.acceptAll();
    let once = true;
    core.api.on('change', (s) => {
      if (!s.decided && once) {
        once = false;
        core.api.rejectAll();
      }
    });
    core.api.reset();
    await flush();
    expect(sent.map((f) => f.reset)).toEqual([false, true, false]);
    const [accepted, reset, rejected] = sent;
    // Three consent IDs, each receipt naming the one before it.
    expect(new Set(sent.map((f) => f.id)).size).toBe(3);
    expect(reset.previousId).toBe(accepted.id);
    expect(rejected.previousId).toBe(reset.id);
    expect(core.api.get().id).toBe(rejected.id);
  });
});
