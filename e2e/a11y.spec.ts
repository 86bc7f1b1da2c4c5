// Accessibility (WCAG 2.2 AA, SPEC §3, REFERENCE "Accessibility"): axe-core in every state, both colour schemes and
// 320 px; equal Accept/Reject; target sizes; 3:1 edges and focus rings; reflow, zoom and text size; reduced motion.

import type { Locator } from '@playwright/test';
import {
  animationsDone,
  axeViolations,
  DEMO_ATTRS,
  focused,
  focusRing,
  minimalPage,
  nonTextContrast,
  widgetSnapshot,
} from './a11y-helpers';
import { banner, crumbState, dialog, sendSignals } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

const reopen = (page: import('@playwright/test').Page) => page.getByRole('button', { name: 'Cookie settings' });

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1280, 320]) {
    test.describe(`axe, ${colorScheme} scheme, ${width} px`, () => {
      test.use({ colorScheme, viewport: { width, height: width > 500 ? 800 : 640 } });
      // Each test runs axe two to four times, a few seconds each on a busy two-core machine.
      test.slow();

      test('no violation on a minimal page: banner, preferences, after a decision, consent ID shown', async ({
        page,
      }) => {
        await minimalPage(page);
        await expect(banner(page)).toBeVisible();
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          colorScheme === 'dark',
        );
        expect(await axeViolations(page), 'banner').toEqual([]);

        await banner(page).getByRole('button', { name: 'Customize' }).click();
        await expect(dialog(page)).toBeVisible();
        expect(await axeViolations(page), 'preferences from the banner').toEqual([]);

        await dialog(page).getByRole('switch', { name: 'Google Analytics' }).check();
        await dialog(page).getByRole('button', { name: 'Save choices' }).click();
        await expect(reopen(page)).toBeVisible();
        expect(await axeViolations(page), 'after a decision').toEqual([]);

        await reopen(page).click();
        await expect(dialog(page)).toContainText((await crumbState(page)).id);
        await expect(dialog(page).getByRole('checkbox', { name: 'Analytics', exact: true })).toBeChecked();
        expect(await axeViolations(page), 'preferences with the consent ID').toEqual([]);
      });

      for (const path of ['/', '/article.html', '/privacy.html']) {
        test(`no violation on the demo page ${path}: banner and preferences`, async ({ page }) => {
          await page.goto(path);
          await expect(banner(page)).toBeVisible();
          expect(await axeViolations(page), 'banner').toEqual([]);
          await banner(page).getByRole('button', { name: 'Customize' }).click();
          await expect(dialog(page)).toBeVisible();
          expect(await axeViolations(page), 'preferences').toEqual([]);
        });
      }
    });
  }
}

test('axe: the widget on the hostile-CSS page has no violation of its own', async ({ page }) => {
  await page.goto('/hostile.html');
  await expect(banner(page)).toBeVisible();
  expect(await axeViolations(page, '#crumb')).toEqual([]);
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toBeVisible();
  expect(await axeViolations(page, '#crumb')).toEqual([]);
});

test('with a privacy signal honoured the dialog says so, and axe finds nothing', async ({ page, context }) => {
  await sendSignals(context, { gpc: true });
  await minimalPage(page);
  await expect(reopen(page)).toBeVisible();
  await reopen(page).click();
  await expect(dialog(page).getByRole('note')).toContainText('Global Privacy Control');
  expect(await axeViolations(page)).toEqual([]);
});

