// Language choice (SPEC §1 data-lang, §3): data-lang, else <html lang>, else the browser's language, else English; the
// widget carries the lang it renders, loads only that language's widget chunk, and the site can override every text.
import type { Page } from '@playwright/test';
import { en } from '../src/ui/texts/en';
import { ALL_TRACKERS, banner, dialog } from './crumb';
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

test('in a language the site adds, the placeholder marks the texts it left out as English', async ({ page }) => {
  const config = { texts: { it: { bannerLabel: 'Consenso ai cookie', embedAllow: 'Consenti {provider}' } } };
  await pageWithCrumb(page, {
    lang: 'it',
    head: `<script type="application/json" data-crumb-config>${JSON.stringify(config)}</script>`,
    attrs: { 'data-google-analytics': 'G-CRUMBTEST1' },
    body: '<iframe title="Video" data-consent="analytics" data-src="https://www.youtube-nocookie.com/embed/x"></iframe>',
  });
  const box = page.getByRole('group', { name: 'Video' });
  await expect(box.getByRole('button', { name: 'Consenti YouTube' })).toBeVisible();
  await expect(box).toHaveAttribute('lang', 'it');
  // The sentence and "Privacy preferences" fell back: read with an English voice. The site's own text is not marked.
  await expect(box.locator('[lang="en"][dir="ltr"]')).toHaveText([
    en.embedNotice.replace('{provider}', 'YouTube').replace('{purpose}', en.analytics),
    en.preferencesTitle,
  ]);
  await expect(box.getByRole('button', { name: 'Consenti YouTube' }).locator('[lang]')).toHaveCount(0);
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

test.describe('a right-to-left language the site adds, in part', () => {
  /** Arabic for some texts; the others fall back to English. */
  const ar = {
    bannerLabel: 'الموافقة على ملفات تعريف الارتباط',
    bannerTitle: 'خصوصيتك، اختيارك',
    acceptAll: 'قبول الكل',
    rejectAll: 'رفض الكل',
    preferencesTitle: 'تفضيلات الخصوصية',
    necessary: 'ضرورية',
    analytics: 'التحليلات',
    save: 'حفظ الاختيارات',
    reopen: 'إعدادات ملفات تعريف الارتباط',
    consentId: 'معرّف الموافقة',
  };
  const open = async (page: Page) => {
    await pageWithCrumb(page, {
      lang: 'ar',
      head: `<script type="application/json" data-crumb-config>${JSON.stringify({ texts: { ar } })}</script>`,
      attrs: { ...ALL_TRACKERS, 'data-policy-url': '/privacy.html' },
    });
    await expect(page.locator('#crumb')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('#crumb')).toHaveAttribute('lang', 'ar');
    const region = page.getByRole('region', { name: ar.bannerLabel });
    await expect(region).toBeVisible();
    return region;
  };
  /** Every text of the widget's `scope`: the language it is marked with, and the direction it is laid out in. */
  const textsOf = (page: Page, scope: string) =>
    page.evaluate((sel) => {
      const host = document.getElementById('crumb')!;
      const out: { text: string; lang: string | null; dir: string }[] = [];
      for (const el of host.shadowRoot!.querySelectorAll(sel)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent!.trim();
          const parent = node.parentElement!;
          if (text && !parent.closest('code'))
            out.push({
              text,
              lang: (parent.closest('[lang]') ?? host).getAttribute('lang'),
              dir: getComputedStyle(parent).direction,
            });
        }
      }
      return out;
    }, scope);
  /** English texts (filled in where they have a `{name}`), as the widget shows them. */
  const english = new Set([
    ...Object.values(en),
    ...['Google Analytics', 'LeadLander', 'X (Twitter)', 'Facebook'].map((name) =>
      en.vendorPolicy.replace('{name}', name),
    ),
  ]);
  const expectMarked = (texts: { text: string; lang: string | null; dir: string }[], what: string) => {
    const arabic = texts.filter((t) => /[\u0600-\u06ff]/.test(t.text));
    const fallback = texts.filter((t) => english.has(t.text));
    expect(arabic.length, what).toBeGreaterThanOrEqual(3);
    expect(fallback.length, what).toBeGreaterThanOrEqual(2);
    for (const t of arabic) expect(t, what).toEqual({ text: t.text, lang: 'ar', dir: 'rtl' });
    // Texts that came from the English fallback say so: the right voice, and their punctuation at the right end.
    for (const t of fallback) expect(t, what).toEqual({ text: t.text, lang: 'en', dir: 'ltr' });
  };

  test('banner: the texts that fell back to English are marked English, left to right; the others are not', async ({
    page,
  }) => {
    const region = await open(page);
    await page.screenshot({ path: test.info().outputPath('banner.png') });
    const texts = await textsOf(page, '.banner');
    expectMarked(texts, 'banner');
    expect(texts.map((t) => t.text)).toEqual(
      expect.arrayContaining([en.bannerText, en.policyLink, en.customize, ar.acceptAll]),
    );
    // Only what fell back is marked.
    await expect(region.getByRole('button', { name: en.customize }).locator('[lang="en"][dir="ltr"]')).toHaveText(
      en.customize,
    );
    await expect(region.locator('[lang]')).toHaveCount([en.bannerText, en.policyLink, en.customize].length);
  });

  test('preferences: cookie names and the consent ID read left to right; English fallbacks are marked', async ({
    page,
  }) => {
    const region = await open(page);
    await region.getByRole('button', { name: ar.rejectAll }).click();
    // "Cookie settings" pads by logical sides too: its icon's side, the start, is the right one here.
    const pill = page.getByRole('button', { name: ar.reopen });
    expect(await pill.evaluate((el) => [getComputedStyle(el).paddingRight, getComputedStyle(el).paddingLeft])).toEqual([
      '10px',
      '14px',
    ]);
    await pill.click();
    const prefs = page.getByRole('dialog', { name: ar.preferencesTitle });
    await expect(prefs).toBeVisible();
    await expect(prefs.locator('code').last()).toHaveText((await page.evaluate(() => (window as any).Crumb.get())).id);
    await page.screenshot({ path: test.info().outputPath('dialog.png'), fullPage: true });

    // Each <code> (cookie names, the consent ID) is an isolated left-to-right run: `_gat*` keeps its `*` at the end.
    const codes = await prefs.locator('code').evaluateAll((els) =>
      els.map((el) => {
        const s = getComputedStyle(el);
        const node = el.firstChild as Text;
        const range = document.createRange();
        // Each character's box, left to right as they are laid out on a line.
        const xs = [...node.data].map((_, i) => {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          return { x: r.x, y: Math.round(r.y) };
        });
        const backwards = xs.findIndex((p, i) => i > 0 && p.y === xs[i - 1].y && p.x < xs[i - 1].x);
        return { text: node.data, direction: s.direction, bidi: s.unicodeBidi, backwards };
      }),
    );
    expect(codes.map((c) => c.text)).toEqual(
      expect.arrayContaining(['_ga, _ga_*, _gid, _gat*, _gcl_*, _gac_*', 'crumb_consent']),
    );
    for (const c of codes) expect(c, c.text).toMatchObject({ direction: 'ltr', bidi: 'isolate', backwards: -1 });

    expectMarked(await textsOf(page, '.dialog'), 'preferences');
  });
});
