/**
 * The back/forward cache: Crumb never costs a page its place in it, and a page restored from it follows the decision
 * as it stands (made, changed or reset on the page the visitor went on to), as the site's other open tabs do.
 *
 * Playwright launches Chromium with `--disable-back-forward-cache`; this file's browser runs without it.
 */
import type { CDPSession, Page } from '@playwright/test';
import { ALL_TRACKERS, banner, crumbReady, crumbState, dialog } from './crumb';
import { test as base, expect, pageWithCrumb } from './fixtures';

const test = base.extend<object, object>({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({ ...launchOptions, ignoreDefaultArgs: ['--disable-back-forward-cache'] });
    },
    { scope: 'worker' },
  ],
});

/** Before Crumb's tag: what the page was told, in order (restores, Crumb's events, `on()` calls). */
const probe = `<script>
window.__log = [];
addEventListener('pageshow', function (e) { if (e.persisted) __log.push('restored'); });
addEventListener('crumb:change', function (e) { __log.push('change ' + e.detail.categories.analytics); });
(window.Crumb = window.Crumb || []).push(function (api) {
  api.on('change', function (s) { __log.push('on ' + s.categories.analytics); });
});
</script>`;

const attrs = {
  ...ALL_TRACKERS,
  async: true,
  'data-reload-on-withdraw': 'false',
  'data-receipt-url': '/api/receipts',
};
const log = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__log);

/** Watches the tab for the back/forward cache refusing a page, with Chromium's reasons. */
async function watchCache(page: Page): Promise<{ cdp: CDPSession; refused: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  const refused: string[] = [];
  cdp.on('Page.backForwardCacheNotUsed', (e) => {
    for (const r of e.notRestoredExplanations) refused.push(r.reason);
  });
  return { cdp, refused };
}

/** Goes Back to the page before, and checks that it came from the back/forward cache. */
async function back(page: Page, refused: string[]): Promise<void> {
  await page.goBack({ waitUntil: 'commit' });
  // Restored, or the reasons Chromium gives for not keeping the page (which may come a moment after the commit).
  await expect
    .poll(async () => (refused.length ? refused : (await log(page).catch((): string[] => [])).includes('restored')))
    .toBe(true);
}

/** The receipts the browser sent, by page path. */
function receiptsFrom(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/receipts')) paths.push(new URL(r.frame().url()).pathname);
  });
  return paths;
}

test('Crumb keeps the page in the back/forward cache: banner shown, preferences open, after a decision with its receipt, with gated markup', async ({
  page,
}) => {
  const { refused } = await watchCache(page);
  const body =
    '<script type="text/plain" data-consent="analytics">window.__gated = (window.__gated || 0) + 1</script>' +
    '<iframe data-consent="marketing" data-src="/privacy.html" title="Video"></iframe>';
  await pageWithCrumb(page, { path: 'bf-a', head: probe, attrs, body });
  await expect(banner(page)).toBeVisible();
  await pageWithCrumb(page, { path: 'bf-b', head: probe, attrs });
  await back(page, refused);

  await page.getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toBeVisible();
  await pageWithCrumb(page, { path: 'bf-b', head: probe, attrs });
  await back(page, refused);
  // Still the modal dialog it was: Escape closes it.
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();

  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).__gated)).toBe(1);
  await expect(page.locator('iframe')).toHaveAttribute('src', '/privacy.html');
  // Left only once the iframe's page has loaded: one still loading keeps any page out of the cache.
  await page.waitForFunction(() => {
    const frame = document.querySelector('iframe')?.contentDocument;
    return frame?.readyState === 'complete' && frame.location.pathname === '/privacy.html';
  });
  await pageWithCrumb(page, { path: 'bf-b', head: probe, attrs });
  await crumbReady(page);
  await back(page, refused);
  expect((await crumbState(page)).categories.analytics).toBe(true);
  // The gated script ran once, restored or not.
  expect(await page.evaluate(() => (window as any).__gated)).toBe(1);
});