test('the dialog names each service with its purpose, cookies and policy link; Necessary explains itself', async ({
  page,
}) => {
  await minimalPage(page);
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  const prefs = dialog(page);
  await expect(prefs.getByRole('checkbox', { name: 'Necessary' })).toHaveAccessibleDescription(
    'Keep the site working and remember your choice. Cookies crumb_consent Always on',
  );
  await expect(prefs.getByRole('checkbox', { name: 'Analytics', exact: true })).toHaveAccessibleDescription(
    /Count visits/,
  );
  await expect(prefs.getByRole('group', { name: 'Marketing' })).toBeVisible();
  await expect(prefs.getByRole('switch', { name: 'Google Analytics' })).toHaveAccessibleDescription(
    'Statistics on visits and pages viewed. Cookies _ga, _ga_*, _gid, _gat*, _gcl_*, _gac_*',
  );
  await expect(prefs.getByRole('switch', { name: 'X (Twitter)' })).toHaveAccessibleDescription(
    'Measures X (Twitter) ad campaigns. Cookies _twclid',
  );
  // LeadLander sets no cookie to list: the dialog says how it recognizes visitors instead.
  await expect(prefs.getByRole('switch', { name: 'LeadLander' })).toHaveAccessibleDescription(
    'Recognizes companies that visit the site by fingerprinting the browser; it sets no cookies.',
  );
  for (const name of ['Google Analytics', 'LeadLander', 'X (Twitter)', 'Facebook']) {
    const link = prefs.getByRole('link', { name: `${name} privacy policy` });
    await expect(link).toHaveAttribute('href', /^https:\/\//);
    await expect(link).toHaveAttribute('target', '_blank');
  }
});

test.describe('Accept all and Reject all are equal in size, weight and contrast', () => {
  for (const [width, lang] of [
    [1280, 'en'],
    [320, 'en'],
    [320, 'de'],
    [375, 'fr'],
  ] as const) {
    test(`${width} px, ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 700 });
      await minimalPage(page, { lang });
      const look = async (scope: 'banner' | 'dialog') =>
        page.evaluate((sel) => {
          const root = document.getElementById('crumb')!.shadowRoot!.querySelector(sel)!;
          return [...root.querySelectorAll<HTMLElement>('.btn')].map((b) => {
            const s = getComputedStyle(b);
            const box = b.getBoundingClientRect();
            return {
              width: Math.round(box.width * 10) / 10,
              height: Math.round(box.height * 10) / 10,
              font: `${s.fontSize} ${s.fontWeight} ${s.fontFamily}`,
              colors: `${s.color} on ${s.backgroundColor}, border ${s.borderTopWidth} ${s.borderTopColor}`,
            };
          });
        }, `.${scope}`);
      await expect(banner(page, lang)).toBeVisible();
      await animationsDone(page);
      // Accept all and Reject all: the same in everything; Customize: the same size and weight.
      const sizeAndWeight = ({ width, height, font }: { width: number; height: number; font: string }) => ({
        width,
        height,
        font,
      });
      const [accept, reject, customize] = await look('banner');
      expect(reject).toEqual(accept);
      expect(sizeAndWeight(customize)).toEqual(sizeAndWeight(accept));
      expect(accept.height).toBeGreaterThanOrEqual(44);

      await banner(page, lang).getByRole('button').last().press('Enter');
      await expect(dialog(page, lang)).toBeVisible();
      await animationsDone(page);
      const [dialogAccept, dialogReject] = await look('dialog');
      expect(dialogReject).toEqual(dialogAccept);
    });
  }
});

test('targets are at least 24×24 px; the banner buttons 44 px high', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await minimalPage(page);
  const sizes = (sel: string) =>
    page.evaluate((s) => {
      const root = document.getElementById('crumb')!.shadowRoot!;
      // Links inside a sentence are exempt (WCAG 2.5.8 "inline").
      return [...root.querySelectorAll<HTMLElement>(`${s} :is(button, input, a):not(p a)`)].map((el) => {
        const box = el.getBoundingClientRect();
        return {
          el: `${el.tagName} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`,
          ...box.toJSON(),
        };
      });
    }, sel);
  await expect(banner(page)).toBeVisible();
  await animationsDone(page);
  const bannerTargets = await sizes('.banner');
  expect(bannerTargets.map((t) => t.el)).toEqual(['BUTTON Accept all', 'BUTTON Reject all', 'BUTTON Customize']);
  for (const t of bannerTargets) expect(t.height, t.el).toBeGreaterThanOrEqual(44);

  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toBeVisible();
  await animationsDone(page);
  const dialogTargets = await sizes('.dialog');
  expect(dialogTargets.length).toBeGreaterThanOrEqual(14);
  for (const t of dialogTargets) {
    expect(t.width, t.el).toBeGreaterThanOrEqual(24);
    expect(t.height, t.el).toBeGreaterThanOrEqual(24);
  }
  await dialog(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(reopen(page)).toBeVisible();
  // The pill is the core's own (no UI chunk needed for it), a direct child of the shadow root.
  const reopenBox = await reopen(page).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { el: `${el.tagName} ${el.textContent?.trim()}`, width: box.width, height: box.height };
  });
  expect(reopenBox.el).toBe('BUTTON Cookie settings');
  expect(reopenBox.height).toBeGreaterThanOrEqual(24);
  expect(reopenBox.width).toBeGreaterThanOrEqual(24);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: control edges, switch knobs and focus rings reach 3:1`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await minimalPage(page);
    await expect(banner(page)).toBeVisible();
    await animationsDone(page);
    const edges = await nonTextContrast(page, '.banner');
    expect(edges.map((e) => e.label)).toEqual(['Accept all edge', 'Reject all edge', 'Customize edge']);
    for (const e of edges) expect(e.ratio, e.label).toBeGreaterThanOrEqual(3);

    // Focus rings, reached by keyboard: the policy link and the three buttons.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      expect(ring.style, ring.label).toBe('solid');
      expect(ring.width, ring.label).toBeGreaterThanOrEqual(2);
      expect(ring.ratio, ring.label).toBeGreaterThanOrEqual(3);
    }

    await page.keyboard.press('Enter'); // on Customize
    await expect(dialog(page)).toBeVisible();
    // Checked and unchecked, so both looks are measured.
    await dialog(page).getByRole('switch', { name: 'LeadLander' }).check();
    await animationsDone(page);
    const controls = await nonTextContrast(page, '.dialog');
    expect(controls.length).toBeGreaterThanOrEqual(12);
    for (const c of controls) expect(c.ratio, c.label).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      const ring = await focusRing(page);
      expect(ring.style, ring.label).toBe('solid');
      expect(ring.ratio, ring.label).toBeGreaterThanOrEqual(3);
    }
  });
}

test.describe('320 px wide: no horizontal scrolling, everything inside the viewport', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const lang of ['en', 'de', 'fr', 'es']) {
    test(lang, async ({ page }) => {
      await minimalPage(page, { lang });
      await expect(page.locator('#crumb')).toHaveAttribute('lang', lang);
      const inside = async (what: string) => {
        await animationsDone(page);
        const box = (await (what === 'banner' ? banner(page, lang) : dialog(page, lang)).boundingBox())!;
        expect(box.x, what).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, what).toBeLessThanOrEqual(320);
        expect(box.y, what).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, what).toBeLessThanOrEqual(640);
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), what).toBeLessThanOrEqual(320);
        // No element of the widget is wider than its box (text cut off or spilling sideways).
        const overflowing = await page.evaluate(() =>
          [...document.getElementById('crumb')!.shadowRoot!.querySelectorAll<HTMLElement>('*')]
            .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
            .map((el) => `${el.tagName}.${el.className}`),
        );
        expect(overflowing, what).toEqual([]);
      };
      await inside('banner');
      // On phones the three buttons stand one under the other, equal (SPEC §3), each a full-width target.
      const [accept, reject, customize] = (await Promise.all(
        [0, 1, 2].map((i) => banner(page, lang).getByRole('button').nth(i).boundingBox()),
      )) as { x: number; y: number; width: number; height: number }[];
      for (const b of [reject, customize]) {
        expect(b.width).toBe(accept.width);
        expect(b.height).toBe(accept.height);
        expect(b.x).toBe(accept.x);
      }
      expect(reject.y).toBeGreaterThan(accept.y + accept.height);
      expect(customize.y).toBeGreaterThan(reject.y + reject.height);
      expect(accept.width).toBeGreaterThan(250);
      // It leaves the page most of the screen: with three full-width buttons, at most 55% of a 320×640 phone.
      expect((await banner(page, lang).boundingBox())!.height).toBeLessThanOrEqual(0.55 * 640);

      await banner(page, lang).getByRole('button').nth(2).click();
      await expect(dialog(page, lang)).toBeVisible();
      await inside('dialog');
    });
  }
});

