import type { Page } from '@playwright/test';
import { ALL_TRACKERS, banner, crumbReady, crumbWarnings, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';
import { violations, watchViolations } from './violations';

const GATED = `
<script>window.order = [];</script>
<script type="text/plain" data-consent="analytics" src="/gated/one.js" data-extra="kept"></script>
<script type="text/plain" data-consent="analytics">window.order.push('inline-analytics')</script>
<script type="text/plain" data-consent="marketing">window.order.push('inline-marketing')</script>
<script type="text/plain" data-consent="facebook">window.order.push('inline-facebook')</script>
<iframe title="Video" data-consent="marketing" data-src="/gated/frame.html"></iframe>
`;

test.beforeEach(async ({ page }) => {
  await page.route('**/gated/one.js', (route) =>
    route.fulfill({ contentType: 'application/javascript', body: "window.order.push('external-analytics')" }),
  );
  await page.route('**/gated/frame.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<p>embedded</p>' }),
  );
});

test('gated scripts and iframes stay inert until their consent, then run once in document order', async ({ page }) => {
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, body: GATED, path: 'gated' });
  await crumbReady(page);
  await settle(page);
  expect(await page.evaluate(() => (window as any).order)).toEqual([]);
  expect(await page.locator('iframe').getAttribute('src')).toBeNull();

  await page.evaluate(() => (window as any).Crumb.set({ analytics: true }));
  await expect
    .poll(() => page.evaluate(() => (window as any).order))
    .toEqual(['external-analytics', 'inline-analytics']);
  const live = page.locator('script[src="/gated/one.js"]');
  await expect(live).toHaveAttribute('data-extra', 'kept');
  expect(await live.getAttribute('type')).toBeNull();

  await page.evaluate(() => (window as any).Crumb.set({ marketing: true }));
  await expect
    .poll(() => page.evaluate(() => (window as any).order))
    .toEqual(['external-analytics', 'inline-analytics', 'inline-marketing', 'inline-facebook']);
  await expect(page.locator('iframe')).toHaveAttribute('src', '/gated/frame.html');

  // Deciding again runs nothing twice.
  await page.evaluate(() => (window as any).Crumb.acceptAll());
  await settle(page);
  expect(await page.evaluate(() => (window as any).order)).toHaveLength(4);
});

test('gated elements added later, and a stored consent on the next page, are activated too', async ({ page }) => {
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, body: GATED, path: 'gated-late' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.type = 'text/plain';
    s.setAttribute('data-consent', 'analytics');
    s.textContent = "window.order.push('late')";
    document.body.appendChild(s);
  });
  await expect.poll(() => page.evaluate(() => (window as any).order)).toContain('late');

  await page.reload();
  await expect
    .poll(() => page.evaluate(() => (window as any).order))
    .toEqual(['external-analytics', 'inline-analytics', 'inline-marketing', 'inline-facebook']);
});

test('an unknown category in data-consent gets one console error and stays off', async ({ page, consoleErrors }) => {
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    body: '<script>window.order=[]</script><script type="text/plain" data-consent="statistics">window.order.push(1)</script>',
  });
  await page.evaluate(() => (window as any).Crumb.acceptAll());
  await settle(page);
  expect(await page.evaluate(() => (window as any).order)).toEqual([]);
  expect(consoleErrors.map((e) => e.text).filter((t) => t.includes('data-consent="statistics"'))).toHaveLength(1);
});

// Under 'strict-dynamic' every browser runs a script-inserted inline script whatever its nonce (w3c/webappsec-csp#426),
// so gated markup is trusted there by design; under a nonce policy without it, Crumb must not hand its nonce out.
test('under a nonce CSP, a gated inline script runs only with its own nonce: Crumb never lends its nonce', async ({
  page,
  context,
}) => {
  const warnings = crumbWarnings(page);
  await watchViolations(context);
  const nonce = 'R2F0ZWROb25jZTEyMzQ1';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gated under CSP</title>
<script nonce="${nonce}">window.order = [];</script>
<script src="/dist/crumb.js" nonce="${nonce}"></script></head><body>
<script type="text/plain" data-consent="analytics" nonce="${nonce}">window.order.push('page-own')</script>
<p>A comment someone managed to inject:</p>
<script type="text/plain" data-consent="analytics">window.order.push('injected')</script>
</body></html>`;
  await page.route('**/__e2e/gated-csp.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': `script-src 'self' 'nonce-${nonce}'; object-src 'none'` },
      body: html,
    }),
  );
  await page.goto('/__e2e/gated-csp.html');
  await crumbReady(page);
  await page.evaluate(() => (window as any).Crumb.set({ analytics: true }));
  await expect.poll(() => page.evaluate(() => (window as any).order)).toEqual(['page-own']);
  await settle(page);
  expect(await page.evaluate(() => (window as any).order)).toEqual(['page-own']);
  // The browser blocked the nonce-less copy, and Crumb said why, once.
  expect(await violations(page)).toEqual([expect.stringMatching(/^script-src-elem inline /)]);
  expect(warnings.filter((t) => t.includes('has no nonce of its own'))).toHaveLength(1);
});

/** Serves `path` as a script that pushes `name` to `window.order`, after `delay` ms. */
const slowScript = (page: Page, path: string, name: string, delay: number) =>
  page.route(`**${path}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    await route.fulfill({ contentType: 'application/javascript', body: `window.order.push('${name}')` });
  });

