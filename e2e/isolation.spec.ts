// Isolation and theming (issue "A banner everyone can use"): the host page's CSS cannot change the widget; sites
// restyle it only through the documented --crumb-* custom properties and data-theme.
import type { Page } from '@playwright/test';
import { animationsDone, axeViolations, focusRing, nonTextContrast, widgetSnapshot } from './a11y-helpers';
import { banner, dialog } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

/** The tag of demo/hostile.html, so a plain page gets the very same widget. */
const HOSTILE_TAG = {
  async: true,
  'data-google-analytics': 'G-CRUMBDEMO1',
  'data-leadlander': '19428',
  'data-twitter-pixel': 'o1abc',
  'data-facebook-pixel': '123456789012345',
  'data-policy-url': '/privacy.html',
  'data-revision': '2026-11-01',
};

/** The widget's boxes and computed styles with the banner shown, then with the preferences open. */
async function snapshots(page: Page) {
  await expect(banner(page)).toBeVisible();
  await animationsDone(page);
  const withBanner = await widgetSnapshot(page);
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toBeVisible();
  await animationsDone(page);
  return { withBanner, withDialog: await widgetSnapshot(page) };
}

test('the hostile-CSS page changes nothing in the widget: every box and computed style as on a plain page', async ({
  page,
}) => {
  await pageWithCrumb(page, { attrs: HOSTILE_TAG, body: '<main><h1>A plain page</h1></main>' });
  const plain = await snapshots(page);
  expect(Object.keys(plain.withDialog).length).toBeGreaterThan(40);

  await page.goto('/hostile.html');
  const hostile = await snapshots(page);
  expect(hostile.withBanner).toEqual(plain.withBanner);
  expect(hostile.withDialog).toEqual(plain.withDialog);
});