test.describe('320 px wide with text at 200%: nothing spills sideways, every control in view, equal banner buttons', () => {
  /** Elements of the widget wider inside than their box (text cut off or spilling sideways). */
  const overflowing = (page: import('@playwright/test').Page) =>
    page.evaluate(() =>
      [...document.getElementById('crumb')!.shadowRoot!.querySelectorAll<HTMLElement>('*')]
        .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.tagName}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`),
    );
  /** Words of the widget's titles that are split over two lines (a break after a hyphen is a word's end). */
  const splitTitleWords = (page: import('@playwright/test').Page) =>
    page.evaluate(() => {
      const split: string[] = [];
      for (const title of document.getElementById('crumb')!.shadowRoot!.querySelectorAll('.title')) {
        const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (const m of node.data.matchAll(/[^\s-]+-?/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) split.push(m[0]);
          }
        }
      }
      return split;
    });
  /**
   * Each control scrolled into view: wholly inside the viewport (99% of it visible, as an IntersectionObserver sees it,
   * clipping by scrolling containers included) and inside its container (banner or dialog). One pass in the page:
   * a round trip per control and check made these tests slow.
   */
  const controlsInView = async (scope: Locator, what: string) => {
    const { count, faults } = await scope.evaluate(async (container) => {
      const box = container.getBoundingClientRect();
      const controls = [...container.querySelectorAll<HTMLElement>('button, input, a')];
      const faults: string[] = [];
      for (const control of controls) {
        control.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
        const ratio = await new Promise<number>((resolve) => {
          const io = new IntersectionObserver(([entry]) => {
            io.disconnect();
            resolve(entry.intersectionRatio);
          });
          io.observe(control);
        });
        const c = control.getBoundingClientRect();
        const label =
          control.getAttribute('aria-label') ?? control.closest('label')?.textContent ?? control.textContent;
        // Scroll positions are whole pixels: a control may stay a fraction of a pixel short of the edge.
        if (ratio < 0.99) faults.push(`${label}: ${Math.round(ratio * 100)}% in the viewport`);
        if (c.left < box.left || c.right > box.right || c.top < box.top - 1 || c.bottom > box.bottom + 1)
          faults.push(
            `${label}: ${c.left},${c.top}–${c.right},${c.bottom} outside ${box.left},${box.top}–${box.right},${box.bottom}`,
          );
      }
      return { count: controls.length, faults };
    });
    expect(count, what).toBeGreaterThanOrEqual(3);
    expect(faults, what).toEqual([]);
  };

  for (const width of [320, 330, 350]) {
    for (const lang of ['en', 'de', 'fr', 'es']) {
      test(`${width} px, ${lang}`, async ({ page }) => {
        await page.setViewportSize({ width, height: 640 });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
        await minimalPage(page, { lang });
        await expect(banner(page, lang)).toBeVisible();
        await animationsDone(page);
        expect(await banner(page, lang).evaluate((el) => getComputedStyle(el).fontSize)).toBe('32px');
        await page.screenshot({ path: test.info().outputPath('banner.png') });

        expect(await overflowing(page), 'banner').toEqual([]);
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), 'banner').toBeLessThanOrEqual(width);
        expect(await splitTitleWords(page), 'banner title').toEqual([]);
        // The three are equal (SPEC §3): one under the other, full width, the same height however their texts wrap.
        const buttons = banner(page, lang).getByRole('button');
        const [accept, reject, customize] = (await Promise.all([0, 1, 2].map((i) => buttons.nth(i).boundingBox())))!;
        for (const b of [reject, customize]) {
          expect(b!.width, 'banner buttons').toBe(accept!.width);
          expect(b!.height, 'banner buttons').toBe(accept!.height);
        }
        await controlsInView(banner(page, lang), 'banner');

        await buttons.nth(2).click();
        await expect(dialog(page, lang)).toBeVisible();
        await animationsDone(page);
        await page.screenshot({ path: test.info().outputPath('dialog.png') });
        // The intended width (the browser's own max-width for modal dialogs shrinks with the text size).
        expect((await dialog(page, lang).boundingBox())!.width).toBe(width - 16);
        expect(await overflowing(page), 'dialog').toEqual([]);
        expect(await splitTitleWords(page), 'dialog title').toEqual([]);
        await controlsInView(dialog(page, lang), 'dialog');

        // After a decision, "Cookie settings" fits too.
        await dialog(page, lang).getByRole('button').nth(2).click();
        const pill = page.locator('#crumb').locator('.reopen');
        await expect(pill).toBeVisible();
        await animationsDone(page);
        const p = (await pill.boundingBox())!;
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x + p.width).toBeLessThanOrEqual(width);
        expect(await overflowing(page), 'Cookie settings').toEqual([]);
      });
    }
  }
});

test.describe('200% zoom (1280×800 at 200% is 640×400 CSS px)', () => {
  test.use({ viewport: { width: 640, height: 400 } });
  test('the banner buttons are visible; every dialog control scrolls into view unclipped', async ({ page }) => {
    await minimalPage(page);
    for (const name of ['Accept all', 'Reject all', 'Customize']) {
      await expect(banner(page).getByRole('button', { name })).toBeInViewport({ ratio: 1 });
    }
    await banner(page).getByRole('button', { name: 'Customize' }).click();
    const box = (await dialog(page).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(400);
    const controls = dialog(page).locator('button, input, a');
    const count = await controls.count();
    expect(count).toBeGreaterThanOrEqual(14);
    for (let i = 0; i < count; i++) {
      const control = controls.nth(i);
      await control.scrollIntoViewIfNeeded();
      await expect(control).toBeInViewport({ ratio: 1 });
      // Not hidden under the dialog's own edges: fully inside the dialog's box.
      const c = (await control.boundingBox())!;
      expect(c.y, `control ${i}`).toBeGreaterThanOrEqual(box.y);
      expect(c.y + c.height, `control ${i}`).toBeLessThanOrEqual(box.y + box.height);
    }
  });

  test('text at 200% (default font size 32 px) at 1280×800: still fits, nothing spills sideways', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await minimalPage(page);
    const fontSize = await banner(page).evaluate((el) => getComputedStyle(el.querySelector('p')!).fontSize);
    expect(fontSize).toBe('32px');
    for (const name of ['Accept all', 'Reject all', 'Customize']) {
      await expect(banner(page).getByRole('button', { name })).toBeInViewport({ ratio: 1 });
    }
    await banner(page).getByRole('button', { name: 'Customize' }).click();
    for (const name of ['Close', 'Accept all', 'Reject all', 'Save choices']) {
      await expect(dialog(page).getByRole('button', { name })).toBeInViewport({ ratio: 1 });
    }
    const overflowing = await page.evaluate(() =>
      [...document.getElementById('crumb')!.shadowRoot!.querySelectorAll<HTMLElement>('*')]
        .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.tagName}.${el.className}`),
    );
    expect(overflowing).toEqual([]);
  });
});

