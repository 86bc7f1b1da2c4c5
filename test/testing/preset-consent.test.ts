import type { BrowserContext } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../src/consent/consent-record';
import {
  type ConsentPreset,
  consentStorageState,
  type PresetOptions,
  presetConsent,
  presetRecord,
} from '../../src/testing/preset-consent';
import { recordTrackers, type TrackerVendor, vendorOfHost } from '../../src/testing/tracker-recorder';

const DAY = 86_400_000;
const time = new Date('2026-11-01T10:00:00Z');

describe('presetRecord', () => {
  it('records a choice made under a privacy signal as the widget does, so it stands where signals are honoured', () => {
    const options = { url: 'https://shop.test/', source: 'preferences' as const, time };
    const under = presetRecord({ analytics: true }, { ...options, underSignal: true });
    expect(under.signalled).toBe(true);
    expect(decodeRecord(encodeRecord(under))).toMatchObject({ ok: true, record: { signalled: true } });
    expect(encodeRecord(under).endsWith('|P')).toBe(true);
    expect(presetRecord({ analytics: true }, options).signalled).toBeUndefined();
  });

  it('grants whole categories, and single services of a refused category on their own', () => {
    const r = presetRecord({ analytics: true, services: { facebook: true } }, { url: 'https://shop.test/', time });
    expect(r).toMatchObject({
      categories: { analytics: true, marketing: false },
      services: ['facebook'],
      revision: '1',
      source: 'api',
      time: time.getTime(),
    });
  });

  it('refuses to store a refused service inside a granted category, with a hint', () => {
    expect(() =>
      presetRecord({ marketing: true, services: { twitter: false } }, { url: 'https://shop.test/' }),
    ).toThrow(/"twitter" cannot be refused while "marketing" is granted/);
  });

  it('refuses to store a custom service refused while a category is granted, which could be its own', () => {
    // A custom service's category is the site's to say: if it is the granted one, the record would grant it.
    expect(() => presetRecord({ analytics: true, services: { stats: false } }, { url: 'https://shop.test/' })).toThrow(
      /"stats" cannot be refused while a category is granted.*leave it out/,
    );
    // With no category granted, refusing it is what the record says anyway.
    expect(presetRecord({ services: { stats: false, chat: true } }, { url: 'https://shop.test/' }).services).toEqual([
      'chat',
    ]);
  });
});

describe('consentStorageState', () => {
  it('holds the cookie and the mirror, written by the widget’s own encoder', () => {
    const state = consentStorageState(
      { analytics: true },
      { url: 'https://shop.test/cart', revision: '2026-11', time, id: 'PRESET0000000000000000' },
    );
    const [cookie] = state.cookies;
    const mirror = state.origins[0].localStorage[0].value;
    expect(state.origins[0].origin).toBe('https://shop.test');
    expect(decodeURIComponent(cookie.value)).toBe(mirror);
    const decoded = decodeRecord(mirror);
    expect(decoded).toMatchObject({
      ok: true,
      record: { id: 'PRESET0000000000000000', revision: '2026-11', categories: { analytics: true, marketing: false } },
    });
    expect(cookie).toMatchObject({
      name: 'crumb_consent',
      domain: 'shop.test',
      path: '/',
      secure: true,
      sameSite: 'Lax',
    });
  });

  it('lives as long as the site keeps a choice, counted from the decision', () => {
    const [standard] = consentStorageState({}, { url: 'http://shop.test/', time }).cookies;
    expect(standard.expires * 1000).toBe(time.getTime() + 182 * DAY);
    expect(standard.secure).toBe(false);
    const [short] = consentStorageState({}, { url: 'http://shop.test/', time, expiryDays: 30 }).cookies;
    expect(short.expires * 1000).toBe(time.getTime() + 30 * DAY);
  });

  it('uses the site’s cookie domain when given', () => {
    const [cookie] = consentStorageState(
      {},
      { url: 'https://shop.example.com/', cookieDomain: '.example.com' },
    ).cookies;
    expect(cookie.domain).toBe('.example.com');
  });

  it('shares the cookie with subdomains also when the site writes its cookie domain without a dot', () => {
    const [cookie] = consentStorageState({}, { url: 'https://shop.example.com/', cookieDomain: 'example.com' }).cookies;
    // Playwright takes a domain without its dot as one host only; browsers take Domain=example.com as .example.com.
    expect(cookie.domain).toBe('.example.com');
  });
});

