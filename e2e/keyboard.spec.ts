// Keyboard only (WCAG 2.1.1, 2.4.3; APG modal dialog): every flow with Tab, Shift+Tab, Enter, Space and Escape, the
// focused element checked at each step, in the real browser.
import type { Page } from '@playwright/test';
import { DEMO_ATTRS, focused } from './a11y-helpers';
import { ALL_TRACKERS, banner, crumbState, dialog } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

const PAGE = `<header><a href="#top" id="home">Home</a></header>
<main><h1>Keyboard</h1><p><button type="button" id="manage" data-crumb-open>Manage cookies</button></p></main>`;

const open = (page: Page) => pageWithCrumb(page, { attrs: DEMO_ATTRS, body: PAGE });
const press = async (page: Page, key: string) => {
  await page.keyboard.press(key);
  return (await focused(page)).label;
};

test('the first Tab reaches the banner, its controls in reading order, and Tab leaves it: no trap', async ({
  page,
}) => {
  await open(page);
  await expect(banner(page)).toBeVisible();
  expect((await focused(page)).label).toMatch(/^body /);
  expect(await press(page, 'Tab')).toBe('a "Privacy policy"');
  expect(await press(page, 'Tab')).toBe('button "Accept all"');
  expect(await press(page, 'Tab')).toBe('button "Reject all"');
  expect(await press(page, 'Tab')).toBe('button "Customize"');
  await page.keyboard.press('Tab');
  expect((await focused(page)).inWidget).toBe(false);
  // Shift+Tab comes back into the banner from where the page's order continues.
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).label).toBe('button "Customize"');
});

test('Tab goes on from the banner into the page, and from where a click in the page left off', async ({ page }) => {
  await open(page);
  await expect(banner(page)).toBeVisible();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  // Past "Customize", out of the banner: the page's own controls come next, not the banner again.
  expect((await focused(page)).inWidget).toBe(false);
  expect(await press(page, 'Tab')).toBe('a "Home"');
  expect(await press(page, 'Tab')).toBe('button "Manage cookies"');

  // A fresh page: a click on its heading, then Tab, goes to the control after it, as the browser does.
  await open(page);
  await expect(banner(page)).toBeVisible();
  await page.getByRole('heading', { name: 'Keyboard' }).click();
  expect(await press(page, 'Tab')).toBe('button "Manage cookies"');
});

test('the preferences by keyboard: focus moves in, Tab and Shift+Tab wrap, Escape closes without deciding', async ({
  page,
}) => {
  await open(page);
  await banner(page).getByRole('button', { name: 'Customize' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  // Focus starts on the dialog's title, so a screen reader reads where it is.
  expect((await focused(page)).label).toBe('h2 "Privacy preferences"');
  expect((await focused(page)).inDialog).toBe(true);

  // Forward through every control: it ends on Save choices and wraps to Close, never leaving the dialog.
  const seen: string[] = [];
  for (let i = 0; i < 20; i++) {
    const now = await focused(page);
    expect(now.inDialog, `step ${i}: ${now.label}`).toBe(true);
    if (now.label === 'button "Save choices"') break;
    seen.push(await press(page, 'Tab'));
  }
  expect(seen[0]).toBe('button "Close"');
  expect(seen).toContain('input[switch] "Google Analytics"');
  expect(seen).toContain('a "Facebook privacy policy"');
  expect(await press(page, 'Tab')).toBe('button "Close"');
  // Backwards from the first control wraps to the last.
  expect(await press(page, 'Shift+Tab')).toBe('button "Save choices"');

  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  expect((await crumbState(page)).decided).toBe(false);
  expect((await focused(page)).label).toBe('button "Customize"');
  await expect(banner(page)).toBeVisible();
});

test('deciding by keyboard: Space ticks, Enter saves, focus lands on "Cookie settings", which reopens with Enter', async ({
  page,
}) => {
  await open(page);
  await banner(page).getByRole('button', { name: 'Customize' }).focus();
  await page.keyboard.press('Enter');
  await dialog(page).getByRole('checkbox', { name: 'Analytics', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(dialog(page).getByRole('checkbox', { name: 'Analytics', exact: true })).toBeChecked();
  await dialog(page).getByRole('button', { name: 'Save choices' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
  expect((await crumbState(page)).categories).toEqual({ necessary: true, analytics: true, marketing: false });
  // The dialog's opener (Customize) went with the banner: focus goes to the way back in.
  await expect.poll(async () => (await focused(page)).label).toBe('button "Cookie settings"');

  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('checkbox', { name: 'Analytics', exact: true })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await focused(page)).label).toBe('button "Cookie settings"');
});

test('Reject all by keyboard in the banner moves focus to "Cookie settings", not to the top of the page', async ({
  page,
}) => {
  await open(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await press(page, 'Tab')).toBe('button "Reject all"');
  await page.keyboard.press('Enter');
  await expect(banner(page)).toBeHidden();
  expect((await crumbState(page)).decided).toBe(true);
  await expect.poll(async () => (await focused(page)).label).toBe('button "Cookie settings"');
});

test('a page control with data-crumb-open opens the preferences by keyboard, and gets focus back', async ({ page }) => {
  await open(page);
  await page.locator('#manage').focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect.poll(async () => (await focused(page)).label).toBe('button "Manage cookies"');
});

test('preferences left open while another tab decides close, so they never show a choice that is not stored', async ({
  context,
}) => {
  const attrs = { ...ALL_TRACKERS, 'data-reload-on-withdraw': 'false' };
  const one = await context.newPage();
  await pageWithCrumb(one, { attrs, body: PAGE, path: 'two-tabs' });
  await banner(one).getByRole('button', { name: 'Accept all' }).click();
  await one.getByRole('button', { name: 'Cookie settings' }).click();
  await expect(dialog(one).getByRole('switch', { name: 'Facebook' })).toBeChecked();

  const two = await context.newPage();
  await pageWithCrumb(two, { attrs, body: PAGE, path: 'two-tabs' });
  await two.getByRole('button', { name: 'Cookie settings' }).click();
  await dialog(two).getByRole('button', { name: 'Reject all' }).click();
  await expect.poll(async () => (await crumbState(one)).categories.marketing).toBe(false);

  // The first tab's preferences showed everything on, beside the refusal's consent ID: Save would have undone it.
  await expect(dialog(one)).toBeHidden();
  await expect.poll(async () => (await focused(one)).label).toBe('button "Cookie settings"');
  await one.getByRole('button', { name: 'Cookie settings' }).click();
  await expect(dialog(one).getByRole('switch', { name: 'Facebook' })).not.toBeChecked();
  await expect(dialog(one).getByRole('checkbox', { name: 'Marketing', exact: true })).not.toBeChecked();
  await expect(dialog(one).locator('code').last()).toHaveText((await crumbState(two)).id);
});