test.describe('short windows for the text size: the whole dialog scrolls, not a sliver of it', () => {
  /** How the dialog and its body scroll, in CSS px. */
  const scrolling = (page: import('@playwright/test').Page) =>
    page.evaluate(() => {
      const root = document.getElementById('crumb')!.shadowRoot!;
      const [d, body] = ['.dialog', '.dialog-body'].map((s) => root.querySelector<HTMLElement>(s)!);
      return {
        dialog: { client: d.clientHeight, scroll: d.scrollHeight, overflow: getComputedStyle(d).overflowY },
        body: { client: body.clientHeight, scroll: body.scrollHeight },
      };
    });
  const cases = [
    { name: '320×640, text at 200%', width: 320, height: 640, text: 32 },
    { name: 'a phone on its side, 740×360', width: 740, height: 360, text: 16 },
  ];
  for (const c of cases)
    test(c.name, async ({ page }) => {
      await page.setViewportSize({ width: c.width, height: c.height });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: c.text, fixed: Math.round(c.text * 0.8) } });
      await minimalPage(page);
      await banner(page).getByRole('button', { name: 'Customize' }).click();
      await expect(dialog(page)).toBeVisible();
      await animationsDone(page);
      const s = await scrolling(page);
      // The dialog is the one scroller: its body is as tall as what it holds.
      expect(s.dialog.overflow).toBe('auto');
      expect(s.dialog.scroll).toBeGreaterThan(s.dialog.client);
      expect(s.body.client).toBe(s.body.scroll);
      // Tabbing to the last button brings it into view, inside the dialog.
      const save = dialog(page).getByRole('button', { name: 'Save choices' });
      await save.focus();
      await expect(save).toBeInViewport({ ratio: 1 });
    });

  test('a tall window keeps the head and the buttons in place and scrolls the list between them', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await minimalPage(page);
    await banner(page).getByRole('button', { name: 'Customize' }).click();
    await expect(dialog(page)).toBeVisible();
    await animationsDone(page);
    const s = await scrolling(page);
    expect(s.dialog.scroll).toBe(s.dialog.client);
    expect(s.body.scroll).toBeGreaterThan(s.body.client);
    for (const name of ['Close', 'Accept all', 'Reject all', 'Save choices'])
      await expect(dialog(page).getByRole('button', { name })).toBeInViewport({ ratio: 1 });
  });
});

test.describe('prefers-reduced-motion', () => {
  /** Every animation and transition in the widget (pseudo-elements and the backdrop included). */
  const motion = (page: import('@playwright/test').Page) =>
    page.evaluate(() => {
      const found: string[] = [];
      const check = (el: Element, pseudo: string | null) => {
        const s = getComputedStyle(el, pseudo);
        const moving = s.transitionDuration.split(',').some((d) => Number.parseFloat(d) > 0);
        if (s.animationName !== 'none' || moving)
          found.push(`${el.tagName}.${el.className}${pseudo ?? ''}: ${s.animationName} ${s.transitionDuration}`);
      };
      for (const el of document.getElementById('crumb')!.shadowRoot!.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) check(el, pseudo);
        if (el.tagName === 'DIALOG') check(el, '::backdrop');
      }
      return found;
    });

  test('reduce: no animation or transition anywhere; no-preference: the widget does animate', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await minimalPage(page);
    await banner(page).getByRole('button', { name: 'Customize' }).click();
    await expect(dialog(page)).toBeVisible();
    const moving = await motion(page);
    // So the check below can fail: without the preference there is motion to remove.
    expect(moving.some((m) => m.startsWith('SECTION.banner'))).toBe(true);
    expect(moving.some((m) => m.startsWith('DIALOG.dialog:'))).toBe(true);
    expect(moving.some((m) => m.startsWith('DIALOG.dialog::backdrop'))).toBe(true);
    expect(moving.some((m) => m.includes('::before'))).toBe(true);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await motion(page)).toEqual([]);
    await dialog(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(reopen(page)).toBeVisible();
    expect(await motion(page)).toEqual([]);
  });
});