describe('a preset the widget would not take is refused, saying why', () => {
  const url = 'https://shop.example.com/';
  it.each([
    [
      'a mistyped category',
      { analytic: true },
      {},
      /"analytic" is not part of a preset.*analytics, marketing, services/,
    ],
    ['a category that is not true or false', { analytics: 'yes' }, {}, /"analytics" must be true or false, not "yes"/],
    ['a service id the widget never stores', { services: { Facebook: true } }, {}, /service id "Facebook"/],
    ['a service that is not true or false', { services: { facebook: 1 } }, {}, /"facebook" must be true or false/],
    ['a mistyped option', {}, { revison: '2024-05-01' }, /"revison" is not an option.*revision/],
    ['a URL that is not absolute', {}, { url: '/' }, /url "\/".*absolute http\(s\) URL/],
    ['an empty revision', {}, { revision: '' }, /revision "".*1–64 characters/],
    ['a revision too long', {}, { revision: 'r'.repeat(65) }, /revision "r{10}.*1–64 characters/],
    ['an expiry of no days', {}, { expiryDays: 0 }, /expiryDays 0.*above 0 and at most 395/],
    ['an expiry past 13 months', {}, { expiryDays: 400 }, /expiryDays 400.*above 0 and at most 395/],
    [
      'a cookie domain of another site',
      {},
      { cookieDomain: '.other.com' },
      /cookieDomain ".other.com".*shop.example.com/,
    ],
    ['a cookie domain that is no domain', {}, { cookieDomain: 'example' }, /cookieDomain "example"/],
    ['an unknown source', {}, { source: 'button' }, /source "button".*banner, preferences, api, signal/],
    ['a time that is no date', {}, { time: new Date('soon') }, /time.*valid Date/],
    ['a malformed consent ID', {}, { id: 'abc' }, /id "abc".*22 base64url characters/],
    ['underSignal that is not true or false', {}, { underSignal: 'yes' }, /underSignal "yes" must be true or false/],
    ['underSignal on a refusal from a signal', {}, { underSignal: true, source: 'signal' }, /not for source "signal"/],
  ] as const)('%s', (_, preset, options, message) => {
    const given = { url, ...options } as unknown as PresetOptions;
    expect(() => consentStorageState(preset as ConsentPreset & object, given)).toThrow(message);
  });

  it('a record that would be too long to store', () => {
    const services = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`service-number-${i}-abcdefghij`, true]));
    expect(() => consentStorageState({ services }, { url, revision: 'r'.repeat(60) })).toThrow(
      /would be \d+ characters long.*at most 299/,
    );
  });

  it("takes the revision as the site's attribute does: trimmed", () => {
    const state = consentStorageState({}, { url, revision: ' 2024-05-01 ', time });
    expect(decodeRecord(state.origins[0].localStorage[0].value)).toMatchObject({ record: { revision: '2024-05-01' } });
  });
});

describe('vendorOfHost', () => {
  it.each([
    ['www.googletagmanager.com', 'google-analytics'],
    ['region1.google-analytics.com', 'google-analytics'],
    ['region1.analytics.google.com', 'google-analytics'],
    ['connect.facebook.net', 'facebook'],
    ['www.facebook.com', 'facebook'],
    ['static.ads-twitter.com', 'twitter'],
    ['analytics.twitter.com', 'twitter'],
    ['t.co', 'twitter'],
    ['lltrck.com', 'leadlander'],
  ])('%s → %s', (host, vendor) => {
    expect(vendorOfHost(host)).toBe(vendor);
  });

  it.each([['google.com'], ['notfacebook.com'], ['facebook.com.evil.test'], ['example.com'], ['tt.co']])(
    '%s is no tracker host',
    (host) => {
      expect(vendorOfHost(host)).toBeUndefined();
    },
  );
});

describe('recordTrackers', () => {
  const context = { route: async () => {} } as unknown as BrowserContext;

  it('refuses a vendor it does not know, rather than finding it never loaded', async () => {
    const recorder = await recordTrackers(context);
    const meta = 'meta' as TrackerVendor;
    expect(() => recorder.expectNotLoaded(meta)).toThrow(/"meta" is not a vendor.*google-analytics, facebook/);
    expect(() => recorder.count(meta)).toThrow(/"meta" is not a vendor/);
    await expect(recorder.expectLoaded(meta)).rejects.toThrow(/"meta" is not a vendor/);
  });
});

describe('presetConsent', () => {
  it('takes a missing preset as a mistake, not as "clear": nothing is touched', async () => {
    const calls: string[] = [];
    const context = new Proxy({}, { get: (_, name) => async () => void calls.push(String(name)) });
    await expect(
      presetConsent(context as unknown as BrowserContext, undefined as unknown as ConsentPreset, {
        url: 'https://shop.test/',
      }),
    ).rejects.toThrow(/crumb-consent\/testing: the preset is missing.*null to clear/);
    expect(calls).toEqual([]);
  });
});
