import type { APIRequestContext } from '@playwright/test';
import { ALL_TRACKERS, banner, crumbReady, crumbState, dialog, pretendPrerendered, sendSignals, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

const RECEIPT_KEYS = [
  'categories',
  'id',
  'language',
  'origin',
  'path',
  'previousId',
  'receivedAt',
  'revision',
  'services',
  'signals',
  'source',
  'time',
  'type',
  'version',
];
const attrs = {
  ...ALL_TRACKERS,
  'data-receipt-url': '/api/receipts',
  'data-revision': 'r7',
  'data-reload-on-withdraw': 'false',
};

/** The receipts the demo endpoint stored for these consent IDs, oldest first. */
async function receiptsFor(request: APIRequestContext, ids: (string | null)[]) {
  const response = await request.get('/api/receipts?limit=100');
  expect(response.ok()).toBe(true);
  const { receipts } = await response.json();
  return receipts.filter((r: { id: string }) => ids.includes(r.id)).reverse();
}

test('every decision sends one receipt sharing the consent ID, linking the previous one, with nothing personal', async ({
  page,
  request,
}) => {
  await pageWithCrumb(page, { attrs, path: 'receipts' });
  await page.goto(`${page.url()}?email=someone%40example.com#section`);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  const first = (await crumbState(page)).id;

  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await dialog(page).getByRole('switch', { name: 'Facebook' }).uncheck();
  await dialog(page).getByRole('button', { name: 'Save choices' }).click();
  const second = (await crumbState(page)).id;

  await page.evaluate(() => (window as any).Crumb.set({ analytics: true }));
  const third = (await crumbState(page)).id;
  await page.evaluate(() => (window as any).Crumb.rejectAll());
  const fourth = (await crumbState(page)).id;
  await page.evaluate(() => (window as any).Crumb.set({ analytics: true }));
  const fifth = (await crumbState(page)).id;

  await expect.poll(async () => (await receiptsFor(request, [first, second, third, fourth, fifth])).length).toBe(5);
  const receipts = await receiptsFor(request, [first, second, third, fourth, fifth]);
  expect(receipts.map((r: any) => [r.type, r.source])).toEqual([
    ['acceptance', 'banner'],
    ['withdrawal', 'preferences'], // Facebook refused after being granted
    ['partial', 'api'], // nothing withdrawn, not everything granted
    ['withdrawal', 'api'],
    ['partial', 'api'],
  ]);
  expect(receipts.map((r: any) => r.previousId)).toEqual([null, first, second, third, fourth]);
  const [accept] = receipts;
  expect(Object.keys(accept).sort()).toEqual(RECEIPT_KEYS);
  expect(accept).toMatchObject({
    id: first,
    revision: 'r7',
    categories: { necessary: true, analytics: true, marketing: true },
    services: { 'google-analytics': true, leadlander: true, twitter: true, facebook: true },
    signals: { dnt: false, gpc: false },
    language: 'en',
    origin: new URL(page.url()).origin,
    path: '/__e2e/receipts.html',
  });
  expect(Date.parse(accept.time)).not.toBeNaN();
  expect(JSON.stringify(receipts)).not.toMatch(/someone|section|HeadlessChrome|Mozilla|127\.0\.0\.1"/);
  expect(receipts[4].categories).toEqual({ necessary: true, analytics: true, marketing: false });
});

test('a refusal from the banner, a signal-based refusal and a reset each send a receipt', async ({
  page,
  browser,
  request,
}) => {
  await pageWithCrumb(page, { attrs, path: 'receipts-2' });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  const refusal = (await crumbState(page)).id;
  await page.evaluate(() => (window as any).Crumb.reset());
  await expect(banner(page)).toBeVisible();

  const gpc = await browser.newContext();
  await sendSignals(gpc, { gpc: true });
  const signalPage = await gpc.newPage();
  await pageWithCrumb(signalPage, { attrs, path: 'receipts-3' });
  await crumbReady(signalPage);
  const signal = (await crumbState(signalPage)).id;

  await expect.poll(async () => (await receiptsFor(request, [refusal, signal])).length).toBe(2);
  const [r1, r2] = await receiptsFor(request, [refusal, signal]);
  expect(r1).toMatchObject({ type: 'refusal', source: 'banner', categories: { analytics: false, marketing: false } });
  expect(r2).toMatchObject({ type: 'signal', source: 'signal', signals: { gpc: true } });

  // The reset's receipt links the refusal it forgot.
  const resetOf = async () => {
    const { receipts } = await (await request.get('/api/receipts?limit=100')).json();
    return receipts.find((r: any) => r.previousId === refusal && r.type === 'reset');
  };
  await expect.poll(resetOf).toMatchObject({ type: 'reset', categories: { analytics: false, marketing: false } });
  await gpc.close();
});

// A refusal recorded from a privacy signal in a page never shown sent its receipt all the same.
test('a prerendered page with a privacy signal: its refusal is stored and its receipt sent only once it is shown', async ({
  browser,
  request,
}) => {
  const gpc = await browser.newContext();
  await sendSignals(gpc, { gpc: true });
  const page = await gpc.newPage();
  const prerendered = await pretendPrerendered(page);
  await pageWithCrumb(page, { attrs, path: 'receipts-prerendered' });
  await crumbReady(page);
  const { id } = await crumbState(page);
  await page.waitForTimeout(1000);
  expect(await receiptsFor(request, [id])).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).not.toContain('crumb_consent');

  await prerendered.show();
  await expect.poll(async () => (await receiptsFor(request, [id])).length).toBe(1);
  expect((await receiptsFor(request, [id]))[0]).toMatchObject({ type: 'signal', source: 'signal' });
  expect(await page.evaluate(() => document.cookie)).toContain('crumb_consent');
  await gpc.close();
});

test('a page listener that edits the state it is told cannot change the receipt, nor what the next listener is told', async ({
  page,
  request,
}) => {
  await pageWithCrumb(page, {
    attrs,
    path: 'receipts',
    head: `<script>
window.told = [];
addEventListener('crumb:change', (e) => {
  // A careless (or hostile) third-party script on the page rewrites what it was told.
  try { e.detail.categories.marketing = true; e.detail.services.facebook = true; e.detail.revision = 'forged'; } catch {}
});
window.Crumb = [(api) => api.on('change', (state) => window.told.push(JSON.stringify(state)))];
</script>`,
  });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  const { id } = await crumbState(page);
  await expect.poll(async () => (await receiptsFor(request, [id])).length).toBe(1);
  const [receipt] = await receiptsFor(request, [id]);
  expect(receipt.type).toBe('refusal');
  expect(receipt.revision).toBe('r7');
  expect(receipt.categories).toEqual({ necessary: true, analytics: false, marketing: false });
  expect(Object.values(receipt.services)).toEqual([false, false, false, false]);
  const told = (await page.evaluate(() => (window as any).told)).map((s: string) => JSON.parse(s));
  expect(told).toHaveLength(1);
  expect(told[0]).toMatchObject({ revision: 'r7', categories: { marketing: false }, services: { facebook: false } });
});

test("the receipts' code is a file of its own, fetched once on a site with data-receipt-url and never on one without", async ({
  page,
  request,
}) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/dist/crumb-receipts.js')) fetched.push(r.url());
  });
  const { 'data-receipt-url': _, ...withoutEndpoint } = attrs;
  await pageWithCrumb(page, { attrs: withoutEndpoint, path: 'receipts-none' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await page.evaluate(() => (window as any).Crumb.rejectAll());
  await expect.poll(async () => (await crumbState(page)).categories.analytics).toBe(false);
  await settle(page);
  expect(fetched).toEqual([]);

  // The refusal stored there holds here too: this page decides through the API.
  await pageWithCrumb(page, { attrs, path: 'receipts-one-file' });
  await crumbReady(page);
  await page.evaluate(() => (window as any).Crumb.acceptAll());
  const accepted = (await crumbState(page)).id;
  await page.evaluate(() => (window as any).Crumb.rejectAll());
  const refused = (await crumbState(page)).id;
  await expect.poll(async () => (await receiptsFor(request, [accepted, refused])).length).toBe(2);
  expect(fetched).toHaveLength(1);
});