test('forced colours: checkboxes and switches are the native controls, with nothing drawn over their mark', async ({
  page,
}) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await minimalPage(page);
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await dialog(page).getByRole('switch', { name: 'Facebook' }).check();
  await dialog(page).getByRole('checkbox', { name: 'Analytics' }).check();
  await page.screenshot({ path: test.info().outputPath('forced-colors.png'), fullPage: true });
  const toggles = await dialog(page)
    .locator('input[type="checkbox"]')
    .evaluateAll((els) =>
      els.map((el) => ({
        name: el.closest('label')!.textContent,
        appearance: getComputedStyle(el).appearance,
        // The switch's knob and the tick are drawn in ::before: the native mark needs none.
        before: getComputedStyle(el, '::before').content,
      })),
    );
  expect(toggles).toHaveLength(7);
  for (const t of toggles) expect(t).toEqual({ name: t.name, appearance: 'auto', before: 'none' });
});

test('the banner never shifts the page layout, neither when it appears nor when it goes', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as any).__shifts.push((e as any).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await pageWithCrumb(page, {
    attrs: { ...DEMO_ATTRS, async: true },
    placement: 'body',
    body: `<main><h1>Layout</h1>${'<p>Paragraph of page text that fills the page.</p>'.repeat(40)}</main>`,
  });
  const before = await page.locator('h1').boundingBox();
  await expect(banner(page)).toBeVisible();
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(reopen(page)).toBeVisible();
  await page.waitForTimeout(200);
  expect(await page.locator('h1').boundingBox()).toEqual(before);
  expect(await page.evaluate(() => (window as any).__shifts)).toEqual([]);
});

test('a page element focused by keyboard is scrolled clear of the banner (scroll-padding-bottom)', async ({ page }) => {
  await pageWithCrumb(page, {
    attrs: DEMO_ATTRS,
    body: `<main><h1>Long page</h1><p><a href="#a" id="early">A link at the top</a></p>${'<p>Text.</p>'.repeat(60)}<p><a href="#b" id="late">A link far down</a></p>${'<p>More.</p>'.repeat(60)}</main>`,
  });
  await expect(banner(page)).toBeVisible();
  const padding = await page.evaluate(() => Number.parseFloat(document.documentElement.style.scrollPaddingBottom));
  expect(padding).toBeGreaterThan((await banner(page).boundingBox())!.height);
  await page.locator('#early').focus();
  await page.keyboard.press('Tab');
  expect((await focused(page)).label).toBe('a "A link far down"');
  const link = (await page.locator('#late').boundingBox())!;
  const card = (await banner(page).boundingBox())!;
  expect(link.y + link.height).toBeLessThanOrEqual(card.y);
});

// The room to scroll past the page's end was placed once, at the end the page had then: a page that grew afterwards
// (a feed, content loaded late) had its new last lines under the banner, with no way to scroll them out.
for (const [layout, head] of [
  ['', ''],
  [', with <html> as tall as the window', '<style>html { height: 100% }</style>'],
]) {
  test(`a page that grows after the banner shows still scrolls its last line clear of the banner${layout}`, async ({
    page,
  }) => {
    await pageWithCrumb(page, {
      attrs: DEMO_ATTRS,
      head,
      body: `<main><h1>Feed</h1>${'<p>Item.</p>'.repeat(40)}</main>`,
    });
    await expect(banner(page)).toBeVisible();
    await animationsDone(page);
    await page.evaluate(() => {
      document
        .querySelector('main')!
        .insertAdjacentHTML('beforeend', `${'<p>Later item.</p>'.repeat(40)}<p id="last">The end.</p>`);
    });
    // Scrolled down as far as the page goes: its last line shows above the banner.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
        const last = (await page.locator('#last').boundingBox())!;
        return last.y + last.height <= (await banner(page).boundingBox())!.y;
      })
      .toBe(true);
  });
}

// WCAG 2.4.11 at 400% zoom (1280×1024 is 320×256 CSS px) and on a phone with text at 200%: the banner, as tall as
// its text, covered all of the viewport but its top 8 px, so every page element Tab reached was pushed up under the
// viewport's edge, a sliver of it showing above the banner.
for (const c of [
  { name: '400% zoom, 320×256', width: 320, height: 256, text: 16 },
  { name: 'a 320×640 phone with text at 200%', width: 320, height: 640, text: 32 },
]) {
  test(`${c.name}: a page element focused by keyboard shows, clear of the banner`, async ({ page }) => {
    await page.setViewportSize({ width: c.width, height: c.height });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: c.text, fixed: Math.round(c.text * 0.8) } });
    const links = Array.from({ length: 12 }, (_, i) => `<p><a href="#l${i}" id="l${i}">Link number ${i}</a></p>`);
    await pageWithCrumb(page, { attrs: DEMO_ATTRS, body: `<main><h1>Links</h1>${links.join('')}</main>` });
    await expect(banner(page)).toBeVisible();
    await animationsDone(page);
    const card = (await banner(page).boundingBox())!;
    await page.locator('#l0').focus();
    for (let i = 1; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).label).toBe(`a "Link number ${i}"`);
      const link = (await page.locator(`#l${i}`).boundingBox())!;
      // Clear of the banner, as on a larger screen: not a sliver of it between the viewport's top and the banner's.
      expect(link.y, `link ${i} at ${link.y}`).toBeGreaterThanOrEqual(0);
      expect(
        link.y + link.height,
        `link ${i} down to ${link.y + link.height}, the banner from ${card.y}`,
      ).toBeLessThanOrEqual(card.y);
    }
    // The banner scrolls instead: each of its controls can still be brought into view inside it.
    for (const name of ['Accept all', 'Reject all', 'Customize']) {
      const b = banner(page).getByRole('button', { name });
      await b.focus();
      await expect(b).toBeInViewport({ ratio: 0.99 });
    }
  });
}

