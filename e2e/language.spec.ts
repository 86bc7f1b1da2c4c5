// Language choice (SPEC §1 data-lang, §3): data-lang, else <html lang>, else the browser's language, else English; the
// widget carries the lang it renders, loads only that language's widget chunk, and the site can override every text.
import type { Page } from '@playwright/test';
import { banner, dialog } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

/** The language chunks (widget with the banner, UI with the preferences) the page downloaded. */
function languageChunks(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const m = /crumb-(?:widget|ui)\.([a-z-]+)\.js/.exec(r.url());
    if (m) seen.push(m[1]);
  });
  return seen;
}

test('data-lang wins over <html lang>; only that language’s chunks are loaded', async ({ page }) => {
  const chunks = languageChunks(page);
  await pageWithCrumb(page, { lang: 'de', attrs: { 'data-lang': 'fr' } });
  await expect(banner(page, 'fr')).toBeVisible();
  await expect(page.locator('#crumb')).toHaveAttribute('lang', 'fr');
  await expect(banner(page, 'fr').getByRole('button', { name: 'Tout refuser' })).toBeVisible();
  expect(chunks).toEqual(['fr']);
  await banner(page, 'fr').getByRole('button', { name: 'Personnaliser' }).click();
  await expect(dialog(page, 'fr')).toBeVisible();
  expect(chunks).toEqual(['fr', 'fr']);
});

test('<html lang> is used when there is no data-lang, its region ignored', async ({ page }) => {
  await pageWithCrumb(page, { lang: 'es-MX' });
  await expect(banner(page, 'es')).toBeVisible();
  await expect(page.locator('#crumb')).toHaveAttribute('lang', 'es');
});

test.describe('a page without any language', () => {
  test.use({ locale: 'de-AT' });
  test('takes the browser’s language', async ({ page }) => {
    expect(await page.evaluate(() => navigator.language)).toBe('de-AT');
    await pageWithCrumb(page, { lang: null });
    await expect(banner(page, 'de')).toBeVisible();
    await expect(page.locator('#crumb')).toHaveAttribute('lang', 'de');
  });
});

test.describe('a language Crumb has no texts for', () => {
  test.use({ locale: 'pt-BR' });
  test('falls back to English', async ({ page }) => {
    const chunks = languageChunks(page);
    await pageWithCrumb(page, { lang: 'pt' });
    await expect(banner(page)).toBeVisible();
    await expect(page.locator('#crumb')).toHaveAttribute('lang', 'en');
    expect(chunks).toEqual(['en']);
  });
});

test('a language the site adds in the JSON block is rendered, its missing texts in English', async ({ page }) => {
  const config = {
    texts: {
      it: {
        bannerLabel: 'Consenso ai cookie',
        acceptAll: 'Accetta tutto',
        rejectAll: 'Rifiuta tutto',
        embedAllow: 'Consenti {provider}',
      },
    },
  };
  await pageWithCrumb(page, {
    lang: 'it',
    head: `<script type="application/json" data-crumb-config>${JSON.stringify(config)}</script>`,
    attrs: { 'data-google-analytics': 'G-CRUMBTEST1' },
    body: '<iframe title="Video" data-consent="analytics" data-src="https://www.youtube-nocookie.com/embed/x"></iframe>',
  });
  const region = page.getByRole('region', { name: 'Consenso ai cookie' });
  await expect(region).toBeVisible();
  await expect(page.locator('#crumb')).toHaveAttribute('lang', 'it');
  await expect(region.getByRole('button', { name: 'Rifiuta tutto' })).toBeVisible();
  // Not given: English.
  await expect(region.getByRole('button', { name: 'Customize' })).toBeVisible();
  // The iframe placeholder speaks the site's language too.
  await expect(page.getByRole('button', { name: 'Consenti YouTube' })).toBeVisible();
});

test('a regional override changes only what it names', async ({ page }) => {
  const config = { texts: { de: { acceptAll: 'Alles klar' }, 'de-ch': { rejectAll: 'Alle ablehnen, merci' } } };
  await pageWithCrumb(page, {
    lang: 'de-CH',
    head: `<script type="application/json" data-crumb-config>${JSON.stringify(config)}</script>`,
  });
  await expect(page.locator('#crumb')).toHaveAttribute('lang', 'de-ch');
  const region = page.getByRole('region', { name: 'Cookie-Einwilligung' });
  await expect(region.getByRole('button', { name: 'Alles klar' })).toBeVisible();
  await expect(region.getByRole('button', { name: 'Alle ablehnen, merci' })).toBeVisible();
  await expect(region.getByRole('button', { name: 'Anpassen' })).toBeVisible();
  await region.getByRole('button', { name: 'Anpassen' }).click();
  await expect(dialog(page, 'de')).toBeVisible();
});
