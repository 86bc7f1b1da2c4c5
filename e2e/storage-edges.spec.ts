// Storage and tabs at their edges (issue "Storage that survives the real web"): cookies that could shadow the decision,
// a site clearing its own localStorage, withdrawals and receipts across tabs, and the Secure attribute on https.
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { ALL_TRACKERS, banner, crumbReady, crumbState, crumbWarnings, dialog, settle, testOrigin } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

test('a choice made before data-cookie-domain was set cannot come back after a newer one', async ({
  page,
  baseURL,
  trackers,
}) => {
  const origin = testOrigin(baseURL, 'shop.example.test');
  // Accepted while the site stored the choice for this host only…
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, origin, path: 'shadow' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  // …then the site shares it across its subdomains, and the visitor withdraws everything.
  const shared = { ...ALL_TRACKERS, 'data-cookie-domain': '.example.test', 'data-reload-on-withdraw': 'false' };
  await pageWithCrumb(page, { attrs: shared, origin, path: 'shadow' });
  await crumbReady(page);
  await page.getByRole('button', { name: 'Cookie settings', exact: true }).click();
  await dialog(page).getByRole('button', { name: 'Reject all' }).click();
  const refusal = (await crumbState(page)).id;
  // One crumb_consent is left, on the shared domain: the old host-only copy is gone and cannot shadow it.
  const copies = (await page.context().cookies()).filter((c) => c.name === 'crumb_consent');
  expect(copies.map((c) => c.domain)).toEqual(['.example.test']);

  trackers.clear();
  await pageWithCrumb(page, { attrs: shared, origin, path: 'shadow' });
  await crumbReady(page);
  expect(await crumbState(page)).toMatchObject({ id: refusal, categories: { analytics: false, marketing: false } });
  await settle(page);
  trackers.expectNone();
});

test("a reset on one subdomain is not undone by a sibling's localStorage copy", async ({ page, baseURL, trackers }) => {
  const shared = { ...ALL_TRACKERS, 'data-cookie-domain': '.example.test' };
  const b = testOrigin(baseURL, 'b.example.test');
  const a = testOrigin(baseURL, 'a.example.test');
  // Accepted on b: b's own localStorage keeps a copy; the cookie is shared with a.
  await pageWithCrumb(page, { attrs: shared, origin: b, path: 'reset' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.count()).toBe(4);
  // On a, the visitor forgets the choice.
  await pageWithCrumb(page, { attrs: shared, origin: a, path: 'reset' });
  await crumbReady(page);
  await page.evaluate(() => (window as any).Crumb.reset());
  await expect(banner(page)).toBeVisible();

  // Back on b: its copy must not bring the acceptance back, nor any tracker.
  trackers.clear();
  await pageWithCrumb(page, { attrs: shared, origin: b, path: 'reset' });
  await expect(banner(page)).toBeVisible();
  expect((await crumbState(page)).decided).toBe(false);
  expect(await page.evaluate(() => localStorage.getItem('crumb_consent'))).toBeNull();
  await settle(page);
  trackers.expectNone();
  // And a new choice on b holds on a as usual.
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await pageWithCrumb(page, { attrs: shared, origin: a, path: 'reset' });
  await crumbReady(page);
  expect(await crumbState(page)).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } });
});

test('a site clearing its own localStorage in one tab is not a withdrawal in the others', async ({
  context,
  trackers,
}) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await pageWithCrumb(one, { attrs: ALL_TRACKERS, path: 'clear' });
  await banner(one).getByRole('button', { name: 'Accept all' }).click();
  await pageWithCrumb(two, { attrs: ALL_TRACKERS, path: 'clear' });
  await crumbReady(two);
  const id = (await crumbState(two)).id;
  await expect.poll(() => trackers.count()).toBe(8);
  await two.evaluate(() => {
    (window as any).changes = 0;
    window.addEventListener('crumb:change', () => (window as any).changes++);
  });

  await one.evaluate(() => localStorage.clear());
  await settle(two);
  // Tab two keeps the decision the cookie still holds: no change, no cleanup, no reload.
  expect(await two.evaluate(() => (window as any).changes)).toBe(0);
  expect((await crumbState(two)).id).toBe(id);
  expect((await context.cookies()).some((c) => c.name === 'crumb_consent')).toBe(true);
});

