import type { BrowserContext } from '@playwright/test';
import { presetConsent } from 'crumb-consent/testing';
import { ALL_TRACKERS, banner, crumbReady, dialog, settle, testOrigin } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

const VENDOR_COOKIES = [
  '_ga',
  '_ga_CRUMBTEST1',
  '_gid',
  '_gat_gtag',
  '_gcl_au',
  '_fbp',
  '_fbc',
  '_twclid',
  'chat_id',
  'chat_session',
];
const CONFIG = `<script type="application/json" data-crumb-config>${JSON.stringify({
  services: [{ id: 'chat', name: 'Support chat', category: 'marketing', cookies: ['chat_id', '/^chat_.+$/'] }],
})}</script>`;

/** The vendors' cookies as they set them: on the parent domain, and some host-only on the shop. */
async function plantVendorCookies(context: BrowserContext, origin: string) {
  await context.addCookies([
    ...VENDOR_COOKIES.map((name) => ({ name, value: 'v', domain: '.example.test', path: '/' })),
    ...VENDOR_COOKIES.map((name) => ({ name, value: 'host', url: `${origin}/` })),
    { name: 'site_session', value: 'keep-me', domain: '.example.test', path: '/' },
  ]);
}

const names = async (context: BrowserContext) => (await context.cookies()).map((c) => `${c.name}@${c.domain}`).sort();

test('withdrawal with reload off: Consent Mode denied, ga-disable set, fbq revoke, vendor cookies deleted on host and parent domain', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = testOrigin(baseURL, 'shop.example.test');
  await pageWithCrumb(page, {
    attrs: { ...ALL_TRACKERS, 'data-reload-on-withdraw': 'false' },
    head: CONFIG,
    origin,
    path: 'withdraw-noreload',
  });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await plantVendorCookies(context, origin);
  expect((await names(context)).filter((n) => n.startsWith('_ga@'))).toEqual([
    '_ga@.example.test',
    '_ga@shop.example.test',
  ]);

  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await dialog(page).getByRole('button', { name: 'Reject all' }).click();
  await settle(page);

  expect(await names(context)).toEqual(['crumb_consent@shop.example.test', 'site_session@.example.test']);
  const after = await page.evaluate(() => {
    const w = window as any;
    const consent = w.dataLayer.filter((e: any) => e[0] === 'consent').map((e: any) => Array.from(e));
    return {
      lastConsent: consent[consent.length - 1],
      gaDisabled: w['ga-disable-G-CRUMBTEST1'],
      fbq: w.fbq.queue.map((e: any) => Array.from(e)),
    };
  });
  expect(after.lastConsent[1]).toBe('update');
  // Every consented signal denied; functionality and security storage stay granted, being necessary.
  expect(after.lastConsent[2]).toEqual({
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    analytics_storage: 'denied',
    functionality_storage: 'granted',
    personalization_storage: 'denied',
    security_storage: 'granted',
  });
  expect(after.gaDisabled).toBe(true);
  expect(after.fbq).toEqual([
    ['consent', 'grant'],
    ['init', '123456789012345'],
    ['track', 'PageView'],
    ['consent', 'revoke'],
  ]);

  // Granted again on the same page: the trackers resume (they are not loaded twice).
  await page.evaluate(() => (window as any).Crumb.acceptAll());
  const again = await page.evaluate(() => {
    const w = window as any;
    const consent = w.dataLayer.filter((e: any) => e[0] === 'consent').map((e: any) => Array.from(e));
    return {
      lastConsent: consent[consent.length - 1],
      gaDisabled: w['ga-disable-G-CRUMBTEST1'],
      fbq: w.fbq.queue.map((e: any) => Array.from(e)).slice(4),
      scripts: [...document.querySelectorAll('script[src*="googletagmanager"], script[src*="fbevents"]')].length,
    };
  });
  expect(Object.values(again.lastConsent[2]).every((v) => v === 'granted')).toBe(true);
  expect(again.gaDisabled).toBe(false);
  expect(again.fbq).toEqual([['consent', 'grant']]);
  expect(again.scripts).toBe(2);
});

test('withdrawing Google Analytics alone (reload off): Consent Mode keeps the ad signals marketing still grants', async ({
  page,
}) => {
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-reload-on-withdraw': 'false' } });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await page.evaluate(() => (window as any).Crumb.set({ services: { 'google-analytics': false } }));
  await settle(page, 200);
  const after = await page.evaluate(() => {
    const w = window as any;
    const consent = w.dataLayer.filter((e: any) => e[0] === 'consent').map((e: any) => Array.from(e));
    return { last: consent[consent.length - 1], gaDisabled: w['ga-disable-G-CRUMBTEST1'], state: w.Crumb.get() };
  });
  expect(after.state.categories).toEqual({ necessary: true, analytics: false, marketing: true });
  expect(after.gaDisabled).toBe(true);
  // What Google's tags read last is the choice: analytics refused, marketing (Google Ads' signals) still granted.
  expect(after.last).toEqual([
    'consent',
    'update',
    {
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
      analytics_storage: 'denied',
      functionality_storage: 'granted',
      personalization_storage: 'granted',
      security_storage: 'granted',
    },
  ]);
});