/** The colours of the focus ring of what has focus, read from a screenshot above its top edge, and next to it. */
async function ringPixels(page: import('@playwright/test').Page) {
  const box = await page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
    const r = el!.getBoundingClientRect();
    const s = getComputedStyle(el!);
    return {
      x: Math.round(r.x + r.width / 2),
      y: Math.round(r.y),
      offset: Number.parseFloat(s.outlineOffset),
      width: Number.parseFloat(s.outlineWidth),
    };
  });
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, box }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const at = (dy: number) => [...ctx.getImageData(box.x, box.y - dy, 1, 1).data.slice(0, 3)];
      const lum = (c: number[]) =>
        c
          .map((v) => v / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      const ratio = (a: number[], b: number[]) => {
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
        return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
      };
      // Above the top edge: the gap of the offset, the ring's middle, then what is outside it.
      const ring = at(box.offset + box.width / 2 + 0.5);
      return {
        inside: ratio(ring, at(1)),
        outside: ratio(ring, at(box.offset + box.width + 1.5)),
      };
    },
    { png, box },
  );
}

// "Cookie settings" floats over the page, so its ring is drawn on the page's colours: the dark scheme's light ring
// was 1.8:1 on a white page, the light scheme's 2.9:1 on a near-black one (WCAG 1.4.11).
for (const colorScheme of ['light', 'dark'] as const) {
  for (const pageColor of ['#ffffff', '#111111']) {
    test(`${colorScheme} scheme on a ${pageColor} page: the ring of "Cookie settings" reaches 3:1 on both sides`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await pageWithCrumb(page, {
        attrs: DEMO_ATTRS,
        head: `<style>html { background: ${pageColor}; }</style>`,
      });
      await banner(page).getByRole('button', { name: 'Reject all' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focused(page)).label).toBe('button "Cookie settings"');
      await animationsDone(page);
      const ring = await ringPixels(page);
      expect(ring.inside, 'against the gap inside the ring').toBeGreaterThanOrEqual(3);
      expect(ring.outside, 'against what is outside the ring').toBeGreaterThanOrEqual(3);
    });
  }
}

test('after a decision, a page element focused by keyboard is never under "Cookie settings"', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  // Three screens of links, spaced out, each reached by Tab in turn.
  const links = Array.from({ length: 36 }, (_, i) => `<p><a href="#l${i}" id="l${i}">Link number ${i}</a></p>`);
  await pageWithCrumb(page, {
    attrs: DEMO_ATTRS,
    head: '<style>main p { margin: 0 0 36px }</style>',
    body: `<main><h1>Links</h1>${links.join('')}</main>`,
  });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(reopen(page)).toBeVisible();
  await animationsDone(page);
  const pill = (await reopen(page).boundingBox())!;
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeGreaterThan(3 * 600);
  await page.locator('#l0').focus();
  for (let i = 1; i < 36; i++) {
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe(`a "Link number ${i}"`);
    const link = (await page.locator(`#l${i}`).boundingBox())!;
    const under =
      link.x < pill.x + pill.width &&
      pill.x < link.x + link.width &&
      link.y < pill.y + pill.height &&
      pill.y < link.y + link.height;
    expect(under, `link ${i} at ${link.y}–${link.y + link.height}, the button at ${pill.y}`).toBe(false);
  }
  // The room is the button's only while it shows: gone under the open preferences, and back when they close.
  const padding = () => page.evaluate(() => document.documentElement.style.scrollPaddingBottom);
  expect(Number.parseFloat(await padding())).toBeGreaterThanOrEqual(600 - pill.y);
  await reopen(page).click();
  await expect(dialog(page)).toBeVisible();
  await expect.poll(padding).toBe('');
  await page.keyboard.press('Escape');
  await expect(reopen(page)).toBeVisible();
  await expect.poll(async () => Number.parseFloat(await padding())).toBeGreaterThanOrEqual(600 - pill.y);
});

test('a page with its own scroll-padding-bottom gets it back when "Cookie settings" hides', async ({ page }) => {
  await pageWithCrumb(page, {
    attrs: DEMO_ATTRS,
    head: `<script>document.documentElement.style.scrollPaddingBottom = '7px';</script>`,
  });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(reopen(page)).toBeVisible();
  const padding = () => page.evaluate(() => document.documentElement.style.scrollPaddingBottom);
  await expect.poll(padding).not.toBe('7px');
  await reopen(page).click();
  await expect(dialog(page)).toBeVisible();
  await expect.poll(padding).toBe('7px');
  await page.evaluate(() => (window as any).Crumb.reset());
  await expect(banner(page)).toBeVisible();
  await expect.poll(padding).not.toBe('7px');
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(reopen(page)).toBeVisible();
  await page.evaluate(() => (window as any).Crumb.open());
  await expect(dialog(page)).toBeVisible();
  await expect.poll(padding).toBe('7px');
});

// WCAG 2.4.11 on a page that scrolls in a box of its own (an app shell): the page's scroll padding does nothing
// there. Tab to a link that showed in `<main>`, but under the banner, scrolled nothing: it stayed hidden.
const SHELL = '<style>body { margin: 0 } main { height: 100vh; overflow: auto } main p { margin: 0 0 40px }</style>';
/** Links `#l<from>`… (each goes nowhere: following one scrolls nothing). */
const shellLinks = (from: number, to: number, attrs = (_i: number) => '') =>
  Array.from(
    { length: to - from },
    (_, k) => `<p${attrs(from + k)}><a href="#go${from + k}" id="l${from + k}">Link number ${from + k}</a></p>`,
  ).join('');
/** Where the element is, also in the page's web component, and how far `<main>` (or `box`) has scrolled. */
const at = (page: import('@playwright/test').Page, id: string, box = 'main') =>
  page.evaluate(
    ({ id, box }) => {
      const el = document.getElementById(id) || document.querySelector('x-links')!.shadowRoot!.getElementById(id);
      const r = el!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, scrolled: document.querySelector(box)!.scrollTop };
    },
    { id, box },
  );
/**
 * Scrolls `<main>` so that `#id` has its top at `y`, gives the link before it focus without scrolling, and presses
 * Tab: the browser, which sees `#id` in view, scrolls nothing. Returns where `#id` was.
 */