test('a withdrawal in one tab reloads the other tab where the trackers ran, and nothing withdrawn loads again', async ({
  context,
  trackers,
}) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await pageWithCrumb(one, { attrs: ALL_TRACKERS, path: 'withdraw-tabs' });
  await banner(one).getByRole('button', { name: 'Accept all' }).click();
  await pageWithCrumb(two, { attrs: ALL_TRACKERS, path: 'withdraw-tabs' });
  await crumbReady(two);
  await two.evaluate(() => {
    (window as any).sameDocument = true;
  });
  await expect.poll(() => trackers.count()).toBe(8);

  trackers.clear();
  const reloaded = two.waitForEvent('load');
  await one.getByRole('button', { name: 'Cookie settings', exact: true }).click();
  await dialog(one).getByRole('button', { name: 'Reject all' }).click();
  await reloaded;
  await crumbReady(two);
  expect(await two.evaluate(() => (window as any).sameDocument)).toBeUndefined();
  expect((await crumbState(two)).categories).toEqual({ necessary: true, analytics: false, marketing: false });
  await settle(two);
  trackers.expectNone();
});

/** Receipts the demo endpoint stored for some consent IDs. */
async function receiptsFor(request: APIRequestContext, ids: (string | null)[]) {
  const { receipts } = await (await request.get('/api/receipts?limit=200')).json();
  return receipts.filter((r: { id: string }) => ids.includes(r.id));
}

test('one receipt per decision, however many tabs follow it', async ({ context, request }) => {
  const attrs = { ...ALL_TRACKERS, 'data-receipt-url': '/api/receipts', 'data-reload-on-withdraw': 'false' };
  const tabs = await Promise.all([context.newPage(), context.newPage(), context.newPage()]);
  for (const tab of tabs) await pageWithCrumb(tab, { attrs, path: 'receipt-tabs' });
  await banner(tabs[0]).getByRole('button', { name: 'Accept all' }).click();
  for (const tab of tabs.slice(1)) await expect(banner(tab)).toBeHidden();
  const accepted = (await crumbState(tabs[0])).id;
  await tabs[1].evaluate(() => (window as any).Crumb.set({ marketing: false }));
  await expect.poll(async () => (await crumbState(tabs[2])).categories.marketing).toBe(false);
  const partial = (await crumbState(tabs[1])).id;

  await expect.poll(async () => (await receiptsFor(request, [accepted, partial])).length).toBe(2);
  for (const tab of tabs) await settle(tab);
  const receipts = await receiptsFor(request, [accepted, partial]);
  expect(receipts.map((r: { type: string }) => r.type).sort()).toEqual(['acceptance', 'withdrawal']);
});

/**
 * Two tabs on `origin` (the demo's when not given): one accepts, then refuses marketing; the other follows both and is
 * never told (the Cookie Store API's event) that the cookie was deleted.
 */
async function decideInOneWrite(context: BrowserContext, attrs: Record<string, string>, path: string, origin?: string) {
  const [one, two] = await Promise.all([context.newPage(), context.newPage()]);
  await two.addInitScript(() => {
    (window as any).__gone = [];
    (window as any).cookieStore?.addEventListener('change', (e: any) => {
      for (const c of e.deleted) (window as any).__gone.push(c.name);
    });
  });
  for (const tab of [one, two]) await pageWithCrumb(tab, { attrs, origin, path });
  expect(await two.evaluate(() => 'cookieStore' in window)).toBe(true);
  await banner(one).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(async () => (await crumbState(two)).categories.marketing).toBe(true);
  await one.evaluate(() => (window as any).Crumb.set({ marketing: false }));
  await expect.poll(async () => (await crumbState(two)).categories.marketing).toBe(false);
  await settle(two);
  expect(await two.evaluate(() => (window as any).__gone)).toEqual([]);
}

// A decision's write expired the cookie and then set it again: for a moment there was none, and another tab that heard
// of that (the Cookie Store API's event) restored its own older choice from the mirror, over the new one.
test('a decision replaces the cookie in one write: the other tabs never see it gone', async ({ context }) => {
  await decideInOneWrite(context, { ...ALL_TRACKERS, 'data-reload-on-withdraw': 'false' }, 'one-write');
});

// Browsers keep a cookie's domain in lower case: with `data-cookie-domain=".Example.TEST"`, the write took its own copy
// (`Domain=example.test`) for another one and expired it first.
test('a decision replaces the cookie in one write whatever the case of data-cookie-domain', async ({ context }) => {
  const attrs = { ...ALL_TRACKERS, 'data-reload-on-withdraw': 'false', 'data-cookie-domain': '.Example.TEST' };
  const origin = 'https://shop.example.test';
  await decideInOneWrite(context, attrs, 'one-write-domain', origin);
  const cookies = (await context.cookies(origin)).filter((c) => c.name === 'crumb_consent');
  expect(cookies.map((c) => c.domain)).toEqual(['.example.test']);
});

