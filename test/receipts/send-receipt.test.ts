import { describe, expect, it, vi } from 'vitest';
import type { CrumbState } from '../../src/api/types';
import type { Grants } from '../../src/consent/consent-model';
import { buildReceipt, type ConsentReceipt } from '../../src/receipts/build-receipt';
import { type DecisionFacts, sendDecisionReceipt, sendReceipt } from '../../src/receipts/send-receipt';
import { NOW } from '../helpers/fixtures';

/** Where the decision was made: a whole location, of which only the origin and the path may travel. */
const PAGE = {
  origin: 'https://shop.example.com',
  pathname: '/cart',
  search: '?coupon=JANE-DOE-10',
  hash: '#email=jane@mail.test',
  href: 'https://shop.example.com/cart?coupon=JANE-DOE-10#email=jane@mail.test',
};

const URL_ = 'https://receipts.example.net/consent';
const TYPE = 'text/plain;charset=UTF-8';

function state(over: Partial<CrumbState> = {}): CrumbState {
  return {
    decided: true,
    categories: { necessary: true, analytics: true, marketing: true },
    services: { 'google-analytics': true, facebook: true },
    id: 'Qk3vX0b9mT2aLr7cYw1eZA',
    decidedAt: new Date(NOW).toISOString(),
    revision: '1',
    source: 'banner',
    signals: { dnt: false, gpc: false },
    ...over,
  };
}

// The facts of an acceptance (`facts`, below), built as `sendDecisionReceipt` builds them.
const receipt: ConsentReceipt = buildReceipt(facts(), 'acceptance', {
  origin: 'https://shop.example.com',
  pathname: '/',
});

/** A navigator whose sendBeacon answers `result` (or throws it, when it is an Error) and keeps what it was given. */
function beacon(result: boolean | Error) {
  const sent: { url: string; data: unknown }[] = [];
  const sendBeacon = vi.fn((url: string | URL, data?: BodyInit | null) => {
    sent.push({ url: String(url), data });
    if (result instanceof Error) throw result;
    return result;
  });
  return { sent, sendBeacon, nav: { sendBeacon } as Pick<Navigator, 'sendBeacon'> };
}

const okFetch = () => vi.fn((_url: RequestInfo | URL, _init?: RequestInit) => Promise.resolve(new Response(null)));

/** Lets pending promise callbacks (fetch's .catch) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function expectFetchedOnce(fetchFn: ReturnType<typeof okFetch>, body: string) {
  expect(fetchFn).toHaveBeenCalledTimes(1);
  const [url, init] = fetchFn.mock.calls[0];
  expect(url).toBe(URL_);
  expect(init).toEqual({
    method: 'POST',
    body,
    keepalive: true,
    credentials: 'omit',
    headers: { 'content-type': TYPE },
  });
}

describe('sendReceipt', () => {
  it('sends with sendBeacon first: a text/plain Blob holding the JSON; fetch is not called when it succeeds', async () => {
    const { sent, sendBeacon, nav } = beacon(true);
    const fetchFn = okFetch();
    sendReceipt(URL_, receipt, { navigator: nav, fetch: fetchFn as unknown as typeof fetch });
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    expect(sent[0].url).toBe(URL_);
    const blob = sent[0].data as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type.toLowerCase()).toBe(TYPE.toLowerCase());
    const text = await blob.text();
    expect(text).toBe(JSON.stringify(receipt));
    expect(JSON.parse(text)).toEqual(receipt);
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('falls back to fetch (POST, keepalive, no credentials, same body and type) when sendBeacon returns false', () => {
    const { sendBeacon, nav } = beacon(false);
    const fetchFn = okFetch();
    sendReceipt(URL_, receipt, { navigator: nav, fetch: fetchFn as unknown as typeof fetch });
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    expectFetchedOnce(fetchFn, JSON.stringify(receipt));
  });

  it('falls back to fetch when sendBeacon throws', () => {
    const { sendBeacon, nav } = beacon(new TypeError('Illegal invocation'));
    const fetchFn = okFetch();
    expect(() =>
      sendReceipt(URL_, receipt, { navigator: nav, fetch: fetchFn as unknown as typeof fetch }),
    ).not.toThrow();
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    expectFetchedOnce(fetchFn, JSON.stringify(receipt));
  });

  it('falls back to fetch when the navigator has no sendBeacon', () => {
    const fetchFn = okFetch();
    sendReceipt(URL_, receipt, {
      navigator: {} as Pick<Navigator, 'sendBeacon'>,
      fetch: fetchFn as unknown as typeof fetch,
    });
    expectFetchedOnce(fetchFn, JSON.stringify(receipt));
  });

  it('falls back to fetch when the navigator has a sendBeacon that is not a function', () => {
    const fetchFn = okFetch();
    const nav = { sendBeacon: 'nope' } as unknown as Pick<Navigator, 'sendBeacon'>;
    expect(() =>
      sendReceipt(URL_, receipt, { navigator: nav, fetch: fetchFn as unknown as typeof fetch }),
    ).not.toThrow();
    expectFetchedOnce(fetchFn, JSON.stringify(receipt));
  });

  it('does not warn when neither sendBeacon nor fetch is there', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    sendReceipt(URL_, receipt, { navigator: {} as Pick<Navigator, 'sendBeacon'> });
    await settle();
    expect(warn).not.toHaveBeenCalled();
  });

  it('does not warn when the fallback fetch succeeds', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    sendReceipt(URL_, receipt, { navigator: beacon(false).nav, fetch: okFetch() as unknown as typeof fetch });
    await settle();
    expect(warn).not.toHaveBeenCalled();
  });

  it('never throws when fetch rejects, and warns once naming the URL', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetchFn = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(() =>
      sendReceipt(URL_, receipt, { navigator: beacon(false).nav, fetch: fetchFn as unknown as typeof fetch }),
    ).not.toThrow();
    await settle();
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain(URL_);
    expect(String(warn.mock.calls[0][0])).toMatch(/^Crumb: /);
  });

  it('never throws when fetch throws synchronously, and warns once naming the URL', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetchFn = vi.fn(() => {
      throw new TypeError('Failed to parse URL');
    });
    expect(() =>
      sendReceipt(URL_, receipt, { navigator: beacon(false).nav, fetch: fetchFn as unknown as typeof fetch }),
    ).not.toThrow();
    await settle();
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain(URL_);
  });

  it('never throws when there is neither a working sendBeacon nor fetch', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => sendReceipt(URL_, receipt, { navigator: beacon(false).nav })).not.toThrow();
    expect(() => sendReceipt(URL_, receipt, { navigator: beacon(new Error('nope')).nav })).not.toThrow();
    expect(() => sendReceipt(URL_, receipt, { navigator: {} as Pick<Navigator, 'sendBeacon'> })).not.toThrow();
    await settle();
  });
});

function grants(analytics: boolean, marketing: boolean, services: Record<string, boolean> = {}): Grants {
  return { categories: { necessary: true, analytics, marketing }, services };
}

/** A window with just what sendDecisionReceipt uses; sendBeacon keeps the blobs it is given. */
function fakeWindow(options: { beacon?: boolean; fetch?: boolean } = {}) {
  const blobs: Blob[] = [];
  const sendBeacon = vi.fn((_url: string | URL, data?: BodyInit | null) => {
    blobs.push(data as Blob);
    return options.beacon ?? true;
  });
  const fetchFn = okFetch();
  const win = {
    location: PAGE,
    navigator: { sendBeacon },
    ...(options.fetch === false ? {} : { fetch: fetchFn }),
  } as unknown as Window;
  return { win, blobs, sendBeacon, fetchFn };
}

