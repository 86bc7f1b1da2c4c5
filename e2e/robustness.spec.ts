// What the independent review of the chunked widget found, each proven fixed in the browser: Consent Mode's default
// before the page's own tags, chunk loading that always settles, browsers without popovers, prototype names in
// data-consent, and receipts that outlive an immediate navigation.
import type { Page } from '@playwright/test';
import { acceptAll } from 'crumb-consent/testing';
import { ALL_TRACKERS, banner, crumbReady, crumbState, dialog, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

test('a synchronous tag in <head>: Consent Mode’s default comes before the page’s own gtag snippet', async ({
  page,
}) => {
  // The page's own snippet right after Crumb's tag, as sites with Google Tag Manager have.
  const snippet = `<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}
gtag('js', new Date()); gtag('config', 'G-PAGEOWN1');</script>`;
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    // The tag goes at the end of <head> (placement head), then the snippet comes first thing in <body>.
    body: `${snippet}<main><h1>Own tags</h1></main>`,
  });
  await crumbReady(page);
  const entries = await page.evaluate(() =>
    (window as any).dataLayer.map((e: any) => (e.event ? e.event : `${e[0]} ${typeof e[1] === 'string' ? e[1] : ''}`)),
  );
  expect(entries.indexOf('consent default')).toBe(0);
  expect(entries.indexOf('consent default')).toBeLessThan(entries.indexOf('config G-PAGEOWN1'));
  // Pushed once.
  expect(entries.filter((e: string) => e === 'consent default')).toHaveLength(1);
});

test('a synchronous tag with a wrong Google Analytics ID: GA is off, and Crumb sets up no dataLayer or gtag for it', async ({
  page,
  consoleErrors,
}) => {
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-google-analytics': 'UA-1' }, body: '<main>x</main>' });
  await crumbReady(page);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await settle(page);
  expect(await page.evaluate(() => [typeof (window as any).dataLayer, typeof (window as any).gtag])).toEqual([
    'undefined',
    'undefined',
  ]);
  expect(consoleErrors.map((e) => e.text).filter((t) => t.includes('UA-1'))).toHaveLength(1);
});

test('a chunk that is not Crumb’s (an error page served as 200) is refused with one error; the page goes on', async ({
  page,
  consoleErrors,
  trackers,
}) => {
  await page.route('**/dist/crumb-widget.en.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* a CDN’s error page */' }),
  );
  await pageWithCrumb(page, { attrs: ALL_TRACKERS });
  await crumbReady(page);
  await expect
    .poll(() => consoleErrors.map((e) => e.text).filter((t) => t.includes("is not one of Crumb's files")))
    .toHaveLength(1);
  // No banner could be shown, so nothing optional loads; the API still answers.
  await settle(page);
  trackers.expectNone();
  expect((await crumbState(page)).decided).toBe(false);
  expect(consoleErrors.filter((e) => e.source === 'pageerror')).toEqual([]);
});

test('without popovers: "Cookie settings" hides while the banner or the preferences are shown', async ({ page }) => {
  await page.addInitScript(() => {
    delete (HTMLElement.prototype as any).showPopover;
    delete (HTMLElement.prototype as any).hidePopover;
  });
  await pageWithCrumb(page, { attrs: ALL_TRACKERS });
  const settings = page.getByRole('button', { name: 'Cookie settings', exact: true });
  await acceptAll(page);
  await expect(settings).toBeVisible();
  await settings.click();
  await expect(dialog(page)).toBeVisible();
  await expect(settings).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(settings).toBeVisible();
  await page.evaluate(() => (window as any).Crumb.reset());
  await expect(banner(page)).toBeVisible();
  await expect(settings).toBeHidden();
});

test('data-consent="constructor" (or any Object.prototype name) is no category: one error, it stays off', async ({
  page,
  consoleErrors,
}) => {
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    body: `<script>window.ran = []</script>
<script type="text/plain" data-consent="constructor">window.ran.push('constructor')</script>
<script type="text/plain" data-consent="toString">window.ran.push('toString')</script>
<script type="text/plain" data-consent="__proto__">window.ran.push('__proto__')</script>`,
  });
  await crumbReady(page);
  await page.evaluate(() => (window as any).Crumb.acceptAll());
  await settle(page);
  expect(await page.evaluate(() => (window as any).ran)).toEqual([]);
  for (const name of ['constructor', 'toString', '__proto__'])
    expect(consoleErrors.filter((e) => e.text.includes(`data-consent="${name}"`))).toHaveLength(1);
});

test('a receipt is sent with the decision, even when the visitor leaves the page at once', async ({
  page,
  request,
}) => {
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-receipt-url': '/api/receipts' }, path: 'leave' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  const { id } = await crumbState(page);
  await page.goto('/privacy.html');
  await expect
    .poll(async () => {
      const { receipts } = await (await request.get(`/api/receipts?for=${id}`)).json();
      return receipts.map((r: { type: string }) => r.type);
    })
    .toEqual(['acceptance']);
});

