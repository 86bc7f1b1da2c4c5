import { describe, expect, it } from 'vitest';
import type { CrumbState } from '../../src/api/types';
import type { Grants } from '../../src/consent/consent-model';
import { buildReceipt, type ReceiptInput, receiptType, withdrew } from '../../src/receipts/build-receipt';
import { NOW } from '../helpers/fixtures';

/** Grants with the two built-in-like services; override what a test is about. */
function grants(analytics: boolean, marketing: boolean, services: Record<string, boolean> = {}): Grants {
  return { categories: { necessary: true, analytics, marketing }, services };
}

const ALL = grants(true, true, { 'google-analytics': true, facebook: true });
const NONE = grants(false, false, { 'google-analytics': false, facebook: false });

describe('receiptType', () => {
  it('names a decision granting everything an acceptance', () => {
    expect(receiptType(NONE, ALL, 'banner')).toBe('acceptance');
    expect(receiptType(ALL, ALL, 'api')).toBe('acceptance');
    // No services at all: the categories decide.
    expect(receiptType(grants(false, false), grants(true, true), 'preferences')).toBe('acceptance');
  });

  it('names a decision granting nothing a refusal', () => {
    expect(receiptType(NONE, NONE, 'banner')).toBe('refusal');
    expect(receiptType(grants(false, false), grants(false, false), 'api')).toBe('refusal');
  });

  it('names a decision granting some but not all a partial one', () => {
    expect(receiptType(NONE, grants(true, false, { 'google-analytics': true, facebook: false }), 'preferences')).toBe(
      'partial',
    );
    // A service granted on its own while both categories stay refused.
    expect(receiptType(NONE, grants(false, false, { 'google-analytics': false, facebook: true }), 'preferences')).toBe(
      'partial',
    );
    // Both categories granted, one service not (it cannot happen through the UI, but the type says partial).
    expect(receiptType(NONE, grants(true, true, { 'google-analytics': true, facebook: false }), 'api')).toBe('partial');
  });

  it('names a decision refusing anything granted before a withdrawal', () => {
    expect(receiptType(ALL, NONE, 'banner')).toBe('withdrawal');
    expect(receiptType(grants(true, false), grants(false, false), 'preferences')).toBe('withdrawal');
    // A service granted on its own, then refused.
    expect(
      receiptType(
        grants(false, false, { 'google-analytics': false, facebook: true }),
        grants(false, false, { 'google-analytics': false, facebook: false }),
        'preferences',
      ),
    ).toBe('withdrawal');
  });

  it('names it a withdrawal even when something else is newly granted', () => {
    const before = grants(true, false, { 'google-analytics': true, facebook: false });
    const after = grants(false, true, { 'google-analytics': false, facebook: true });
    expect(receiptType(before, after, 'preferences')).toBe('withdrawal');
  });

  it('names any decision from a privacy signal a signal, whatever the grants', () => {
    expect(receiptType(NONE, NONE, 'signal')).toBe('signal');
    expect(receiptType(ALL, NONE, 'signal')).toBe('signal');
    expect(receiptType(NONE, ALL, 'signal')).toBe('signal');
  });
});

describe('withdrew', () => {
  it('is true only when something granted before is refused after', () => {
    expect(withdrew(ALL, NONE)).toBe(true);
    expect(withdrew(NONE, ALL)).toBe(false);
    expect(withdrew(ALL, ALL)).toBe(false);
    expect(withdrew(NONE, NONE)).toBe(false);
    expect(withdrew(grants(false, true), grants(false, false))).toBe(true);
  });

  it('counts a service that is gone from the grants after as refused', () => {
    expect(withdrew(grants(false, false, { chat: true }), grants(false, false))).toBe(true);
    expect(withdrew(grants(false, false, { chat: false }), grants(false, false))).toBe(false);
  });
});

const KEYS = [
  'id',
  'previousId',
  'type',
  'time',
  'revision',
  'categories',
  'services',
  'source',
  'signals',
  'language',
  'origin',
  'path',
  'version',
];