test('on https the cookie is Secure, and the choice holds', async ({ page, context }) => {
  // Served through Playwright (no certificate needed), as an https origin of the test domain.
  const origin = 'https://secure.example.test';
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, origin, path: 'secure' });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  const cookie = (await context.cookies(origin)).find((c) => c.name === 'crumb_consent');
  expect(cookie).toMatchObject({ secure: true, sameSite: 'Lax', path: '/' });
  await page.reload();
  await crumbReady(page);
  await expect(banner(page)).toHaveCount(0);
});

test('a revision label with spaces, slashes or accents is read back: the choice holds on the next page', async ({
  page,
  trackers,
}) => {
  const warnings = crumbWarnings(page);
  const attrs = { ...ALL_TRACKERS, 'data-revision': 'policy/3 (été) 100%' };
  await pageWithCrumb(page, { attrs, path: 'revision' });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  const { id } = await crumbState(page);
  await pageWithCrumb(page, { attrs, path: 'revision' });
  await crumbReady(page);
  expect(await crumbState(page)).toMatchObject({ decided: true, id, revision: 'policy/3 (été) 100%' });
  await settle(page);
  await expect(banner(page)).toBeHidden();
  expect(warnings).toEqual([]);
  trackers.expectNone();
});

test("a host-only copy from before data-cookie-domain cannot shadow a sibling subdomain's newer refusal", async ({
  page,
  baseURL,
  trackers,
}) => {
  const www = testOrigin(baseURL, 'www.example.test');
  const shop = testOrigin(baseURL, 'shop.example.test');
  // Accepted on www while the site kept the choice per host…
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, origin: www, path: 'sibling' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  // …then the site shares it, and the visitor refuses on shop (which cannot remove www's host-only copy).
  const shared = { ...ALL_TRACKERS, 'data-cookie-domain': '.example.test' };
  await pageWithCrumb(page, { attrs: shared, origin: shop, path: 'sibling' });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  const refusal = (await crumbState(page)).id;

  trackers.clear();
  await pageWithCrumb(page, { attrs: shared, origin: www, path: 'sibling' });
  await crumbReady(page);
  expect(await crumbState(page)).toMatchObject({ id: refusal, categories: { analytics: false, marketing: false } });
  // The widget writes the copy that holds again, which removes the old one.
  await expect
    .poll(async () =>
      (await page.context().cookies(www)).filter((c) => c.name === 'crumb_consent').map((c) => c.domain),
    )
    .toEqual(['.example.test']);
  await settle(page);
  trackers.expectNone();
});

for (const scheme of ['https', 'http'] as const)
  test(`with data-cookie-domain, an open tab on a sibling subdomain follows a decision and a withdrawal (${scheme})`, async ({
    context,
    baseURL,
    trackers,
  }) => {
    const shared = { ...ALL_TRACKERS, 'data-cookie-domain': '.example.test', 'data-reload-on-withdraw': 'false' };
    // https (served through Playwright) is a secure context: the Cookie Store API tells the tab at once. Over http it
    // looks again when it comes into view, which headless Chromium does not signal on its own: the event is sent.
    const origin = (host: string) => (scheme === 'https' ? `https://${host}` : testOrigin(baseURL, host));
    const intoView = async (page: Page) => {
      if (scheme === 'http') await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    };
    const a = await context.newPage();
    const b = await context.newPage();
    await pageWithCrumb(a, { attrs: shared, origin: origin('www.example.test'), path: 'follow' });
    await pageWithCrumb(b, { attrs: shared, origin: origin('shop.example.test'), path: 'follow' });
    await expect(banner(b)).toBeVisible();
    expect(await b.evaluate(() => 'cookieStore' in window)).toBe(scheme === 'https');
    await banner(a).getByRole('button', { name: 'Accept all' }).click();
    const { id } = await crumbState(a);
    await intoView(b);
    await expect(banner(b)).toBeHidden();
    expect(await crumbState(b)).toMatchObject({ decided: true, id, categories: { analytics: true, marketing: true } });
    await expect.poll(() => trackers.count()).toBe(8);

    await a.evaluate(() => (window as any).Crumb.rejectAll());
    await intoView(b);
    await expect.poll(() => b.evaluate(() => (window as any).Crumb.get().categories.analytics)).toBe(false);
    expect(await b.evaluate(() => (window as any)['ga-disable-G-CRUMBTEST1'])).toBe(true);
  });