function facts(over: Partial<DecisionFacts> = {}): DecisionFacts {
  return {
    id: 'Qk3vX0b9mT2aLr7cYw1eZA',
    time: NOW,
    state: state(),
    source: 'banner',
    language: 'en',
    version: '0.1.0',
    before: grants(false, false),
    after: grants(true, true),
    reset: false,
    location: PAGE,
    ...over,
  };
}

async function sentReceipt(blobs: Blob[]): Promise<ConsentReceipt> {
  expect(blobs).toHaveLength(1);
  return JSON.parse(await blobs[0].text());
}

describe('sendDecisionReceipt', () => {
  it('sends a receipt named from the grants before and after, with the location origin and path only', async () => {
    const { win, blobs, sendBeacon, fetchFn } = fakeWindow();
    sendDecisionReceipt(URL_, facts({ previousId: 'Prev0000000000000000AA' }), win);
    expect(sendBeacon).toHaveBeenCalledWith(URL_, expect.any(Blob));
    expect(fetchFn).not.toHaveBeenCalled();
    const sent = await sentReceipt(blobs);
    expect(sent).toMatchObject({
      id: 'Qk3vX0b9mT2aLr7cYw1eZA',
      previousId: 'Prev0000000000000000AA',
      type: 'acceptance',
      time: new Date(NOW).toISOString(),
      origin: 'https://shop.example.com',
      path: '/cart',
      source: 'banner',
      language: 'en',
      version: '0.1.0',
    });
    const text = JSON.stringify(sent);
    expect(text).not.toContain('coupon');
    expect(text).not.toContain('jane');
  });

  it('gives the path where the decision was made, not the one the page is at as the receipt goes', async () => {
    const { win, blobs } = fakeWindow();
    sendDecisionReceipt(URL_, facts({ location: { origin: PAGE.origin, pathname: '/checkout' } }), win);
    expect(await sentReceipt(blobs)).toMatchObject({ origin: PAGE.origin, path: '/checkout' });
  });

  it.each([
    ['withdrawal', grants(true, true), grants(false, false), 'preferences'],
    ['refusal', grants(false, false), grants(false, false), 'banner'],
    ['partial', grants(false, false), grants(true, false), 'preferences'],
    ['signal', grants(true, true), grants(false, false), 'signal'],
  ] as const)('names the decision with receiptType: %s', async (expected, before, after, source) => {
    const { win, blobs } = fakeWindow();
    sendDecisionReceipt(URL_, facts({ before, after, source }), win);
    expect((await sentReceipt(blobs)).type).toBe(expected);
  });

  it("names it 'reset' when the decision was forgotten, whatever the grants", async () => {
    const { win, blobs } = fakeWindow();
    sendDecisionReceipt(URL_, facts({ reset: true, before: grants(true, true), after: grants(false, false) }), win);
    expect((await sentReceipt(blobs)).type).toBe('reset');
  });

  it("falls back to the window's fetch when sendBeacon refuses", () => {
    const { win, fetchFn } = fakeWindow({ beacon: false });
    sendDecisionReceipt(URL_, facts(), win);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    const [url, init] = fetchFn.mock.calls[0];
    expect(url).toBe(URL_);
    expect(JSON.parse(String(init?.body))).toMatchObject({ type: 'acceptance', origin: 'https://shop.example.com' });
  });

  it('never throws when the window has no fetch and sendBeacon refuses', () => {
    const { win, sendBeacon } = fakeWindow({ beacon: false, fetch: false });
    expect(() => sendDecisionReceipt(URL_, facts(), win)).not.toThrow();
    expect(sendBeacon).toHaveBeenCalledTimes(1);
  });
});
