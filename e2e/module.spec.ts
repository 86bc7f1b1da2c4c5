// The ES module (`dist/crumb.mjs`, `createCrumb()`), as a bundler user's page runs it: the same banner, trackers and
// preferences as the script tag, its parts split off as dynamic imports (Preact only with the preferences).
import type { Page } from '@playwright/test';
import { ALL_TRACKERS, banner, crumbState, dialog, settle } from './crumb';
import { expect, test } from './fixtures';

/** A page importing the module, with an import map for Preact (served from node_modules, as a bundler would). */
async function modulePage(page: Page, options: Record<string, unknown> | null, then = '') {
  const baseURL = test.info().project.use.baseURL as string;
  const url = new URL('/__e2e/module.html', baseURL).href;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Module</title>
<script type="importmap">{ "imports": { "preact": "/__vendor/preact.mjs", "preact/jsx-runtime": "/__vendor/jsx-runtime.mjs" } }</script>
<script type="module">
import { createCrumb } from '/dist/crumb.mjs';
window.created = createCrumb(${JSON.stringify(options)});
${then}
</script></head><body><main><h1>Module</h1></main></body></html>`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.route('**/__vendor/preact.mjs', (route) => route.fulfill({ path: 'node_modules/preact/dist/preact.mjs' }));
  await page.route('**/__vendor/jsx-runtime.mjs', (route) =>
    route.fulfill({ path: 'node_modules/preact/jsx-runtime/dist/jsxRuntime.mjs' }),
  );
  const modules: string[] = [];
  page.on('request', (r) => {
    const m = /\/(?:dist|__vendor)\/([^/?]+)$/.exec(new URL(r.url()).pathname);
    if (m) modules.push(m[1]);
  });
  await page.goto(url);
  return modules;
}

const options = {
  googleAnalytics: ALL_TRACKERS['data-google-analytics'],
  facebookPixel: ALL_TRACKERS['data-facebook-pixel'],
  policyUrl: '/privacy.html',
};

test('createCrumb() shows the banner without Preact, then the preferences with it, and returns the API', async ({
  page,
  trackers,
  consoleErrors,
}) => {
  const modules = await modulePage(page, options);
  await expect(banner(page)).toBeVisible();
  await expect(banner(page).getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', '/privacy.html');
  expect(await page.evaluate(() => (window as any).created === (window as any).Crumb)).toBe(true);
  await settle(page);
  expect(modules.some((m) => m.startsWith('preact') || m.startsWith('crumb-ui'))).toBe(false);
  trackers.expectNone();

  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toBeVisible();
  expect(modules).toContain('preact.mjs');
  await dialog(page).getByRole('checkbox', { name: 'Analytics' }).check();
  await dialog(page).getByRole('button', { name: 'Save choices' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect.poll(() => trackers.vendors()).toEqual(['google-analytics']);
  expect((await crumbState(page)).categories).toEqual({ necessary: true, analytics: true, marketing: false });
  await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('createCrumb() in German: the widget and the preferences speak it', async ({ page }) => {
  await modulePage(page, { ...options, lang: 'de' });
  await expect(banner(page, 'de')).toBeVisible();
  await banner(page, 'de').getByRole('button', { name: 'Anpassen' }).click();
  await expect(dialog(page, 'de')).toBeVisible();
});

test('createCrumb() mistakes name its options, a second call returns the running instance, null gets the defaults', async ({
  page,
  consoleErrors,
}) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await modulePage(
    page,
    { ...options, googleAnalytics: 'UA-1' },
    'window.again = createCrumb({ policyUrl: "/other" });',
  );
  await expect(banner(page)).toBeVisible();
  expect(await page.evaluate(() => (window as any).again === (window as any).created)).toBe(true);
  await expect
    .poll(() => consoleErrors.map((e) => e.text))
    .toEqual([
      'Crumb: "googleAnalytics" in the createCrumb() options="UA-1" is not valid: expected a GA4 measurement ID: "G-" and 4–15 upper-case letters or digits, like "G-ABC123XYZ9"; Google Analytics stays off.',
    ]);
  expect(warnings.filter((w) => w.startsWith('Crumb:'))).toEqual([]);
});

test('createCrumb(null) is a mistake said once, not an exception: the banner shows with the defaults', async ({
  page,
  consoleErrors,
}) => {
  await modulePage(page, null);
  await expect(banner(page)).toBeVisible();
  await expect
    .poll(() => consoleErrors.map((e) => `${e.source}: ${e.text}`))
    .toEqual([
      'console: Crumb: createCrumb() takes an object of options like {"policyUrl": "/privacy"}, not null; the defaults are used.',
    ]);
});
