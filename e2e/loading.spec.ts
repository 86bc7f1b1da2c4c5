// What a page downloads from Crumb, and when (issue: lazy UI): a first visit gets the core and its language's widget
// (with the banner) and no Preact; the preferences' chunk comes when the visitor reaches for them; a returning visit
// fetches nothing of Crumb's before its trackers, and never the preferences unless they are opened.
import type { Page } from '@playwright/test';
import { presetConsent } from 'crumb-consent/testing';
import { ALL_TRACKERS, banner, crumbState, dialog, pretendPrerendered, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

/** Crumb's files and the tracker hosts, in the order the page requested them. */
function requests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    const file = /\/dist\/(crumb[^/]*\.js)$/.exec(url.pathname)?.[1];
    if (file) seen.push(file);
    else if (/googletagmanager|facebook|ads-twitter|lltrck/.test(url.hostname)) seen.push('tracker');
  });
  return seen;
}

test('a first visit loads the core and the widget only; "Customize" brings the preferences', async ({ page }) => {
  const seen = requests(page);
  await pageWithCrumb(page, { attrs: ALL_TRACKERS });
  await expect(banner(page)).toBeVisible();
  await settle(page);
  expect(seen).toEqual(['crumb.js', 'crumb-widget.en.js']);

  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toBeVisible();
  expect(seen).toEqual(['crumb.js', 'crumb-widget.en.js', 'crumb-ui.en.js']);
});

/**
 * The page's preload links, whether the widget was requested before `crumb:ready` fired, and whether its file had run
 * (handed itself over) before the page was parsed.
 */
const earlyWidget = (page: Page) =>
  page.evaluate(() => {
    const widget = performance.getEntriesByType('resource').find((r) => r.name.includes('/crumb-widget.'));
    return {
      preloads: document.querySelectorAll('link[rel=preload]').length,
      beforeReady: !!widget && widget.startTime < (window as any).readyAt,
      ranBeforeParsed: (window as any).widgetRanAt < (window as any).parsedAt,
    };
  });
/**
 * Marks `crumb:ready`, the end of parsing, and the widget file's run: a wrapper around the function the core puts on
 * the widget's script element, which that file calls as it runs.
 */
const READY_AT = `<script>
addEventListener("crumb:ready", () => { window.readyAt = performance.now(); });
document.addEventListener("DOMContentLoaded", () => { window.parsedAt = performance.now(); }, { capture: true });
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) {
    if (n.nodeName !== "SCRIPT" || !/crumb-widget/.test(n.src) || !n.crumb) continue;
    const handOver = n.crumb;
    n.crumb = (chunk) => { window.widgetRanAt = performance.now(); handOver(chunk); };
  }
}).observe(document.documentElement, { childList: true, subtree: true });
</script>`;

test('a first visit whose core starts at once asks for its widget before the core’s own work, with no preload', async ({
  page,
}) => {
  // A deferred tag runs once the page is parsed: nothing to wait for, the core starts as it runs.
  await pageWithCrumb(page, { attrs: { defer: true, ...ALL_TRACKERS }, head: READY_AT });
  await expect(banner(page)).toBeVisible();
  expect(await earlyWidget(page)).toEqual({ preloads: 0, beforeReady: true, ranBeforeParsed: false });
});

test('a first visit whose core waits for the page runs its widget file while the page is parsed, and uses it', async ({
  page,
}) => {
  const fetched = requests(page);
  // A synchronous tag in <head> with no config block yet, and a page that takes a while to arrive: the core reads its
  // configuration once the page is parsed, but the widget's file has run by then, and is not fetched again.
  await page.route('**/slow.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.fulfill({ contentType: 'text/javascript', body: '' });
  });
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    head: READY_AT,
    body: '<p>Article</p><script src="/slow.js"></script><p>The rest of the article</p>',
  });
  await expect(banner(page)).toBeVisible();
  expect(await earlyWidget(page)).toEqual({ preloads: 0, beforeReady: true, ranBeforeParsed: true });
  expect(fetched.filter((f) => f.startsWith('crumb-widget'))).toEqual(['crumb-widget.en.js']);
});

test('a first visit whose early widget download fails asks for it once more, and shows its banner', async ({
  page,
}) => {
  const fetched = requests(page);
  let failures = 0;
  await page.route('**/dist/crumb-widget.en.js', (route) => (failures++ ? route.continue() : route.abort()));
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, head: READY_AT });
  await expect(banner(page)).toBeVisible();
  expect(fetched.filter((f) => f.startsWith('crumb-widget'))).toEqual(['crumb-widget.en.js', 'crumb-widget.en.js']);
});

