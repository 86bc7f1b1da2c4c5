// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/parse-config';
import type { DecisionFacts } from '../src/receipts/send-receipt';
import { startCrumb } from '../src/start';
import { createScriptLoader } from '../src/trackers/load-script';

function start(attributes: Record<string, string> = { receiptUrl: '/receipts' }, json?: object) {
  const { config } = parseConfig({ attributes, json });
  return startCrumb({
    win: window,
    config,
    nonce: '',
    version: 'test',
    chunk: async () => undefined,
    loader: createScriptLoader(document, window, ''),
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