async function tabTo(page: import('@playwright/test').Page, id: string, y: number) {
  const was = await page
    .evaluate(
      ({ id, y }) => {
        const main = document.querySelector('main')!;
        main.scrollTop += document.getElementById(id)!.getBoundingClientRect().top - y;
        (document.getElementById(`l${Number(id.slice(1)) - 1}`) as HTMLElement).focus({ preventScroll: true });
      },
      { id, y },
    )
    .then(() => at(page, id));
  await page.keyboard.press('Tab');
  expect((await focused(page)).label).toBe(`a "Link number ${id.slice(1)}"`);
  return was;
}

// In `<main>`, or in `<body>` where `<html>` does not scroll (the page's padding is the window's, not the body's).
for (const [layout, style] of [
  ['<main>', ''],
  [
    '<body>',
    '<style>html { height: 100%; overflow: hidden } body { height: 100%; overflow: auto } main { height: auto }</style>',
  ],
]) {
  test(`a page that scrolls in its own box, ${layout}: every link Tab reaches ends clear of the banner, also in a web component`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await pageWithCrumb(page, {
      attrs: DEMO_ATTRS,
      head: `${SHELL}${style}<script>customElements.define('x-links', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML =
          '<style>p { margin: 0 0 40px }</style><p><a href="#go-s1" id="s1">Shadow link</a></p><slot></slot>';
      }
    });</script>`,
      body: `<main>${shellLinks(0, 12)}<x-links><p><a href="#go-s2" id="s2">Slotted link</a></p></x-links>${shellLinks(12, 20)}<p>Text, under the last link as deep as the banner is tall.</p><div style="height: 400px"></div></main>`,
    });
    await expect(banner(page)).toBeVisible();
    await animationsDone(page);
    const card = (await banner(page).boundingBox())!;
    const ids = [
      ...Array.from({ length: 12 }, (_, i) => `l${i}`),
      's1',
      's2',
      ...Array.from({ length: 8 }, (_, i) => `l${i + 12}`),
    ];
    const label = (id: string) =>
      id === 's1' ? 'a "Shadow link"' : id === 's2' ? 'a "Slotted link"' : `a "Link number ${id.slice(1)}"`;
    await page.locator('#l0').focus();
    for (const [k, id] of ids.entries()) {
      if (k) await page.keyboard.press('Tab');
      expect((await focused(page)).label).toBe(label(id));
      await expect
        .poll(async () => (await at(page, id)).bottom, `${id} clear of the banner, from ${card.y}`)
        .toBeLessThanOrEqual(card.y);
    }
    // And back up with Shift+Tab, onto a link the box shows under the banner (the browser, which sees it in view,
    // scrolls nothing): it is brought out too.
    const box = layout === '<main>' ? 'main' : 'body';
    await page.evaluate(
      ({ box, y }) => {
        const scroller = document.querySelector(box)!;
        scroller.scrollTop += document.getElementById('l16')!.getBoundingClientRect().top - y;
        document.getElementById('l17')!.focus({ preventScroll: true });
      },
      { box, y: card.y + 10 },
    );
    expect((await at(page, 'l16', box)).bottom).toBeGreaterThan(card.y);
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).label).toBe('a "Link number 16"');
    // Brought out by its box: the window has nothing to scroll in this layout. (Where it has, the browser scrolls it
    // for the page's scroll padding as Tab moves, before Crumb looks; Crumb never scrolls the page itself.)
    await expect.poll(async () => (await at(page, 'l16', box)).bottom).toBeLessThanOrEqual(card.y);
  });
}

test('a page that scrolls in its own box: a link under "Cookie settings" ends clear of it, one beside it is left alone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  // Every other link to the right, well away from the button in the bottom left corner.
  await pageWithCrumb(page, {
    attrs: DEMO_ATTRS,
    head: SHELL,
    body: `<main>${shellLinks(0, 30, (i) => (i % 2 ? ' style="padding-left: 400px"' : ''))}</main>`,
  });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(reopen(page)).toBeVisible();
  await animationsDone(page);
  const pill = (await reopen(page).boundingBox())!;
  for (const [id, y] of [
    ['l10', pill.y + 10],
    ['l12', pill.y - 8],
  ] as const) {
    const was = await tabTo(page, id, y);
    expect(was.left).toBeLessThan(pill.x + pill.width);
    await expect
      .poll(async () => (await at(page, id)).bottom, `${id}, from ${was.top}, clear of the button from ${pill.y}`)
      .toBeLessThanOrEqual(pill.y);
    // Brought out by just as much as leaves it 16px above, as the page's scroll padding does: no further.
    expect(Math.abs((await at(page, id)).bottom - (pill.y - 16))).toBeLessThanOrEqual(1);
  }
  // Beside it, at the same height: in full view already.
  const was = await tabTo(page, 'l15', pill.y + 10);
  expect(was.left).toBeGreaterThan(pill.x + pill.width);
  await page.waitForTimeout(200);
  expect(await at(page, 'l15')).toEqual(was);
});

test('a page that scrolls in its own box: a click, or a script that asked for no scrolling, moves nothing', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await pageWithCrumb(page, { attrs: DEMO_ATTRS, head: SHELL, body: `<main>${shellLinks(0, 30)}</main>` });
  await expect(banner(page)).toBeVisible();
  await animationsDone(page);
  const card = (await banner(page).boundingBox())!;
  // A link with its top 10 px above the banner, the rest under it: clicked there.
  const place = (id: string) =>
    page
      .evaluate(
        ({ id, y }) => {
          const main = document.querySelector('main')!;
          main.scrollTop += document.getElementById(id)!.getBoundingClientRect().top - y;
        },
        { id, y: card.y - 10 },
      )
      .then(() => at(page, id));
  const clicked = await place('l10');
  expect(clicked.bottom).toBeGreaterThan(card.y);
  await page.mouse.click(30, card.y - 5);
  expect((await focused(page)).label).toBe('a "Link number 10"');
  await page.waitForTimeout(200);
  expect(await at(page, 'l10')).toEqual(clicked);
  // The page's script focuses one, asking for no scrolling.
  const scripted = await place('l12');
  await page.evaluate(() => document.getElementById('l12')!.focus({ preventScroll: true }));
  expect((await focused(page)).label).toBe('a "Link number 12"');
  await page.waitForTimeout(200);
  expect(await at(page, 'l12')).toEqual(scripted);
  // The next Tab is the visitor's: that link is brought out.
  await tabTo(page, 'l14', card.y + 10);
  await expect.poll(async () => (await at(page, 'l14')).bottom).toBeLessThanOrEqual(card.y);
});