test('a block further down that names another language: the banner is in it, whatever widget file ran early', async ({
  page,
}) => {
  const fetched = requests(page);
  // The tag alone says English (the page's language); the block, parsed after the widget's file was asked for, French.
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    head: READY_AT,
    body: '<p>Article</p><script type="application/json" data-crumb-config>{"lang":"fr"}</script>',
  });
  await expect(page.getByRole('button', { name: 'Tout accepter' })).toBeVisible();
  await expect(page.locator('#crumb')).toHaveAttribute('lang', 'fr');
  expect(fetched.filter((f) => f.startsWith('crumb-widget'))).toEqual(['crumb-widget.en.js', 'crumb-widget.fr.js']);
});

test('a returning visit whose choice another tab resets while the page is still parsed: no tracker loads', async ({
  page,
  context,
  baseURL,
  trackers,
}) => {
  await presetConsent(context, { analytics: true, marketing: true }, { url: `${baseURL}/` });
  // The tag runs in <head> (and reads the acceptance: Consent Mode's default is pushed then); while the parser waits
  // for a slow script further down, another tab resets: its mark replaces the cookie.
  await page.route('**/slow.js', async (route) => {
    await page.waitForFunction(() => Array.isArray((window as any).dataLayer));
    const mark = `0|${Math.floor(Date.now() / 1000).toString(36)}`;
    await context.addCookies([{ name: 'crumb_consent', value: mark, url: `${baseURL}/` }]);
    await route.fulfill({ contentType: 'text/javascript', body: '' });
  });
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, body: '<p>Article</p><script src="/slow.js"></script><p>More</p>' });
  await expect(banner(page)).toBeVisible();
  await settle(page);
  trackers.expectNone();
  expect((await crumbState(page)).decided).toBe(false);
});

test('a returning visit neither preloads nor asks for its widget before crumb:ready', async ({
  page,
  context,
  baseURL,
}) => {
  await presetConsent(context, { analytics: true, marketing: true }, { url: `${baseURL}/` });
  await pageWithCrumb(page, { attrs: { defer: true, ...ALL_TRACKERS }, head: READY_AT });
  await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
  expect(await earlyWidget(page)).toEqual({ preloads: 0, beforeReady: false, ranBeforeParsed: false });
});

test('the pointer on "Customize" starts the preferences’ download before the click', async ({ page }) => {
  const seen = requests(page);
  await pageWithCrumb(page, { attrs: ALL_TRACKERS });
  await banner(page).getByRole('button', { name: 'Customize' }).hover();
  await expect.poll(() => seen).toContain('crumb-ui.en.js');
  await expect(dialog(page)).toHaveCount(0);
});

test('a returning visit fetches nothing of Crumb’s before its trackers, and no preferences', async ({
  page,
  context,
  baseURL,
}) => {
  await presetConsent(context, { analytics: true, marketing: true }, { url: `${baseURL}/` });
  const seen = requests(page);
  await pageWithCrumb(page, { attrs: ALL_TRACKERS });
  await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
  await settle(page);
  expect(seen[0]).toBe('crumb.js');
  expect(seen[1]).toBe('tracker');
  expect(seen.filter((s) => s !== 'tracker')).toEqual(['crumb.js', 'crumb-widget.en.js']);
  expect(seen.indexOf('crumb-widget.en.js')).toBeGreaterThan(seen.lastIndexOf('tracker'));
});

test('preferences that cannot load leave the banner usable, with one error', async ({ page, consoleErrors }) => {
  await page.route('**/dist/crumb-ui.en.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await pageWithCrumb(page, { attrs: ALL_TRACKERS });
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect.poll(() => consoleErrors.filter((e) => e.text.includes('crumb-ui.en.js')).length).toBe(1);
  // Not left inert under preferences that never came: the visitor can still decide.
  await expect(banner(page)).not.toHaveAttribute('inert', '');
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  expect((await crumbState(page)).decided).toBe(true);
});

// Playwright's attachment keeps Chromium from prerendering, so the page is made to say it is prerendered
// (`document.prerendering`) and then shown (`prerenderingchange`), as a page prerendered by Speculation Rules does.
test('a page prerendered ahead of a click, with a stored acceptance: no tracker and no gated markup until it is shown', async ({
  page,
  context,
  baseURL,
  trackers,
}) => {
  await presetConsent(context, { analytics: true, marketing: true }, { url: `${baseURL}/` });
  const prerendered = await pretendPrerendered(page);
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    body: `<script type="text/plain" data-consent="analytics">window.__gated = (window.__gated || 0) + 1</script>
<iframe title="Video" data-consent="marketing" data-src="/privacy.html"></iframe>`,
  });
  await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
  expect((await crumbState(page)).categories.analytics).toBe(true);
  await settle(page, 600);
  trackers.expectNone();
  expect(await page.evaluate(() => (window as any).__gated)).toBeUndefined();
  await expect(page.locator('iframe')).not.toHaveAttribute('src', /./);

  await prerendered.show();
  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
  await expect.poll(() => page.evaluate(() => (window as any).__gated)).toBe(1);
  await expect(page.locator('iframe')).toHaveAttribute('src', '/privacy.html');
  await settle(page);
  expect(trackers.count('google-analytics')).toBe(1);
});
