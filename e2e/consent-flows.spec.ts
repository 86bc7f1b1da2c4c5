import { ALL_TRACKERS, banner, crumbState, dialog, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

test.describe('first visit and decisions', () => {
  test('no tracker is requested before a decision, on any demo page', async ({ page, trackers, consoleErrors }) => {
    for (const path of ['/', '/article.html', '/privacy.html']) {
      await page.goto(path);
      await expect(banner(page)).toBeVisible();
      await settle(page);
    }
    trackers.expectNone();
    expect(await page.context().cookies()).toEqual([]);
    expect(consoleErrors.filter((e) => e.source === 'pageerror')).toEqual([]);
  });

  test('Accept all requests each of the four trackers exactly once, and again once on the next page', async ({
    page,
    trackers,
  }) => {
    await page.goto('/');
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(banner(page)).toBeHidden();
    await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
    await settle(page);
    for (const vendor of ['google-analytics', 'facebook', 'twitter', 'leadlander'] as const)
      expect(trackers.count(vendor)).toBe(1);
    expect(trackers.requests.map((r) => r.url).sort()).toEqual([
      'https://connect.facebook.net/en_US/fbevents.js',
      'https://lltrck.com/scripts/lt-v3.js?llid=19428',
      'https://static.ads-twitter.com/uwt.js',
      'https://www.googletagmanager.com/gtag/js?id=G-CRUMBDEMO1',
    ]);

    // A stored acceptance loads them on later pages without a click, still once each.
    trackers.clear();
    await page.goto('/article.html');
    await expect.poll(() => trackers.count()).toBe(4);
    await settle(page);
    expect(trackers.count()).toBe(4);
    await expect(banner(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
  });

  test('Reject all requests nothing, on this page and the next', async ({ page, trackers }) => {
    await page.goto('/');
    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(banner(page)).toBeHidden();
    await settle(page);
    await page.goto('/article.html');
    await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
    await expect(banner(page)).toBeHidden();
    await settle(page);
    trackers.expectNone();
    const state = await crumbState(page);
    expect(state).toMatchObject({
      decided: true,
      source: 'banner',
      categories: { necessary: true, analytics: false, marketing: false },
    });
  });

  test('Customize with Analytics only loads Google Analytics only', async ({ page, trackers }) => {
    await pageWithCrumb(page, { attrs: ALL_TRACKERS });
    await banner(page).getByRole('button', { name: 'Customize' }).click();
    const prefs = dialog(page);
    await expect(prefs).toBeVisible();
    await expect(prefs).toHaveAttribute('aria-modal', 'true');
    // Nothing pre-ticked; Necessary checked and disabled.
    await expect(prefs.getByRole('checkbox', { name: 'Necessary' })).toBeChecked();
    await expect(prefs.getByRole('checkbox', { name: 'Necessary' })).toBeDisabled();
    for (const name of ['Analytics', 'Marketing'])
      await expect(prefs.getByRole('checkbox', { name, exact: true })).not.toBeChecked();
    for (const name of ['Google Analytics', 'LeadLander', 'X (Twitter)', 'Facebook'])
      await expect(prefs.getByRole('switch', { name, exact: true })).not.toBeChecked();

    await prefs.getByRole('checkbox', { name: 'Analytics', exact: true }).check();
    await expect(prefs.getByRole('switch', { name: 'Google Analytics' })).toBeChecked();
    await prefs.getByRole('button', { name: 'Save choices' }).click();
    await expect(prefs).toBeHidden();
    await expect.poll(() => trackers.vendors()).toEqual(['google-analytics']);
    await settle(page);
    expect(trackers.vendors()).toEqual(['google-analytics']);
    expect(await crumbState(page)).toMatchObject({
      source: 'preferences',
      categories: { analytics: true, marketing: false },
      services: { 'google-analytics': true, leadlander: false, twitter: false, facebook: false },
    });
  });

  test('a single service can be granted without its category', async ({ page, trackers }) => {
    await pageWithCrumb(page, { attrs: ALL_TRACKERS });
    await banner(page).getByRole('button', { name: 'Customize' }).click();
    await dialog(page).getByRole('switch', { name: 'Facebook' }).check();
    await dialog(page).getByRole('button', { name: 'Save choices' }).click();
    await expect.poll(() => trackers.vendors()).toEqual(['facebook']);
    await settle(page);
    expect(trackers.vendors()).toEqual(['facebook']);
    expect((await crumbState(page)).categories.marketing).toBe(false);
  });

  test('the dialog closes with Escape without deciding and gives focus back', async ({ page, trackers }) => {
    await pageWithCrumb(page, { attrs: ALL_TRACKERS });
    const customize = banner(page).getByRole('button', { name: 'Customize' });
    await customize.focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(customize).toBeFocused();
    await expect(banner(page)).toBeVisible();
    expect((await crumbState(page)).decided).toBe(false);
    trackers.expectNone();
  });

  test('"Cookie settings" and [data-crumb-open] reopen the preferences, where a choice can be changed', async ({
    page,
    trackers,
  }) => {
    await page.goto('/privacy.html');
    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    await page.getByRole('button', { name: 'Manage cookies' }).click();
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page)).toContainText((await crumbState(page)).id);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await expect(dialog(page)).toBeHidden();

    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await dialog(page).getByRole('checkbox', { name: 'Marketing' }).check();
    await dialog(page).getByRole('button', { name: 'Save choices' }).click();
    await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'leadlander', 'twitter']);
  });

  test('data-reopen-button="false" hides the floating button', async ({ page }) => {
    await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-reopen-button': 'false' } });
    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(banner(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Cookie settings' })).toHaveCount(0);
  });

  test('the widget lives in an open shadow root on #crumb with data-nosnippet, and shows under webdriver', async ({
    page,
  }) => {
    await page.goto('/');
    expect(await page.evaluate(() => navigator.webdriver)).toBe(true);
    const host = page.locator('body > #crumb');
    await expect(host).toHaveAttribute('data-nosnippet', '');
    expect(await host.evaluate((el) => el.shadowRoot?.mode)).toBe('open');
    await expect(banner(page)).toBeVisible();
  });
});
