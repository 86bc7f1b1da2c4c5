import { banner, crumbReady, crumbState, dialog, settle } from './crumb';
import { expect, test } from './fixtures';
import { violations, watchViolations } from './violations';

/**
 * demo/csp/index.html, served by demo/server.mjs with a fresh nonce per response and
 * `script-src 'nonce-…' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none';
 * require-trusted-types-for 'script'; trusted-types crumb` (or, with ?policy=hosts, the host-list variant).
 * Every test here fails on a single CSP violation, console error or page error.
 */

const STRICT_POLICY =
  /^script-src 'nonce-([A-Za-z0-9+/]+=*)' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types crumb$/;
const GATED_ORDER = ['external-analytics', 'inline-analytics', 'inline-marketing'];
const ran = (page: import('@playwright/test').Page) => page.evaluate(() => [...(window as any).crumbDemo.ran]);

test.beforeEach(async ({ context, page }) => {
  await watchViolations(context);
  await page.route('https://www.youtube-nocookie.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>video</title><p>video stub</p>' }),
  );
});

test.afterEach(async ({ page, consoleErrors }) => {
  expect(await violations(page), 'Content-Security-Policy violations').toEqual([]);
  expect(consoleErrors, 'console errors and page errors').toEqual([]);
});

test('the CSP page gets the strict policy with a fresh nonce per response; other pages get none', async ({
  page,
  request,
}) => {
  const first = await request.get('/csp/');
  const second = await request.get('/csp/');
  const [, nonce1] = STRICT_POLICY.exec(first.headers()['content-security-policy'] ?? '') ?? [];
  const [, nonce2] = STRICT_POLICY.exec(second.headers()['content-security-policy'] ?? '') ?? [];
  expect(nonce1).toBeTruthy();
  expect(nonce2).toBeTruthy();
  expect(nonce1).not.toBe(nonce2);
  const html = await first.text();
  expect(html).not.toContain('{{nonce}}');
  expect(html).toContain(`nonce="${nonce1}"`);
  expect((await request.get('/')).headers()['content-security-policy']).toBeUndefined();
  expect((await request.get('/gated-analytics.js')).headers()['content-security-policy']).toBeUndefined();
  await page.goto('/csp/');
  await crumbReady(page);
});

test('under the strict policy: banner, dialog, all four trackers, gated scripts and the video, with no violation', async ({
  page,
  trackers,
}) => {
  const response = await page.goto('/csp/');
  const [, nonce] = STRICT_POLICY.exec((await response?.headerValue('content-security-policy')) ?? '') ?? [];
  expect(nonce).toBeTruthy();

  await expect(banner(page)).toBeVisible();
  // The shadow root is styled by an adopted stylesheet (the widget's; the UI chunk adds its own with the preferences)
  // although the policy has no 'unsafe-inline'.
  expect(
    await page.evaluate(() => {
      const root = document.getElementById('crumb')?.shadowRoot;
      const region = root?.querySelector('section[aria-label]');
      return {
        sheets: root?.adoptedStyleSheets.length,
        styleElements: root?.querySelectorAll('style').length,
        position: region && getComputedStyle(region).position,
      };
    }),
  ).toEqual({ sheets: 1, styleElements: 0, position: 'fixed' });

  // Before consent: nothing gated ran, the video waits behind its placeholder.
  await settle(page);
  trackers.expectNone();
  expect(await ran(page)).toEqual([]);
  await expect(page.getByRole('button', { name: 'Allow YouTube' })).toBeVisible();
  await expect(page.locator('iframe.embed')).toBeHidden();

  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toBeVisible();
  expect(await page.evaluate(() => document.getElementById('crumb')?.shadowRoot?.adoptedStyleSheets.length)).toBe(2);
  await expect(dialog(page).getByRole('switch', { name: 'Google Analytics' })).not.toBeChecked();
  await dialog(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(dialog(page)).toBeHidden();

  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
  await expect.poll(() => ran(page)).toEqual(GATED_ORDER);
  await expect(page.locator('iframe.embed')).toBeVisible();
  await expect(page.locator('iframe.embed')).toHaveAttribute(
    'src',
    'https://www.youtube-nocookie.com/embed/crumb-demo',
  );
  await expect(page.locator('.crumb-embed')).toHaveCount(0);

  // Every vendor script Crumb added carries the nonce of its tag; a gated script keeps its own nonce and is never
  // given Crumb's (the external one had none).
  const nonces = await page.evaluate(() => ({
    vendors: [...document.querySelectorAll<HTMLScriptElement>('script[src^="https://"]')].map((s) => s.nonce),
    gated: [...document.querySelectorAll<HTMLScriptElement>('script[data-crumb-activated]')].map((s) => [
      s.getAttribute('src') ?? 'inline',
      s.nonce,
    ]),
  }));
  expect(nonces.vendors).toEqual([nonce, nonce, nonce, nonce]);
  expect(nonces.gated).toEqual([
    ['/gated-analytics.js', ''],
    ['inline', nonce],
    ['inline', nonce],
  ]);
  await expect(page.locator('script[data-demo="external"]')).toHaveAttribute('src', '/gated-analytics.js');

  await settle(page);
  expect(trackers.count()).toBe(4);
});

test('"Allow YouTube" in the placeholder grants marketing only, under the strict policy', async ({
  page,
  trackers,
}) => {
  await page.goto('/csp/');
  await crumbReady(page);
  await page.getByRole('button', { name: 'Allow YouTube' }).click();
  await expect(page.locator('iframe.embed')).toBeVisible();
  await expect(page.locator('iframe.embed')).toBeFocused();
  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'leadlander', 'twitter']);
  await expect.poll(() => ran(page)).toEqual(['inline-marketing']);
  const state = await crumbState(page);
  expect(state.categories).toEqual({ necessary: true, analytics: false, marketing: true });
  await expect(banner(page)).toBeHidden();
});

test('a stored consent activates everything while the page loads, under the strict policy', async ({
  page,
  trackers,
}) => {
  await page.goto('/csp/');
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => ran(page)).toEqual(GATED_ORDER);
  trackers.clear();
  await page.reload();
  await expect.poll(() => ran(page)).toEqual(GATED_ORDER);
  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
  await expect(page.locator('iframe.embed')).toBeVisible();
  await expect(banner(page)).toBeHidden();
  await page.getByRole('button', { name: 'Cookie settings', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
});

test('the host-list policy (without strict-dynamic) from the README works too', async ({ page, trackers }) => {
  const response = await page.goto('/csp/?policy=hosts');
  const policy = (await response?.headerValue('content-security-policy')) ?? '';
  expect(policy).not.toContain('strict-dynamic');
  expect(policy).toContain('https://lltrck.com');
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
  await expect.poll(() => ran(page)).toEqual(GATED_ORDER);
  await expect(page.locator('iframe.embed')).toBeVisible();
});

test('the tag included three times under the strict policy (in the head, deferred, async): one widget, one policy, one load per tracker', async ({
  page,
  trackers,
}) => {
  await page.goto('/csp/twice.html');
  await expect(page.locator('#crumb')).toHaveCount(1);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.count()).toBe(4);
  await expect.poll(() => ran(page)).toEqual(['inline-analytics']);
  await settle(page);
  expect(trackers.count()).toBe(4);
});