/** The page's dataLayer as `event` names and `command first-argument` strings; Crumb's default is `crumb default`. */
const dataLayerEntries = (page: Page) =>
  page.evaluate(() =>
    (window as any).dataLayer.map((e: any) => {
      if (e.event) return e.event;
      const state = e[2] || {};
      // Crumb's default: every one of the seven signals, all denied.
      if (e[0] === 'consent' && e[1] === 'default' && Object.keys(state).length === 7)
        return Object.values(state).every((v) => v === 'denied') ? 'crumb default' : 'other default';
      return `${e[0]} ${typeof e[1] === 'string' ? e[1] : ''}`;
    }),
  );

test('GA only in a JSON block after the page’s own gtag snippet: Crumb’s default still comes first', async ({
  page,
}) => {
  await pageWithCrumb(page, {
    body: `<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments)}
gtag('js', new Date()); gtag('config', 'G-PAGEOWN1');</script><main>x</main>
<script type="application/json" data-crumb-config>{"googleAnalytics":"G-ABC123XYZ9"}</script>`,
  });
  await crumbReady(page);
  await settle(page, 200);
  const entries = await dataLayerEntries(page);
  expect(entries.slice(0, 3)).toEqual(['crumb default', 'js ', 'config G-PAGEOWN1']);
  expect(entries.filter((e: string) => e.endsWith('default'))).toHaveLength(1);
});

test('… and a consent default of the page’s own, pushed earlier, stays before Crumb’s (so Crumb’s, all denied, wins)', async ({
  page,
}) => {
  await pageWithCrumb(page, {
    body: `<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments)}
gtag('consent', 'default', { ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted',
  analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted',
  security_storage: 'granted' });
gtag('js', new Date()); dataLayer.push({ event: 'page_ready' }); gtag('config', 'G-PAGEOWN1');</script><main>x</main>
<script type="application/json" data-crumb-config>{"googleAnalytics":"G-ABC123XYZ9"}</script>`,
  });
  await crumbReady(page);
  await settle(page, 200);
  const entries = await dataLayerEntries(page);
  expect(entries.slice(0, 5)).toEqual(['other default', 'crumb default', 'js ', 'page_ready', 'config G-PAGEOWN1']);
});

test('crumb.js included twice, both synchronous in <head>: Consent Mode’s default is pushed once', async ({ page }) => {
  await pageWithCrumb(page, {
    head: '<script src="/dist/crumb.js" data-google-analytics="G-ABC123XYZ9"></script>',
    attrs: { 'data-google-analytics': 'G-ABC123XYZ9' },
    body: '<main>x</main>',
  });
  await crumbReady(page);
  await settle(page, 200);
  const entries = await dataLayerEntries(page);
  expect(entries[0]).toBe('crumb default');
  expect(entries.filter((e: string) => e.endsWith('default'))).toHaveLength(1);
});

test('a page that sets `dataLayer = [{…}]` after a synchronous tag (GTM’s older snippet): the update, js and config go to it', async ({
  page,
  trackers,
}) => {
  // Google's older Tag Manager instructions declare the data layer as a new array above the container snippet.
  await pageWithCrumb(page, {
    attrs: { 'data-google-analytics': 'G-ABC123XYZ9' },
    body: `<script>dataLayer = [{ event: 'page_data', pageType: 'home' }];</script><main>x</main>`,
  });
  await crumbReady(page);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.count('google-analytics')).toBe(1);
  // gtag.js reads the page's `window.dataLayer`: everything Crumb says must be there, in order.
  expect(await dataLayerEntries(page)).toEqual([
    'crumb default',
    'page_data',
    'consent update',
    'crumb_consent',
    'js ',
    'config G-ABC123XYZ9',
  ]);
  // The page's own calls to the gtag Crumb defined reach it too.
  await page.evaluate(() => (window as any).gtag('event', 'signup'));
  expect((await dataLayerEntries(page)).pop()).toBe('event signup');
});

test('a page whose own gtag pushes arrays (which gtag.js ignores): Crumb’s commands still reach it, with one warning', async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await pageWithCrumb(page, {
    head: '<script>window.dataLayer = []; window.gtag = (...args) => window.dataLayer.push(args);</script>',
    attrs: { 'data-google-analytics': 'G-ABC123XYZ9' },
    body: '<main>x</main>',
  });
  await crumbReady(page);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await settle(page, 200);
  const entries = await page.evaluate(() =>
    (window as any).dataLayer.map(
      (e: any) => `${Object.prototype.toString.call(e).slice(8, -1)} ${e[0]} ${typeof e[1] === 'string' ? e[1] : ''}`,
    ),
  );
  expect(entries).toEqual([
    'Arguments consent default',
    'Arguments consent update',
    'Object undefined ',
    'Arguments js ',
    'Arguments config G-ABC123XYZ9',
  ]);
  expect(warnings.filter((w) => w.includes("the page's gtag pushes arrays"))).toHaveLength(1);
});