test('withdrawal reloads the page by default, and nothing withdrawn loads afterwards', async ({
  page,
  context,
  baseURL,
  trackers,
}) => {
  const origin = testOrigin(baseURL, 'shop.example.test');
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, head: CONFIG, origin, path: 'withdraw-reload' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.count()).toBe(4);
  await plantVendorCookies(context, origin);
  await page.evaluate(() => {
    (window as any).beforeReload = true;
  });

  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await dialog(page).getByRole('switch', { name: 'Google Analytics' }).uncheck();
  await dialog(page).getByRole('switch', { name: 'Facebook' }).uncheck();
  trackers.clear();
  await Promise.all([page.waitForEvent('load'), dialog(page).getByRole('button', { name: 'Save choices' }).click()]);
  await crumbReady(page);
  expect(await page.evaluate(() => (window as any).beforeReload)).toBeUndefined();

  // Still granted: LeadLander and X load again on the fresh page; the withdrawn two do not.
  await expect.poll(() => trackers.vendors()).toEqual(['leadlander', 'twitter']);
  await settle(page);
  expect(trackers.vendors()).toEqual(['leadlander', 'twitter']);
  const left = await names(context);
  for (const gone of ['_ga', '_ga_CRUMBTEST1', '_gid', '_gat_gtag', '_gcl_au', '_fbp', '_fbc'])
    expect(left.filter((n) => n.startsWith(`${gone}@`))).toEqual([]);
  expect(left).toContain('_twclid@.example.test');
  expect(left).toContain('site_session@.example.test');
});

test('a refusal that withdraws nothing that ran does not reload', async ({ page }) => {
  await pageWithCrumb(page, { attrs: ALL_TRACKERS });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await page.evaluate(() => {
    (window as any).marker = 1;
  });
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await dialog(page).getByRole('button', { name: 'Reject all' }).click();
  await settle(page);
  expect(await page.evaluate(() => (window as any).marker)).toBe(1);
});

test('a custom service’s "/patterns/" are regular expressions tested against each cookie name; plain names are exact', async ({
  page,
  context,
  baseURL,
}) => {
  const config = `<script type="application/json" data-crumb-config>${JSON.stringify({
    services: [
      {
        id: 'heatmap',
        name: 'Heatmap',
        category: 'analytics',
        description: 'Records clicks.',
        cookies: ['/^_hj/', '/_pk_id/', 'exact_one'],
      },
    ],
  })}</script>`;
  await pageWithCrumb(page, { attrs: { 'data-reload-on-withdraw': 'false' }, head: config });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  const planted = [
    '_hjSessionUser_123',
    '_hjid',
    '_pk_id.1.abcd',
    'my_pk_id_x',
    'exact_one',
    'exact_one_more',
    'site_hj',
  ];
  await context.addCookies(planted.map((name) => ({ name, value: 'v', url: `${baseURL}/` })));

  await page.evaluate(() => (window as any).Crumb.rejectAll());
  await settle(page);
  expect((await context.cookies()).map((c) => c.name).sort()).toEqual(['crumb_consent', 'exact_one_more', 'site_hj']);

  // The dialog lists each pattern as it reads: `*` where a name may go on.
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await expect(dialog(page).getByRole('switch', { name: 'Heatmap' })).toHaveAccessibleDescription(
    'Records clicks. Cookies _hj*, *_pk_id*, exact_one',
  );
});

for (const [change, attrs] of [
  ['the revision changed', { 'data-revision': 'r2' }],
  ['the choice expired', { 'data-revision': 'r1', 'data-expiry-days': '1' }],
] as const)
  test(`a refusal after ${change} deletes the cookies the earlier acceptance left`, async ({
    page,
    context,
    baseURL,
  }) => {
    // Accepted two days ago under revision r1: the trackers set their cookies then.
    await presetConsent(
      context,
      { analytics: true, marketing: true },
      { url: baseURL!, revision: 'r1', time: new Date(Date.now() - 2 * 86_400_000) },
    );
    await context.addCookies(
      ['_ga', '_ga_CRUMBTEST1', '_fbp', '_twclid', 'site_session'].map((name) => ({
        name,
        value: 'v',
        url: `${baseURL}/`,
      })),
    );
    await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, ...attrs } });
    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    await settle(page);
    expect((await context.cookies()).map((c) => c.name).sort()).toEqual(['crumb_consent', 'site_session']);
  });
