// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../src/config/parse-config';
import type { DecisionFacts } from '../src/receipts/send-receipt';
import { startCrumb } from '../src/start';
import { createScriptLoader } from '../src/trackers/load-script';

/** Vendor scripts asked for; none is fetched. */
const requested: string[] = [];

function start(
  attributes: Record<string, string> = { receiptUrl: '/receipts' },
  json?: object,
  widget: Promise<undefined> = new Promise(() => {}),
) {
  const { config } = parseConfig({ attributes, json });
  const loader = createScriptLoader(document, window, '');
  return startCrumb({
    win: window,
    config,
    nonce: '',
    version: 'test',
    // The widget chunk arrives when the test says (it hands its sender over with sendReceiptsWith), or fails.
    chunk: () => widget,
    loader: { ...loader, load: (url) => !!requested.push(url) },
    language: 'en',
  });
}

afterEach(() => {
  delete (window as { Crumb?: unknown }).Crumb;
  localStorage.clear();
  // biome-ignore lint/suspicious/noDocumentCookie: the test removes the record the widget wrote.
  document.cookie = 'crumb_consent=; Max-Age=0; Path=/';
});

describe('receipts, sent by the widget chunk', () => {
  it('wait for the widget when the decision comes first, then go in order; later ones go at once', () => {
    const crumb = start();
    crumb.api.acceptAll();
    crumb.api.set({ marketing: false });
    const sent: DecisionFacts[] = [];
    crumb.sendReceiptsWith((facts) => sent.push(facts));
    expect(sent.map((f) => [f.source, f.after.categories.marketing])).toEqual([
      ['api', true],
      ['api', false],
    ]);
    expect(sent[1].previousId).toBe(sent[0].id);
    crumb.api.reset();
    expect(sent).toHaveLength(3);
    expect(sent[2].reset).toBe(true);
  });

  it('hold back the reload after a withdrawal made before the widget until they have gone', () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const crumb = start({ receiptUrl: '/receipts', googleAnalytics: 'G-TEST1234' });
    crumb.api.acceptAll();
    expect(requested.some((u) => u.includes('googletagmanager'))).toBe(true);
    crumb.api.rejectAll();
    expect(reload).not.toHaveBeenCalled();
    const sent: DecisionFacts[] = [];
    crumb.sendReceiptsWith((facts) => sent.push(facts));
    expect(sent.map((f) => f.after.categories.analytics)).toEqual([true, false]);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('do not hold the reload back when the widget cannot be loaded', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const crumb = start(
      { receiptUrl: '/receipts', googleAnalytics: 'G-TEST1234' },
      undefined,
      Promise.resolve(undefined),
    );
    crumb.api.acceptAll();
    crumb.api.rejectAll();
    await Promise.resolve();
    await Promise.resolve();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('are not made without data-receipt-url', () => {
    const crumb = start({});
    const sent: DecisionFacts[] = [];
    crumb.sendReceiptsWith((facts) => sent.push(facts));
    crumb.api.acceptAll();
    expect(sent).toEqual([]);
  });
});

describe('grantOf, what gated markup asks', () => {
  it('answers categories and the site’s services; undefined for any other name, prototype names included', async () => {
    const { grantOf } = await import('../src/shell/widget');
    // A custom service rather than a vendor: nothing is fetched.
    const crumb = start({}, { services: [{ id: 'stats', name: 'Stats', category: 'analytics' }] });
    expect(grantOf(crumb.model, 'necessary')).toBe(true);
    expect(grantOf(crumb.model, 'analytics')).toBe(false);
    expect(grantOf(crumb.model, 'stats')).toBe(false);
    crumb.api.set({ analytics: true });
    expect(grantOf(crumb.model, 'analytics')).toBe(true);
    expect(grantOf(crumb.model, 'stats')).toBe(true);
    for (const name of ['facebook', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(grantOf(crumb.model, name), name).toBeUndefined();
  });
});