test('a page restored from the cache follows a withdrawal made on the next page, and sends no receipt of its own', async ({
  page,
  trackers,
}) => {
  const { refused } = await watchCache(page);
  const receipts = receiptsFrom(page);
  await pageWithCrumb(page, { path: 'bf-a', head: probe, attrs });
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
  await pageWithCrumb(page, { path: 'bf-b', head: probe, attrs });
  await crumbReady(page);
  const refusal = await page.evaluate(() => {
    (window as any).Crumb.rejectAll();
    return (window as any).Crumb.get().id;
  });
  trackers.clear();
  await back(page, refused);

  // Followed as an open tab follows: the state, the event and the subscribers, Consent Mode and the vendors told.
  await expect.poll(async () => (await crumbState(page)).id).toBe(refusal);
  expect((await crumbState(page)).categories).toEqual({ necessary: true, analytics: false, marketing: false });
  expect(await log(page)).toEqual(['change true', 'on true', 'change false', 'on false', 'restored']);
  expect(await page.evaluate(() => (window as any)['ga-disable-G-CRUMBTEST1'])).toBe(true);
  const lastUpdate = await page.evaluate(() =>
    [...(window as any).dataLayer].reverse().find((e: any) => e[0] === 'consent' && e[1] === 'update'),
  );
  expect(lastUpdate[2].analytics_storage).toBe('denied');
  expect(lastUpdate[2].ad_storage).toBe('denied');
  await expect(banner(page)).toBeHidden();
  await page.waitForTimeout(300);
  trackers.expectNone();
  // One receipt per decision, from the page that made it.
  expect(receipts).toEqual(['/__e2e/bf-a.html', '/__e2e/bf-b.html']);

  // A decision on the restored page links to the refusal it followed.
  const next = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/receipts'));
  await page.evaluate(() => (window as any).Crumb.acceptAll());
  expect(JSON.parse((await next).postData() ?? '{}').previousId).toBe(refusal);
});

test('a page restored from the cache with its banner takes the acceptance made meanwhile: no banner, trackers and gated markup start once', async ({
  page,
  trackers,
}) => {
  const { refused } = await watchCache(page);
  const receipts = receiptsFrom(page);
  const body = '<script type="text/plain" data-consent="analytics">window.__gated = (window.__gated || 0) + 1</script>';
  await pageWithCrumb(page, { path: 'bf-a', head: probe, attrs, body });
  await expect(banner(page)).toBeVisible();
  await pageWithCrumb(page, { path: 'bf-b', head: probe, attrs });
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
  trackers.clear();
  await back(page, refused);

  await expect(banner(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
  expect((await crumbState(page)).categories).toEqual({ necessary: true, analytics: true, marketing: true });
  expect(await log(page)).toEqual(['change true', 'on true', 'restored']);
  await expect.poll(() => page.evaluate(() => (window as any).__gated)).toBe(1);
  await expect.poll(() => trackers.count('google-analytics')).toBe(1);
  expect(trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
  expect(receipts).toEqual(['/__e2e/bf-b.html']);
});

test('a page restored from the cache with the preferences open, after a reset on the next page: the banner asks again', async ({
  page,
}) => {
  const { refused } = await watchCache(page);
  await pageWithCrumb(page, { path: 'bf-a', head: probe, attrs });
  await page.getByRole('button', { name: 'Accept all' }).click();
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await expect(dialog(page)).toBeVisible();
  await pageWithCrumb(page, { path: 'bf-b', head: probe, attrs });
  await crumbReady(page);
  await page.evaluate(() => (window as any).Crumb.reset());
  await back(page, refused);

  // The preferences showed the choice that was reset: they close, and the banner asks.
  await expect(dialog(page)).toBeHidden();
  await expect(banner(page)).toBeVisible();
  expect((await crumbState(page)).decided).toBe(false);
});

// Chromium tells a restored page `visibilitychange` before `pageshow`, and the `storage` and cookie events it missed
// after it; not every browser is bound to, and neither comes where localStorage refuses writes on a page that is no
// secure context. With only `pageshow`, the page still follows.
test('a page restored from the cache follows the decision made meanwhile with pageshow alone (no other event)', async ({
  page,
}) => {
  const { refused } = await watchCache(page);
  const deaf = `<script>
for (const [target, type] of [[window, 'visibilitychange'], [window, 'focus'], [window, 'storage'], [window.cookieStore, 'change']])
  if (target) target.addEventListener(type, (e) => { e.stopImmediatePropagation(); }, true);
</script>`;
  await pageWithCrumb(page, { path: 'bf-a', head: probe + deaf, attrs });
  await expect(banner(page)).toBeVisible();
  await pageWithCrumb(page, { path: 'bf-b', head: probe, attrs });
  await page.getByRole('button', { name: 'Accept all' }).click();
  await back(page, refused);
  await expect(banner(page)).toBeHidden();
  expect((await crumbState(page)).categories.analytics).toBe(true);
});