test('with data-cookie-domain, a choice too long to store holds for the page: its own reset mark is not another tab', async ({
  page,
}) => {
  // Eight services granted one by one, under a 64-character revision: no record of that fits under 300 characters.
  const services = Array.from({ length: 8 }, (_, i) => ({
    id: `service-number-${i}-${'x'.repeat(14)}`,
    name: `Service ${i}`,
    category: 'marketing',
  }));
  const head = `<script type="application/json" data-crumb-config>${JSON.stringify({ services })}</script>`;
  const attrs = {
    'data-leadlander': '19428',
    'data-revision': 'r'.repeat(64),
    'data-cookie-domain': '.example.test',
  };
  const tooLong: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('300 characters')) tooLong.push(m.text());
  });
  await pageWithCrumb(page, { attrs, head, origin: 'https://www.example.test', path: 'too-long' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await page.evaluate(() => {
    (window as any).stayed = true;
  });
  const grant = Object.fromEntries(services.map((s, i) => [s.id, i < 7]));
  await page.evaluate((g) => (window as any).Crumb.set({ services: g }), grant);
  // The Cookie Store API tells the page of its own write; it also looks again as it comes back into focus.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await settle(page);
  expect(await page.evaluate(() => (window as any).stayed)).toBe(true);
  const state = await crumbState(page);
  expect(state.decided).toBe(true);
  expect(state.services).toMatchObject({ leadlander: true, [services[6].id]: true, [services[7].id]: false });
  await expect(banner(page)).toBeHidden();
  expect(tooLong).toHaveLength(1);
});

test("a reset in one tab stays a reset when another tab's cookie jar catches up late", async ({ context }) => {
  // Chromium sends a tab's cookie and localStorage writes to two services, unordered: another tab can get the
  // localStorage event while it still reads the cookie as it was. Emulated in tab two: 200 ms after the first event.
  const one = await context.newPage();
  const two = await context.newPage();
  await two.addInitScript(() => {
    const real = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie') as PropertyDescriptor;
    let seen = '';
    let until = 0;
    addEventListener('storage', () => {
      until = until || performance.now() + 200;
    });
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get() {
        if (performance.now() >= until) seen = real.get?.call(this);
        return seen;
      },
      set(value) {
        real.set?.call(this, value);
        seen = real.get?.call(this);
      },
    });
  });
  await pageWithCrumb(one, { path: 'reset-race' });
  await banner(one).getByRole('button', { name: 'Accept all' }).click();
  await pageWithCrumb(two, { path: 'reset-race' });
  await crumbReady(two);
  await settle(two);

  await one.evaluate(() => (window as any).Crumb.reset());
  await settle(one, 800);
  for (const tab of [one, two]) {
    expect((await crumbState(tab)).decided).toBe(false);
    await expect(banner(tab)).toBeVisible();
  }
  const three = await context.newPage();
  await pageWithCrumb(three, { path: 'reset-race' });
  await expect(banner(three)).toBeVisible();
  expect((await crumbState(three)).decided).toBe(false);
});

test('with data-cookie-domain, a choice that expires while the page is open: back in the tab, nothing is withdrawn, no reload', async ({
  page,
  context,
  baseURL,
}) => {
  await page.clock.install({ time: new Date('2026-03-01T12:00:00Z') });
  const attrs = { ...ALL_TRACKERS, 'data-cookie-domain': '.example.test', 'data-expiry-days': '10' };
  await pageWithCrumb(page, { attrs, origin: testOrigin(baseURL, 'www.example.test'), path: 'expires-open' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  const { id } = await crumbState(page);
  await page.evaluate(() => {
    (window as any).stayed = true;
    window.dispatchEvent(new Event('focus'));
  });
  // Eleven days on the browser drops the cookie (its Max-Age is over); the visitor comes back to the tab.
  await page.clock.setSystemTime(new Date('2026-03-12T12:00:00Z'));
  await context.clearCookies({ name: 'crumb_consent' });
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await settle(page);
  // As when the record expires without a look at the cookie: the page keeps the decision it started with.
  expect(await page.evaluate(() => (window as any).stayed)).toBe(true);
  expect(await crumbState(page)).toMatchObject({ decided: true, id });
  expect(await page.evaluate(() => (window as any)['ga-disable-G-CRUMBTEST1'])).toBeUndefined();
  // The next page asks again.
  await page.reload();
  await expect(banner(page)).toBeVisible();
});
