// The public QA kit (`crumb-consent/testing`, as built in dist/) against the built widget, in the ways a site's suite
// uses it.
import {
  acceptAll,
  consentState,
  openPreferences,
  presetConsent,
  privacySignals,
  recordTrackers,
  settingsButton,
  withdrawAll,
} from 'crumb-consent/testing';
import { ALL_TRACKERS, banner, crumbReady, crumbState, testOrigin } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

test("presetConsent with the site's cookie-domain written without a dot: sibling subdomains see the choice", async ({
  page,
  context,
  baseURL,
}) => {
  // Browsers take `Domain=example.test` as `.example.test`, and so does Crumb's data-cookie-domain.
  const shared = { ...ALL_TRACKERS, 'data-cookie-domain': 'example.test' };
  await presetConsent(
    context,
    { analytics: true },
    { url: `${testOrigin(baseURL, 'shop.example.test')}/`, cookieDomain: 'example.test' },
  );
  // Another subdomain: no localStorage mirror there, only the shared cookie.
  await pageWithCrumb(page, { origin: testOrigin(baseURL, 'www.example.test'), attrs: shared });
  await crumbReady(page);
  expect((await crumbState(page)).categories).toEqual({ necessary: true, analytics: true, marketing: false });
  await expect(banner(page)).toHaveCount(0);
});

test('openPreferences works on a page where Crumb has not started yet', async ({ page }) => {
  // crumb.js arrives late (a slow network, a tag manager): neither the banner nor "Cookie settings" shows yet.
  await page.route('**/dist/crumb.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const dialog = await openPreferences(page);
  await expect(dialog).toBeVisible();
});

test.describe('privacySignals on a suite that sends headers of its own', () => {
  test.use({ extraHTTPHeaders: { 'X-Staging-Token': 'letmein' } });

  test('keeps them, and sends DNT and Sec-GPC as a browser with both set does', async ({ page, context }) => {
    await privacySignals(context, { dnt: true, gpc: true });
    const response = await page.goto('/');
    expect(await response?.request().allHeaders()).toMatchObject({
      'x-staging-token': 'letmein',
      dnt: '1',
      'sec-gpc': '1',
    });
    expect(await crumbState(page)).toMatchObject({ source: 'signal', signals: { dnt: true, gpc: true } });
  });
});

test("expectLoaded counts the tracker's script, not the hits it sends", async ({ page, context }) => {
  const recorder = await recordTrackers(context);
  await pageWithCrumb(page, { attrs: { 'data-facebook-pixel': '123456789012345' } });
  await acceptAll(page);
  await recorder.expectLoaded('facebook', { times: 1 });
  // What the real fbevents.js does next: a hit on the vendor's own host.
  await page.evaluate(() => fetch('https://www.facebook.com/tr/?id=123456789012345&ev=PageView', { mode: 'no-cors' }));
  expect(recorder.count('facebook')).toBe(2);
  await recorder.expectLoaded('facebook', { times: 1, timeout: 1000 });
});

test('on a site with a "Cookie settings" button of its own, the kit finds Crumb\'s', async ({
  page,
  context,
  baseURL,
}) => {
  await presetConsent(context, { analytics: true }, { url: `${baseURL}/` });
  await pageWithCrumb(page, {
    attrs: { 'data-google-analytics': 'G-ABC123XYZ9', 'data-reload-on-withdraw': 'false' },
    body: '<footer><button type="button" data-crumb-open>Cookie settings</button></footer>',
  });
  await expect(settingsButton(page)).toBeVisible();
  await withdrawAll(page);
  await expect.poll(async () => (await consentState(page)).categories.analytics).toBe(false);
});
