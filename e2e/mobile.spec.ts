// Phones and tablets (SPEC §3, REFERENCE "Accessibility"): touch scrolling around the banner and the preferences,
// and the safe area of a page that draws under an iPhone's notch and home indicator (`viewport-fit=cover`).
// Reflow, text size, zoom and target sizes are in a11y.spec.ts.

import type { CDPSession, Page } from '@playwright/test';
import { animationsDone, DEMO_ATTRS } from './a11y-helpers';
import { banner, dialog } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

/** A page long enough to scroll, as most are on a phone. */
const longPage = (page: Page, head = '') =>
  pageWithCrumb(page, {
    attrs: DEMO_ATTRS,
    head,
    body: `<main><h1>A long page</h1>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>'.repeat(80)}</main>`,
  });

/** Lets the page render twice, so a scroll the gesture caused has landed. */
const frames = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** A finger put down at (x, y) and moved `dy` px up, in ten steps, then lifted: the page's content follows it. */
async function drag(page: Page, cdp: CDPSession, x: number, y: number, dy: number) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - (dy * i) / 10 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page);
}

/** The middle of an element of the widget, and a point `down` px below its top. */
const point = (page: Page, selector: string, down?: number) =>
  page.evaluate(
    ([s, d]) => {
      const box = document.getElementById('crumb')!.shadowRoot!.querySelector(s)!.getBoundingClientRect();
      return {
        x: Math.round(box.left + box.width / 2),
        y: Math.round(d === -1 ? box.top + box.height / 2 : box.top + d),
      };
    },
    [selector, down ?? -1] as const,
  );

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

const reopen = (page: Page) => page.getByRole('button', { name: 'Cookie settings' });

test.describe('touch', () => {
  test.use({ viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  test('a finger drag on the banner scrolls the page under it: half a phone screen is never a dead zone', async ({
    page,
  }) => {
    const cdp = await page.context().newCDPSession(page);
    await longPage(page);
    await expect(banner(page)).toBeVisible();
    await animationsDone(page);
    // The banner has nothing of its own to scroll here: the gesture is the page's.
    const own = await banner(page).evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(own).toBe(0);
    const { x, y } = await point(page, '.banner', 20);
    await drag(page, cdp, x, y, 120);
    await expect.poll(() => scrollY(page)).toBeGreaterThan(60);
  });

  test('the preferences by touch: the list scrolls, and a drag on their head or buttons never scrolls the page behind', async ({
    page,
  }) => {
    const cdp = await page.context().newCDPSession(page);
    await longPage(page);
    await banner(page).getByRole('button', { name: 'Customize' }).tap();
    await expect(dialog(page)).toBeVisible();
    await animationsDone(page);

    const list = await point(page, '.dialog-body');
    await drag(page, cdp, list.x, list.y, 120);
    await expect
      .poll(() => dialog(page).evaluate((d) => d.querySelector('.dialog-body')!.scrollTop))
      .toBeGreaterThan(60);
    expect(await scrollY(page)).toBe(0);

    for (const part of ['.dialog-head', '.dialog-actions']) {
      const { x, y } = await point(page, part, 6);
      await drag(page, cdp, x, y, 100);
      // A page that moved behind the dialog would have done so while the finger did (100 px).
      expect(await scrollY(page), part).toBe(0);
    }

    // Tapping a switch toggles it; Save decides, by touch alone.
    const analytics = dialog(page).getByRole('checkbox', { name: 'Analytics' });
    await analytics.tap();
    await expect(analytics).toBeChecked();
    await dialog(page).getByRole('button', { name: 'Save choices' }).tap();
    await expect(dialog(page)).toBeHidden();
    await expect(reopen(page)).toBeVisible();
  });
});

test.describe('the safe area of a page with viewport-fit=cover', () => {
  const cover = '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">';
  /** An iPhone with a notch, upright and on its side: the insets it reports (CSS px). */
  const phones = [
    { name: 'upright, 375×812', width: 375, height: 812, insets: { top: 47, right: 0, bottom: 34, left: 0 } },
    { name: 'on its side, 812×375', width: 812, height: 375, insets: { top: 0, right: 47, bottom: 21, left: 47 } },
  ];
  test.use({ isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  for (const phone of phones) {
    test(`${phone.name}: the banner, the preferences and "Cookie settings" stay clear of the notch and the home indicator`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: phone.width, height: phone.height });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: phone.insets });
      await longPage(page, cover);
      const { top, right, bottom, left } = phone.insets;
      const safe = { left, top, right: phone.width - right, bottom: phone.height - bottom };
      /** Parts of the widget outside the safe area, as `selector: box`. */
      const outside = (selectors: string[]) =>
        page.evaluate(
          ([sels, area]) =>
            sels.flatMap((s) =>
              [...document.getElementById('crumb')!.shadowRoot!.querySelectorAll(s)].flatMap((el) => {
                const b = el.getBoundingClientRect();
                const out = b.left < area.left || b.top < area.top || b.right > area.right || b.bottom > area.bottom;
                return out ? [`${s}: ${[b.left, b.top, b.right, b.bottom].map(Math.round).join(',')}`] : [];
              }),
            ),
          [selectors, safe] as const,
        );

      await expect(banner(page)).toBeVisible();
      await animationsDone(page);
      expect(await outside(['.banner'])).toEqual([]);

      await banner(page).getByRole('button', { name: 'Customize' }).tap();
      await expect(dialog(page)).toBeVisible();
      await animationsDone(page);
      expect(await outside(['.dialog'])).toEqual([]);

      await dialog(page).getByRole('button', { name: 'Reject all' }).tap();
      await expect(reopen(page)).toBeVisible();
      await animationsDone(page);
      expect(await outside(['.reopen'])).toEqual([]);
    });
  }
});

// On a phone the preferences take all of the window but a margin: a tall phone (932 px) got the desktop's cap of
// 760 px when the safe-area rule replaced the phone's own height.
test('on a tall phone the preferences take all of its height but the margin', async ({ page }) => {
  await page.setViewportSize({ width: 430, height: 932 });
  await longPage(page);
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page)).toBeVisible();
  await animationsDone(page);
  const box = (await dialog(page).boundingBox())!;
  expect(box.height).toBeGreaterThan(900);
  expect(box.y).toBeGreaterThanOrEqual(8);
  expect(box.y + box.height).toBeLessThanOrEqual(932 - 8);
});
