import type { Page } from '@playwright/test';
import { es } from '../src/ui/texts/es';
import { fr } from '../src/ui/texts/fr';
import { banner, crumbReady, crumbState, dialog, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';
import { violations, watchViolations } from './violations';

/**
 * Gated iframes (SPEC §2) on demo/embed.html: until allowed, each is hidden behind a placeholder that names its
 * provider, says which consent it needs, and offers "Allow <provider>" and "Privacy preferences".
 */

const EMBED_HOSTS = [
  'https://www.youtube-nocookie.com/**',
  'https://player.vimeo.com/**',
  'https://maps.example.test/**',
  'https://player.radio.example.test/**',
];

/** [iframe id, accessible name of the placeholder (the iframe's title), provider, purpose]. */
const EMBEDS = [
  ['youtube', 'Video: shaping a sourdough loaf', 'YouTube', 'Marketing'],
  ['vimeo', 'Video: the oven at work', 'Vimeo', 'Marketing'],
  ['map', 'Map: 12 Mill Street', 'maps.example.test', 'Analytics'],
  ['radio', 'Bakery Radio live', 'Bakery Radio', 'Bakery Radio player'],
] as const;

const placeholder = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const frame = (page: Page, id: string) => page.locator(`iframe#${id}`);
let embedRequests: string[];

test.beforeEach(async ({ page, context }) => {
  await watchViolations(context);
  embedRequests = [];
  for (const pattern of EMBED_HOSTS)
    await page.route(pattern, (route) => {
      embedRequests.push(route.request().url());
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>embed</title><p>embedded</p>' });
    });
});

// demo/embed.html is served with the strict Content-Security-Policy.
test.afterEach(async ({ page, consoleErrors }) => {
  expect(consoleErrors, 'console errors and page errors').toEqual([]);
  expect(await violations(page), 'Content-Security-Policy violations').toEqual([]);
});

test('each gated iframe waits, hidden, behind a placeholder that names its provider and purpose', async ({
  page,
  trackers,
}) => {
  await page.goto('/embed.html');
  await crumbReady(page);
  for (const [id, name, provider, purpose] of EMBEDS) {
    const box = placeholder(page, name);
    await expect(box).toBeVisible();
    await expect(
      box.getByText(`This content is hosted by ${provider}, which may set cookies (${purpose}).`),
    ).toBeVisible();
    await expect(box.getByRole('button', { name: `Allow ${provider}`, exact: true })).toBeVisible();
    await expect(box.getByRole('button', { name: 'Privacy preferences', exact: true })).toBeVisible();
    await expect(frame(page, id)).toBeHidden();
    expect(await frame(page, id).getAttribute('src')).toBeNull();
    // The box sits right before its iframe and carries the documented class names.
    expect(
      await frame(page, id).evaluate((f) => {
        const b = f.previousElementSibling;
        return [b?.className, ...[...(b?.children ?? [])].map((c) => c.className)];
      }),
    ).toEqual(['crumb-embed', 'crumb-embed__text', 'crumb-embed__allow', 'crumb-embed__settings']);
  }
  await settle(page);
  expect(embedRequests).toEqual([]);
  trackers.expectNone();
});

test('"Allow <provider>" grants that iframe\'s consent name, a service or a category, and nothing more', async ({
  page,
  trackers,
}) => {
  await page.goto('/embed.html');
  await crumbReady(page);

  // The radio needs the custom service "radio" only.
  await placeholder(page, 'Bakery Radio live').getByRole('button', { name: 'Allow Bakery Radio' }).click();
  await expect(frame(page, 'radio')).toBeVisible();
  await expect(frame(page, 'radio')).toHaveAttribute('src', 'https://player.radio.example.test/live');
  await expect(frame(page, 'radio')).toBeFocused();
  await expect(placeholder(page, 'Bakery Radio live')).toHaveCount(0);
  let state = await crumbState(page);
  expect(state).toMatchObject({
    decided: true,
    source: 'api',
    categories: { analytics: false, marketing: false },
    services: { radio: true, twitter: false, 'google-analytics': false },
  });
  await expect(banner(page)).toBeHidden();
  await expect(frame(page, 'youtube')).toBeHidden();
  await settle(page);
  trackers.expectNone();

  // YouTube needs the marketing category: that also brings Vimeo and the X pixel, not the map or analytics.
  await placeholder(page, 'Video: shaping a sourdough loaf').getByRole('button', { name: 'Allow YouTube' }).click();
  await expect(frame(page, 'youtube')).toBeVisible();
  await expect(frame(page, 'vimeo')).toBeVisible();
  await expect(frame(page, 'vimeo')).toHaveAttribute('src', 'https://player.vimeo.com/video/1000001');
  await expect(frame(page, 'map')).toBeHidden();
  await expect(placeholder(page, 'Map: 12 Mill Street')).toBeVisible();
  await expect.poll(() => trackers.vendors()).toEqual(['twitter']);
  state = await crumbState(page);
  expect(state.categories).toEqual({ necessary: true, analytics: false, marketing: true });
  expect(embedRequests.map((u) => new URL(u).hostname).sort()).toEqual([
    'player.radio.example.test',
    'player.vimeo.com',
    'www.youtube-nocookie.com',
  ]);
});

test('"Cookie settings" stays one button on a page of placeholders, for QA suites in strict mode', async ({ page }) => {
  await page.goto('/embed.html');
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(placeholder(page, 'Map: 12 Mill Street')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cookie settings' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await expect(dialog(page)).toBeVisible();
});

test('"Privacy preferences" in a placeholder opens the preferences; choosing there brings the iframe to life', async ({
  page,
  trackers,
}) => {
  await page.goto('/embed.html');
  await crumbReady(page);
  const settings = placeholder(page, 'Map: 12 Mill Street').getByRole('button', { name: 'Privacy preferences' });
  await settings.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(settings).toBeFocused();
  expect((await crumbState(page)).decided).toBe(false);

  await settings.click();
  await dialog(page).getByRole('checkbox', { name: 'Analytics' }).check();
  await dialog(page).getByRole('button', { name: 'Save choices' }).click();
  await expect(frame(page, 'map')).toBeVisible();
  await expect(frame(page, 'map')).toHaveAttribute('src', 'https://maps.example.test/embed?q=12+Mill+Street');
  await expect(frame(page, 'youtube')).toBeHidden();
  await expect.poll(() => trackers.vendors()).toEqual(['google-analytics']);
});

test('with a stored consent no placeholder appears: the iframes load as the page loads', async ({ page }) => {
  await page.goto('/embed.html');
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  for (const [id] of EMBEDS) await expect(frame(page, id)).toBeVisible();
  await page.reload();
  await crumbReady(page);
  for (const [id] of EMBEDS) await expect(frame(page, id)).toBeVisible();
  await settle(page);
  await expect(page.locator('.crumb-embed')).toHaveCount(0);
  // Crumb gives back the iframe's own inline display (none set here) once it is allowed.
  expect(await frame(page, 'youtube').getAttribute('style')).toBeFalsy();
});

test('the placeholder speaks the widget language', async ({ page }) => {
  const body =
    '<iframe title="Video" data-consent="analytics" data-src="https://www.youtube-nocookie.com/embed/x"></iframe>';
  await pageWithCrumb(page, { lang: 'de', body });
  const box = page.locator('.crumb-embed');
  await expect(box).toHaveAttribute('lang', 'de');
  await expect(box.locator('p')).toHaveText(
    'Dieser Inhalt wird von YouTube bereitgestellt, das Cookies setzen kann (Statistik).',
  );
  await expect(box.getByRole('button', { name: 'YouTube erlauben' })).toBeVisible();
  await expect(box.getByRole('button', { name: 'Datenschutz-Einstellungen' })).toBeVisible();

  for (const [lang, texts] of [
    ['fr', fr],
    ['es', es],
  ] as const) {
    await pageWithCrumb(page, { lang, body });
    const t = texts;
    await expect(page.locator('.crumb-embed p')).toHaveText(
      t.embedNotice.replace('{provider}', 'YouTube').replace('{purpose}', texts.analytics),
    );
    await expect(page.getByRole('button', { name: t.embedAllow.replace('{provider}', 'YouTube') })).toBeVisible();
    await expect(page.getByRole('button', { name: texts.preferencesTitle, exact: true })).toBeVisible();
  }
});

test('a provider name with HTML in it is shown as text', async ({ page }) => {
  await pageWithCrumb(page, {
    body: '<iframe title="Player" data-consent="marketing" data-consent-provider="<img src=x onerror=window.pwned=1>" data-src="https://www.youtube-nocookie.com/embed/x"></iframe>',
  });
  await expect(page.getByRole('button', { name: 'Allow <img src=x onerror=window.pwned=1>' })).toBeVisible();
  expect(await page.locator('.crumb-embed img').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
});