function state(over: Partial<CrumbState> = {}): CrumbState {
  return {
    decided: true,
    categories: { necessary: true, analytics: true, marketing: false },
    services: { 'google-analytics': true, facebook: false },
    id: 'Qk3vX0b9mT2aLr7cYw1eZA',
    decidedAt: new Date(NOW).toISOString(),
    revision: '2025-03',
    source: 'banner',
    signals: { dnt: false, gpc: true },
    ...over,
  };
}

function input(over: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    id: 'Qk3vX0b9mT2aLr7cYw1eZA',
    type: 'partial',
    time: NOW,
    state: state(),
    source: 'banner',
    language: 'de',
    location: { origin: 'https://shop.example.com', pathname: '/checkout' },
    version: '0.1.0',
    ...over,
  };
}

/** Builds the receipt of `input`, its type and location passed on their own as the sender passes them. */
const build = (i: ReceiptInput) => buildReceipt(i, i.type, i.location);

describe('buildReceipt', () => {
  it('holds exactly the documented fields', () => {
    const receipt = build(input({ previousId: 'Prev0000000000000000AA' }));
    expect(receipt).toEqual({
      id: 'Qk3vX0b9mT2aLr7cYw1eZA',
      previousId: 'Prev0000000000000000AA',
      type: 'partial',
      time: '2025-03-14T12:00:00.000Z',
      revision: '2025-03',
      categories: { necessary: true, analytics: true, marketing: false },
      services: { 'google-analytics': true, facebook: false },
      source: 'banner',
      signals: { dnt: false, gpc: true },
      language: 'de',
      origin: 'https://shop.example.com',
      path: '/checkout',
      version: '0.1.0',
    });
    expect(Object.keys(receipt).sort()).toEqual([...KEYS].sort());
  });

  it('has previousId null, not undefined, when there was no earlier decision', () => {
    const receipt = build(input());
    expect(receipt.previousId).toBeNull();
    expect(JSON.parse(JSON.stringify(receipt))).toHaveProperty('previousId', null);
  });

  it('gives the time as an ISO string of the decision time', () => {
    expect(build(input({ time: 0 })).time).toBe('1970-01-01T00:00:00.000Z');
    expect(build(input({ time: NOW + 1234 })).time).toBe('2025-03-14T12:00:01.234Z');
  });

  it('takes the source from the input, not from the state', () => {
    const receipt = build(input({ source: 'signal', state: state({ source: 'banner' }) }));
    expect(receipt.source).toBe('signal');
  });

  it('lets nothing else in: no query string, fragment, href, or extra state properties', () => {
    const location = {
      origin: 'https://shop.example.com',
      pathname: '/checkout',
      search: '?email=jane.doe%40mail.test&token=s3cr3t',
      hash: '#customer=Jane+Doe',
      href: 'https://shop.example.com/checkout?email=jane.doe%40mail.test&token=s3cr3t#customer=Jane+Doe',
      host: 'shop.example.com',
    };
    const leaky = Object.assign(state(), {
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 SecretBrowser',
      email: 'jane.doe@mail.test',
    });
    const receipt = build(input({ location, state: leaky, previousId: undefined }));
    expect(Object.keys(receipt).sort()).toEqual([...KEYS].sort());
    const json = JSON.stringify(receipt);
    const secrets = ['email=', 'jane.doe', 's3cr3t', 'customer=', 'Jane', '?', '#', '203.0.113.7', 'SecretBrowser'];
    for (const secret of secrets) expect(json, secret).not.toContain(secret);
    // Nor is the state's own bookkeeping copied.
    expect(receipt).not.toHaveProperty('decided');
    expect(receipt).not.toHaveProperty('decidedAt');
  });

  it('copies categories, services and signals, so later changes to the state do not reach it', () => {
    const s = state();
    const receipt = build(input({ state: s }));
    expect(receipt.categories).not.toBe(s.categories);
    expect(receipt.services).not.toBe(s.services);
    expect(receipt.signals).not.toBe(s.signals);
    s.categories.analytics = false;
    s.categories.marketing = true;
    s.services['google-analytics'] = false;
    s.services.chat = true;
    s.signals.dnt = true;
    s.signals.gpc = false;
    s.revision = 'changed';
    expect(receipt.categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(receipt.services).toEqual({ 'google-analytics': true, facebook: false });
    expect(receipt.signals).toEqual({ dnt: false, gpc: true });
    expect(receipt.revision).toBe('2025-03');
  });
});