test('a gated script whose consent is withdrawn before its turn stays inert, and comes alive on the next grant', async ({
  page,
}) => {
  await slowScript(page, '/gated/slow.js', 'slow-external', 1500);
  await pageWithCrumb(page, {
    attrs: { ...ALL_TRACKERS, 'data-reload-on-withdraw': 'false' },
    body: `<script>window.order = [];</script>
<script type="text/plain" data-consent="analytics" src="/gated/slow.js"></script>
<script type="text/plain" data-consent="analytics">window.order.push('inline', window.Crumb.get().categories.analytics)</script>`,
  });
  await crumbReady(page);
  await page.evaluate(() => (window as any).Crumb.set({ analytics: true }));
  await page.waitForTimeout(200);
  await page.evaluate(() => (window as any).Crumb.set({ analytics: false }));
  // The external one was live already (its download under way): it runs; the inline one, its turn after it, does not.
  await expect.poll(() => page.evaluate(() => (window as any).order)).toEqual(['slow-external']);
  await settle(page);
  expect(await page.evaluate(() => (window as any).order)).toEqual(['slow-external']);
  await expect(page.locator('script[type="text/plain"][data-consent="analytics"]')).toHaveCount(1);

  // Granted again: it runs, once.
  await page.evaluate(() => (window as any).Crumb.set({ analytics: true }));
  await expect.poll(() => page.evaluate(() => (window as any).order)).toEqual(['slow-external', 'inline', true]);
  await page.evaluate(() => (window as any).Crumb.acceptAll());
  await settle(page);
  expect(await page.evaluate(() => (window as any).order)).toEqual(['slow-external', 'inline', true]);
});

test('a gated script with async keeps it, and holds back none of the scripts after it', async ({ page }) => {
  await slowScript(page, '/gated/async.js', 'async-external', 1000);
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    body: `<script>window.order = [];</script>
<script type="text/plain" data-consent="analytics" src="/gated/async.js" async></script>
<script type="text/plain" data-consent="analytics">window.order.push('inline')</script>`,
  });
  await crumbReady(page);
  await page.evaluate(() => (window as any).Crumb.acceptAll());
  await expect(page.locator('script[src="/gated/async.js"]')).toHaveAttribute('async', '');
  // The inline script after it did not wait for its download.
  await expect.poll(() => page.evaluate(() => (window as any).order)).toEqual(['inline', 'async-external']);
});

test('a gated iframe comes alive with no attribute its author did not write, but Crumb’s marker', async ({ page }) => {
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    body: '<iframe title="Video" data-consent="marketing" data-src="/gated/frame.html"></iframe>',
  });
  // The placeholder covers the iframe meanwhile (hidden, and display: none through the CSSOM).
  await expect(page.getByRole('group', { name: 'Video' })).toBeVisible();
  await page.evaluate(() => (window as any).Crumb.acceptAll());
  const iframe = page.locator('iframe');
  await expect(iframe).toHaveAttribute('src', '/gated/frame.html');
  expect(await iframe.evaluate((el) => el.getAttributeNames().sort())).toEqual([
    'data-consent',
    'data-crumb-activated',
    'data-src',
    'src',
    'title',
  ]);
});

test('data-consent on markup that is not gated gets one console error each, saying why and how to gate it', async ({
  page,
  consoleErrors,
}) => {
  await page.route('**/gated/leak.html', (route) => route.fulfill({ contentType: 'text/html', body: '<p>leak</p>' }));
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    body: `<iframe title="A" data-consent="marketing" src="/gated/leak.html"></iframe>
<script data-consent="analytics">window.ran = true</script>
<iframe title="B" data-consent="marketing"></iframe>`,
  });
  await expect(banner(page)).toBeVisible();
  const said = () => consoleErrors.map((e) => e.text).filter((t) => t.includes('data-consent'));
  await expect.poll(() => said().length).toBe(3);
  expect(said().sort()).toEqual([
    'Crumb: <iframe data-consent="marketing" src="/gated/leak.html"> is not gated, so it loaded without waiting for consent: give a gated iframe its address in data-src, not src.',
    'Crumb: <iframe data-consent="marketing"> has no data-src, so it never loads, even with consent: give a gated iframe its address in data-src.',
    'Crumb: <script data-consent="analytics"> is not gated, so it ran without waiting for consent: give a gated script type="text/plain" (its own type goes in data-type).',
  ]);
  // Added later, once each; a decision (which changes the page) says nothing again.
  await page.evaluate(() =>
    document.body.insertAdjacentHTML('beforeend', '<script data-consent="marketing"></script>'),
  );
  await expect.poll(() => said().length).toBe(4);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await settle(page);
  expect(said()).toHaveLength(4);
});
