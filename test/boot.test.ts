// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../src/boot';
import type { ChunkName } from '../src/chunks';
import { parseConfig } from '../src/config/parse-config';

/** Boots on this page with chunks that never arrive, and returns the chunks asked for, in order. */
function bootWith(attributes: Record<string, string>, early = false): ChunkName[] {
  const asked: ChunkName[] = [];
  boot(window, parseConfig({ attributes }), {
    nonce: '',
    version: 'test',
    early,
    load: () => (name) => {
      asked.push(name);
      return new Promise(() => {});
    },
  });
  return asked;
}

afterEach(() => {
  delete (window as { Crumb?: unknown }).Crumb;
});

describe('boot', () => {
  it('asks for the receipts with the widget on a site with data-receipt-url, so a first receipt waits for no download', () => {
    expect(bootWith({ receiptUrl: '/receipts' })).toEqual(['widget', 'receipts']);
  });

  it('never asks for the receipts without data-receipt-url', () => {
    expect(bootWith({})).toEqual(['widget']);
  });

  it('asks for the widget once, also when it asked early', () => {
    expect(bootWith({}, true)).toEqual(['widget']);
  });
});
