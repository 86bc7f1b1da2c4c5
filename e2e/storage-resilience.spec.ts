import { ALL_TRACKERS, banner, crumbReady, crumbState, crumbWarnings, settle, testOrigin } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

const consentCookie = async (page: import('@playwright/test').Page) =>
  (await page.context().cookies()).find((c) => c.name === 'crumb_consent');

test('a lost cookie is restored silently from a valid localStorage mirror (Safari 7-day cap)', async ({
  page,
  context,
  trackers,
}) => {
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'restore' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  const id = (await crumbState(page)).id;
  const mirror = await page.evaluate(() => localStorage.getItem('crumb_consent'));
  await context.clearCookies({ name: 'crumb_consent' });
  trackers.clear();

  await page.reload();
  await crumbReady(page);
  await expect(banner(page)).toHaveCount(0);
  expect((await crumbState(page)).id).toBe(id);
  expect(decodeURIComponent((await consentCookie(page))?.value ?? '')).toBe(mirror);
  await expect.poll(() => trackers.count()).toBe(4);
});

test('neither store can resurrect an expired choice', async ({ page, context, trackers }) => {
  await page.clock.install({ time: new Date('2026-03-01T12:00:00Z') });
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-expiry-days': '10' }, path: 'no-resurrect' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  // Eleven days on, the browser drops the cookie (the open page, which watches it, finds only the expired mirror).
  await page.clock.setSystemTime(new Date('2026-03-12T12:00:00Z'));
  await context.clearCookies({ name: 'crumb_consent' });
  trackers.clear();
  await page.reload();
  await expect(banner(page)).toBeVisible();
  expect(await consentCookie(page)).toBeUndefined();
  await settle(page);
  trackers.expectNone();
});

const UNREADABLE: Record<string, string> = {
  garbage: 'not a record at all',
  'unknown version': '2|AAAAAAAAAAAAAAAAAAAAAA|tow9w0|1|am||b',
  'missing fields': '1|AAAAAAAAAAAAAAAAAAAAAA|tow9w0|1',
  'wrong-typed field': '1|AAAAAAAAAAAAAAAAAAAAAA|NOT-A-TIME|1|am||b',
  'forged categories': '1|AAAAAAAAAAAAAAAAAAAAAA|tow9w0|1|amx||b',
  '4 KB junk': 'x'.repeat(4000),
  'prototype pollution': '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
};

for (const [name, value] of Object.entries(UNREADABLE)) {
  test(`an unreadable stored value (${name}) counts as no decision, with one warning, and is overwritten`, async ({
    page,
    context,
    trackers,
    consoleErrors,
  }) => {
    const warnings = crumbWarnings(page);
    await context.addCookies([{ name: 'crumb_consent', value: encodeURIComponent(value), url: 'http://127.0.0.1/' }]);
    await context.addInitScript((v) => {
      if (!sessionStorage.getItem('seeded')) localStorage.setItem('crumb_consent', v);
      sessionStorage.setItem('seeded', '1');
    }, value);
    await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'unreadable' });
    await expect(banner(page)).toBeVisible();
    // The sentence comes with the diagnostics chunk, a moment after the banner.
    await expect.poll(() => warnings.length).toBe(1);
    expect(warnings[0]).toMatch(/^Crumb: the stored consent could not be read: .+; the banner asks again\.$/);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
    await settle(page);
    trackers.expectNone();

    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    const stored = decodeURIComponent((await consentCookie(page))?.value ?? '');
    expect(stored).toMatch(/^1\|[A-Za-z0-9_-]{22}\|/);
    expect(await page.evaluate(() => localStorage.getItem('crumb_consent'))).toBe(stored);
    expect(consoleErrors.filter((e) => e.source === 'pageerror')).toEqual([]);
  });
}

/** SPEC §4: a forged or expired record counts as no decision, with one warning that says why. */
const NO_LONGER: Record<string, [number, RegExp]> = {
  'forged: its time lies in the future': [30, /its time lies in the future/],
  'expired: older than the expiry': [-200, /it is older than 182 days/],
};

for (const [name, [days, why]] of Object.entries(NO_LONGER)) {
  test(`a stored acceptance that is ${name} counts as no decision, with one warning`, async ({
    page,
    context,
    trackers,
    consoleErrors,
  }) => {
    const warnings = crumbWarnings(page);
    const time = Math.floor(Date.now() / 1000 + days * 86_400).toString(36);
    await context.addCookies([
      { name: 'crumb_consent', value: `1|AAAAAAAAAAAAAAAAAAAAAA|${time}|1|am||b`, url: 'http://127.0.0.1/' },
    ]);
    await pageWithCrumb(page, { attrs: ALL_TRACKERS });
    await expect(banner(page)).toBeVisible();
    await expect.poll(() => warnings.length).toBe(1);
    expect(warnings[0]).toMatch(/^Crumb: the stored consent no longer counts: .+; the banner asks again\.$/);
    expect(warnings[0]).toMatch(why);
    expect((await crumbState(page)).decided).toBe(false);
    await settle(page);
    trackers.expectNone();
    expect(warnings).toHaveLength(1);
    expect(consoleErrors.filter((e) => e.source === 'pageerror')).toEqual([]);
  });
}