test("a page that scrolls in its own box: a bar of buttons sticky at the box's bottom, under the banner, is not scrolled for", async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await pageWithCrumb(page, {
    attrs: DEMO_ATTRS,
    head: `${SHELL}<style>.bar { position: sticky; bottom: 0; display: flex; gap: 8px; padding: 8px; background: #eee }</style>`,
    body: `<main>${shellLinks(0, 30)}<div class="bar"><button id="save">Save</button><button id="cancel">Cancel</button></div></main>`,
  });
  await expect(banner(page)).toBeVisible();
  await animationsDone(page);
  await page.evaluate(() => (document.getElementById('save') as HTMLElement).focus());
  const before = await at(page, 'save');
  // Tab from one to the other and back: neither moves with `<main>`, so `<main>` is left where it was.
  await page.keyboard.press('Tab');
  expect((await focused(page)).label).toBe('button "Cancel"');
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).label).toBe('button "Save"');
  await page.waitForTimeout(200);
  expect(await at(page, 'save')).toEqual(before);
});

test('a box with overflow: hidden is never scrolled; the box that scrolls around it is', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  // In `<main>`, a box that hides what overflows it: the link in it shows in it, what comes after it does not.
  await pageWithCrumb(page, {
    attrs: DEMO_ATTRS,
    head: `${SHELL}<style>.clip { height: 200px; overflow: hidden } .clip p { margin: 0 0 20px }</style>`,
    body: `<main>${shellLinks(0, 10)}<div class="clip"><p>Text.</p><p>Text.</p><p><a href="#go" id="l10">Link number 10</a></p>${'<p>Hidden text.</p>'.repeat(20)}</div>${shellLinks(11, 30)}</main>`,
  });
  await expect(banner(page)).toBeVisible();
  await animationsDone(page);
  const card = (await banner(page).boundingBox())!;
  await tabTo(page, 'l10', card.y + 10);
  await expect.poll(async () => (await at(page, 'l10')).bottom).toBeLessThanOrEqual(card.y);
  expect((await at(page, 'l10', '.clip')).scrolled).toBe(0);
  // A page whose `<main>` itself hides its overflow: left where it is, under the banner.
  await pageWithCrumb(page, {
    attrs: DEMO_ATTRS,
    head: `${SHELL}<style>main { overflow: hidden }</style>`,
    body: `<main>${shellLinks(0, 30)}</main>`,
  });
  await expect(banner(page)).toBeVisible();
  await animationsDone(page);
  const was = await tabTo(page, 'l10', card.y + 10);
  await page.waitForTimeout(200);
  expect(await at(page, 'l10')).toEqual(was);
});

test("a page that scrolls in its own box: Crumb writes nothing on it, and after the banner goes Tab is the browser's", async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await pageWithCrumb(page, {
    attrs: { ...DEMO_ATTRS, 'data-reopen-button': 'false' },
    head: `${SHELL}<script>addEventListener('DOMContentLoaded', () => {
      window.__changes = [];
      new MutationObserver((records) => window.__changes.push(...records.map((r) => r.attributeName)))
        .observe(document.querySelector('main'), { attributes: true });
    });</script>`,
    body: `<main style="scroll-padding-bottom: 7px; color: #111">${shellLinks(0, 30)}</main>`,
  });
  await expect(banner(page)).toBeVisible();
  await animationsDone(page);
  const card = (await banner(page).boundingBox())!;
  await tabTo(page, 'l10', card.y + 10);
  await expect.poll(async () => (await at(page, 'l10')).bottom).toBeLessThanOrEqual(card.y);
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(banner(page)).toBeHidden();
  // Where the banner was: in view, so the browser leaves it there, and so does Crumb now.
  const was = await tabTo(page, 'l14', card.y + 10);
  await page.waitForTimeout(200);
  expect(await at(page, 'l14')).toEqual(was);
  expect(await page.evaluate(() => document.querySelector('main')!.getAttribute('style'))).toBe(
    'scroll-padding-bottom: 7px; color: #111',
  );
  expect(await page.evaluate(() => (window as any).__changes)).toEqual([]);
});

test('the widget carries data-nosnippet and shows to automated browsers, in every state', async ({ page }) => {
  await minimalPage(page);
  expect(await page.evaluate(() => navigator.webdriver)).toBe(true);
  await expect(page.locator('#crumb')).toHaveAttribute('data-nosnippet', '');
  await expect(banner(page)).toHaveAttribute('data-nosnippet', '');
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toHaveAttribute('data-nosnippet', '');
  const snapshot = await widgetSnapshot(page);
  expect(snapshot.host).toBe('block');
});

test("a page's accessibility snapshot includes the widget: the banner, then the preferences", async ({ page }) => {
  await minimalPage(page);
  await expect(banner(page)).toBeVisible();
  await expect(page.locator('body')).toMatchAriaSnapshot(`
    - region "Cookie consent":
      - button "Accept all"
      - button "Reject all"
      - button "Customize"
  `);
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(page.locator('body')).toMatchAriaSnapshot(`
    - dialog "Privacy preferences":
      - button "Save choices"
  `);
});