test('on the hostile page the banner is on top of the page’s highest z-index, and it works', async ({ page }) => {
  await page.goto('/hostile.html');
  const accept = banner(page).getByRole('button', { name: 'Accept all' });
  const box = (await accept.boundingBox())!;
  // What a click at the button's centre reaches: the button itself, not the page's full-width z-index wall.
  const hit = await page.evaluate(
    ([x, y]) => document.getElementById('crumb')!.shadowRoot!.elementFromPoint(x, y)?.textContent,
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(hit).toBe('Accept all');
  await accept.click();
  await expect(page.getByRole('button', { name: 'Cookie settings', exact: true })).toBeVisible();
});

/** A page whose stylesheet sets Crumb's custom properties on #crumb. */
const themed = (page: Page, css: string, attrs: Record<string, string> = {}) =>
  pageWithCrumb(page, {
    attrs: { ...HOSTILE_TAG, ...attrs },
    head: `<style>#crumb { ${css} }</style>`,
    body: '<main><h1>Themed</h1></main>',
  });

const look = (page: Page) =>
  page.evaluate(() => {
    const root = document.getElementById('crumb')!.shadowRoot!;
    const card = getComputedStyle(root.querySelector('.banner')!);
    const accept = getComputedStyle(root.querySelector('.btn.primary')!);
    return {
      background: card.backgroundColor,
      text: card.color,
      radius: card.borderTopLeftRadius,
      font: card.fontFamily,
      accent: accept.backgroundColor,
      onAccent: accept.color,
    };
  });

test('the documented --crumb-* properties restyle the widget, and the result still passes axe', async ({ page }) => {
  await themed(
    page,
    '--crumb-accent: #0b5394; --crumb-on-accent: #fff; --crumb-background: #f4f8ff; --crumb-text: #0a1a2f; --crumb-radius: 4px; --crumb-font: Georgia, serif;',
  );
  await expect(banner(page)).toBeVisible();
  expect(await look(page)).toEqual({
    background: 'rgb(244, 248, 255)',
    text: 'rgb(10, 26, 47)',
    radius: '4px',
    font: 'Georgia, serif',
    accent: 'rgb(11, 83, 148)',
    onAccent: 'rgb(255, 255, 255)',
  });
  expect(await axeViolations(page)).toEqual([]);
});

const LIGHT_CARD = 'rgb(255, 253, 249)';
const DARK_CARD = 'rgb(34, 26, 20)';

for (const [colorScheme, theme, card] of [
  ['light', 'dark', DARK_CARD],
  ['dark', 'light', LIGHT_CARD],
  ['dark', 'auto', DARK_CARD],
  ['light', 'auto', LIGHT_CARD],
] as const) {
  test(`data-theme="${theme}" in a ${colorScheme} browser gives the ${card === DARK_CARD ? 'dark' : 'light'} scheme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await themed(page, '', { 'data-theme': theme });
    await expect(banner(page)).toBeVisible();
    expect((await look(page)).background).toBe(card);
  });
}

test('a site that sets only its background and text keeps readable text and 3:1 controls in a dark browser', async ({
  page,
}) => {
  // Two axe runs and two contrast sweeps: slow on a busy two-core machine.
  test.slow();
  await page.emulateMedia({ colorScheme: 'dark' });
  await themed(page, '--crumb-background: #ffffff; --crumb-text: #1b1b1b;');
  await expect(banner(page)).toBeVisible();
  // The defaults for the rest (accent, focus ring) come from the light scheme, which suits a white card.
  await expect(page.locator('#crumb')).toHaveAttribute('data-theme', 'light');
  expect(await axeViolations(page)).toEqual([]);
  for (const edge of await nonTextContrast(page, '.banner')) expect(edge.ratio, edge.label).toBeGreaterThanOrEqual(3);
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  for (const edge of await nonTextContrast(page, '.dialog')) expect(edge.ratio, edge.label).toBeGreaterThanOrEqual(3);
});

// Tailwind 4's palette and many design systems give colours as oklch(), lab() or color(): only rgb() (and hex) were
// read, so such a background got the visitor's scheme's accent and focus ring, below 3:1 on it.
for (const [colorScheme, format, css, theme] of [
  [
    'light',
    'oklch',
    '--crumb-background: oklch(20.8% 0.042 265.755); --crumb-text: oklch(98.4% 0.003 247.858);',
    'dark',
  ],
  ['dark', 'lab', '--crumb-background: lab(98 0 0); --crumb-text: lab(10 0 0);', 'light'],
] as const) {
  test(`a ${theme} background in ${format}() in a ${colorScheme} browser gets the ${theme} defaults: 3:1 edges, focus ring`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await themed(page, css);
    await expect(banner(page)).toBeVisible();
    await animationsDone(page);
    for (const edge of await nonTextContrast(page, '.banner')) expect(edge.ratio, edge.label).toBeGreaterThanOrEqual(3);
    await banner(page).getByRole('button', { name: 'Accept all' }).focus();
    const ring = await focusRing(page);
    expect(ring.ratio, ring.label).toBeGreaterThanOrEqual(3);
    await expect(page.locator('#crumb')).toHaveAttribute('data-theme', theme);
  });
}

// The scheme a site's background pins was taken once: a site that themes by prefers-color-scheme, open while the
// visitor's system turns dark (at sunset), kept the light accent and focus ring on its dark background (2.4:1).
test("a site that themes by prefers-color-scheme: the widget follows when the visitor's scheme changes", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await pageWithCrumb(page, {
    attrs: HOSTILE_TAG,
    head: `<style>
      #crumb { --crumb-background: #ffffff; --crumb-text: #1b1b1b; }
      @media (prefers-color-scheme: dark) { #crumb { --crumb-background: #111111; --crumb-text: #eeeeee; } }
    </style>`,
  });
  await expect(banner(page)).toBeVisible();
  await animationsDone(page);
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('#crumb')).toHaveAttribute('data-theme', colorScheme);
    for (const edge of await nonTextContrast(page, '.banner'))
      expect(edge.ratio, `${colorScheme}: ${edge.label}`).toBeGreaterThanOrEqual(3);
    await banner(page).getByRole('button', { name: 'Customize' }).focus();
    const ring = await focusRing(page);
    expect(ring.ratio, `${colorScheme}: ${ring.label}`).toBeGreaterThanOrEqual(3);
  }
});

// A theme switch of the site's own (Tailwind's `html.dark`, Bootstrap's `data-bs-theme`) changes no media query: the
// scheme stayed the one pinned at start, and light defaults (dark text) stayed on the site's dark background.
test('a site with a theme switch of its own (a class on <html>, an attribute on <body>, a swapped <body>): the widget follows it', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await pageWithCrumb(page, {
    attrs: HOSTILE_TAG,
    head: `<style>
      #crumb { --crumb-background: #ffffff; }
      html.dark #crumb, body[data-bs-theme="dark"] #crumb { --crumb-background: #111111; }
    </style>`,
  });
  await expect(banner(page)).toBeVisible();
  await animationsDone(page);
  const host = page.locator('#crumb');
  await expect(host).toHaveAttribute('data-theme', 'light');
  const text = () => banner(page).evaluate((el) => getComputedStyle(el).color);
  for (const [toggle, theme, color] of [
    ["document.documentElement.classList.add('dark')", 'dark', 'rgb(246, 239, 232)'],
    ["document.documentElement.classList.remove('dark')", 'light', 'rgb(36, 24, 15)'],
    ["document.body.setAttribute('data-bs-theme', 'dark')", 'dark', 'rgb(246, 239, 232)'],
    // A swap of <body> (Turbo): the new body's theme is taken, and its switch followed (only <html> was watched after).
    [
      "document.body.replaceWith(Object.assign(document.createElement('body'), { innerHTML: '<h1>Next</h1>' }))",
      'light',
      'rgb(36, 24, 15)',
    ],
    ["document.body.setAttribute('data-bs-theme', 'dark')", 'dark', 'rgb(246, 239, 232)'],
  ] as const) {
    await page.evaluate(toggle);
    await expect(host, toggle).toHaveAttribute('data-theme', theme);
    await expect.poll(text, toggle).toBe(color);
  }
});

test('a site that sets a background in its dark scheme only: back in light, the widget is light again', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await pageWithCrumb(page, {
    attrs: HOSTILE_TAG,
    head: `<style>@media (prefers-color-scheme: dark) { #crumb { --crumb-background: #f4f4f4; } }</style>`,
  });
  await expect(banner(page)).toBeVisible();
  // A light background in the dark scheme: the light defaults suit it.
  await expect(page.locator('#crumb')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('#crumb')).not.toHaveAttribute('data-theme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('#crumb')).toHaveAttribute('data-theme', 'light');
});

test('iOS Safari keeps the page from inflating the widget text: the built sheet has -webkit-text-size-adjust', async ({
  request,
}) => {
  // `:host { all: initial }` resets the page's own setting; Safari on iOS reads only the prefixed property, which a
  // minifier drops unless iOS is one of the CSS targets.
  const widget = await (await request.get('/dist/crumb-widget.en.js')).text();
  expect(widget).toMatch(/\.banner,\.dialog\{[^}]*-webkit-text-size-adjust:100%/);
});