test('storage that throws everywhere: the page works and the choice holds for the page from memory', async ({
  page,
  trackers,
  consoleErrors,
}) => {
  await page.addInitScript(() => {
    const fail = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(Document.prototype, 'cookie', { get: fail, set: fail, configurable: true });
    Object.defineProperty(window, 'localStorage', { get: fail, configurable: true });
  });
  const warnings = crumbWarnings(page);
  await pageWithCrumb(page, { attrs: ALL_TRACKERS });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(banner(page)).toBeHidden();
  await expect.poll(() => trackers.count()).toBe(4);
  expect((await crumbState(page)).decided).toBe(true);
  expect(warnings).toEqual([
    'Crumb: this browser refuses cookies and localStorage here; the choice holds for this page only.',
  ]);
  expect(consoleErrors.filter((e) => e.source === 'pageerror')).toEqual([]);
});

test('localStorage.setItem throwing QuotaExceededError: the cookie still keeps the choice', async ({
  page,
  trackers,
  consoleErrors,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
  });
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'quota' });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await page.reload();
  await crumbReady(page);
  await expect(banner(page)).toHaveCount(0);
  await settle(page);
  trackers.expectNone();
  expect(consoleErrors.filter((e) => e.source === 'pageerror')).toEqual([]);
});

test('data-cookie-domain shares the choice between sibling subdomains', async ({ page, baseURL }) => {
  const attrs = { ...ALL_TRACKERS, 'data-cookie-domain': '.example.test' };
  await pageWithCrumb(page, { attrs, origin: testOrigin(baseURL, 'shop.example.test'), path: 'shared' });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  const id = (await crumbState(page)).id;
  const cookie = (await page.context().cookies()).find((c) => c.name === 'crumb_consent');
  expect(cookie?.domain).toBe('.example.test');

  await pageWithCrumb(page, { attrs, origin: testOrigin(baseURL, 'blog.example.test'), path: 'shared' });
  await crumbReady(page);
  await expect(banner(page)).toHaveCount(0);
  expect((await crumbState(page)).id).toBe(id);
});

test('a decision in one tab applies in the other open tabs without a reload', async ({ context, trackers }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await pageWithCrumb(one, { attrs: ALL_TRACKERS, path: 'tabs' });
  await pageWithCrumb(two, { attrs: ALL_TRACKERS, path: 'tabs' });
  await two.evaluate(() => {
    (window as any).changes = [];
    window.addEventListener('crumb:change', (e) => (window as any).changes.push((e as CustomEvent).detail.source));
  });
  await expect(banner(two)).toBeVisible();

  await banner(one).getByRole('button', { name: 'Accept all' }).click();
  await expect(banner(two)).toBeHidden();
  await expect(two.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
  expect((await crumbState(two)).id).toBe((await crumbState(one)).id);
  expect(await two.evaluate(() => (window as any).changes)).toEqual(['banner']);
  // Each tab loads each tracker once for itself.
  await expect.poll(() => trackers.count()).toBe(8);
  await settle(two);
  for (const vendor of ['google-analytics', 'facebook', 'twitter', 'leadlander'] as const)
    expect(trackers.count(vendor)).toBe(2);
});

test('localStorage refusing writes (quota, private modes): the other open tabs still follow a decision, by the cookie', async ({
  context,
}) => {
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
  });
  const one = await context.newPage();
  const two = await context.newPage();
  await pageWithCrumb(one, { attrs: { 'data-reload-on-withdraw': 'false' }, path: 'quota-tabs' });
  await pageWithCrumb(two, { attrs: { 'data-reload-on-withdraw': 'false' }, path: 'quota-tabs' });
  await expect(banner(two)).toBeVisible();
  // No localStorage event comes: tab two looks at the cookie as it comes back into view (headless Chromium does not
  // signal it on its own: the event is sent).
  const intoView = () => two.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await banner(one).getByRole('button', { name: 'Accept all' }).click();
  await intoView();
  await expect(banner(two)).toBeHidden();
  expect((await crumbState(two)).id).toBe((await crumbState(one)).id);
  await one.evaluate(() => (window as any).Crumb.reset());
  await intoView();
  await expect(banner(two)).toBeVisible();
  expect((await crumbState(two)).decided).toBe(false);
});
