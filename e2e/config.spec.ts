import { ALL_TRACKERS, banner, crumbReady, crumbState, dialog, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

test('a tag with no attributes shows a working banner with necessary cookies only', async ({
  page,
  trackers,
  consoleErrors,
}) => {
  await pageWithCrumb(page, {});
  await expect(banner(page)).toBeVisible();
  await expect(banner(page).getByRole('link')).toHaveCount(0);
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page).getByRole('switch')).toHaveCount(0);
  await dialog(page).getByRole('button', { name: 'Accept all' }).click();
  await settle(page);
  trackers.expectNone();
  expect(consoleErrors).toEqual([]);
});

test('a wrong value gets one console error naming attribute, value and shape; that piece is off, the rest works', async ({
  page,
  trackers,
  consoleErrors,
}) => {
  await pageWithCrumb(page, {
    attrs: { ...ALL_TRACKERS, 'data-google-analytics': 'UA-1', 'data-policy-url': 'javascript:alert(1)' },
  });
  await crumbReady(page);
  const messages = consoleErrors.map((e) => e.text);
  expect(messages.filter((m) => m.includes('data-google-analytics'))).toEqual([
    expect.stringMatching(
      /data-google-analytics="UA-1" is not valid: expected a GA4 measurement ID.*Google Analytics stays off/,
    ),
  ]);
  expect(messages.filter((m) => m.includes('data-policy-url'))).toHaveLength(1);
  await expect(banner(page).getByRole('link')).toHaveCount(0);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'leadlander', 'twitter']);
  expect(Object.keys((await crumbState(page)).services)).not.toContain('google-analytics');
});

test('the JSON config block configures custom services and texts; attributes override it', async ({ page }) => {
  const config = {
    policyUrl: '/from-json',
    googleAnalytics: 'G-FROMJSON1',
    services: [
      {
        id: 'chat',
        name: 'Support chat',
        category: 'marketing',
        description: 'Live chat with our team.',
        cookies: ['chat_id', '/^chat_.+$/'],
      },
    ],
    texts: { en: { bannerTitle: '<b>Cookies?</b>' } },
  };
  await pageWithCrumb(page, {
    head: `<script type="application/json" data-crumb-config>${JSON.stringify(config)}</script>`,
    attrs: { 'data-policy-url': '/from-attribute' },
  });
  await expect(banner(page).getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', '/from-attribute');
  await expect(banner(page)).toContainText('<b>Cookies?</b>');
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page).getByRole('switch', { name: 'Support chat' })).not.toBeChecked();
  await expect(dialog(page).getByRole('switch', { name: 'Google Analytics' })).toBeVisible();
  expect(Object.keys((await crumbState(page)).services)).toEqual(['google-analytics', 'chat']);
});

test('invalid JSON in the config block: one error, the tag still works', async ({ page, consoleErrors }) => {
  await pageWithCrumb(page, {
    head: '<script type="application/json" data-crumb-config>{ policyUrl: "/x", }</script>',
    attrs: { 'data-policy-url': '/privacy' },
  });
  await expect(banner(page).getByRole('link', { name: 'Privacy policy' })).toBeVisible();
  expect(consoleErrors.filter((e) => e.text.includes('data-crumb-config'))).toHaveLength(1);
  expect(consoleErrors.filter((e) => e.source === 'pageerror')).toEqual([]);
});

test('the tag included twice gives one banner and one load per tracker', async ({ page, trackers }) => {
  const attrs = Object.entries(ALL_TRACKERS)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  const tag = `<script src="/dist/crumb.js" ${attrs}></script>`;
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, async: true }, body: tag });
  await expect(banner(page)).toHaveCount(1);
  await expect(page.locator('#crumb')).toHaveCount(1);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.count()).toBe(4);
  await settle(page);
  expect(trackers.count()).toBe(4);
});

test('works with defer and when placed at the end of body', async ({ page }) => {
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, defer: true }, placement: 'body' });
  await expect(banner(page)).toBeVisible();
});

test('a data-crumb-config block after a synchronous tag, at the end of the body, is read too', async ({
  page,
  trackers,
}) => {
  const block = `<script type="application/json" data-crumb-config>${JSON.stringify({
    policyUrl: '/privacy-from-json',
    googleAnalytics: 'G-FROMJSON1',
  })}</script>`;
  // The tag in <head> without async or defer runs before the block is parsed.
  await pageWithCrumb(page, {
    attrs: {},
    body: `<main><h1>Late block</h1>${'<p>Text.</p>'.repeat(50)}</main>${block}`,
  });
  await crumbReady(page);
  await expect(banner(page).getByRole('link', { name: 'Privacy policy' })).toHaveAttribute(
    'href',
    '/privacy-from-json',
  );
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.vendors()).toEqual(['google-analytics']);
});
