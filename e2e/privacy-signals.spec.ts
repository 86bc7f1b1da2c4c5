import { presetConsent, recordTrackers } from 'crumb-consent/testing';
import { ALL_TRACKERS, banner, crumbReady, crumbState, dialog, sendSignals, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

for (const signal of [
  { name: 'Do Not Track', dnt: true },
  { name: 'Global Privacy Control', gpc: true },
]) {
  test(`${signal.name}: no banner, no tracker, a refusal with source "signal" that the dialog explains`, async ({
    page,
    context,
    trackers,
  }) => {
    await sendSignals(context, signal);
    await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'signals' });
    await crumbReady(page);
    await settle(page);
    await expect(banner(page)).toHaveCount(0);
    trackers.expectNone();
    const state = await crumbState(page);
    expect(state).toMatchObject({
      decided: true,
      source: 'signal',
      categories: { analytics: false, marketing: false },
      signals: { dnt: !!signal.dnt, gpc: !!signal.gpc },
    });

    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await expect(dialog(page)).toContainText(signal.name);

    // An explicit opt-in wins over the signal, now and on the next page.
    await dialog(page).getByRole('checkbox', { name: 'Analytics', exact: true }).check();
    await dialog(page).getByRole('button', { name: 'Save choices' }).click();
    await expect.poll(() => trackers.vendors()).toEqual(['google-analytics']);
    trackers.clear();
    await page.reload();
    await expect.poll(() => trackers.vendors()).toEqual(['google-analytics']);
    expect((await crumbState(page)).source).toBe('preferences');
    await expect(banner(page)).toHaveCount(0);
  });
}

test('data-privacy-signals="ask": a GPC browser sees the banner, with every toggle off', async ({
  page,
  context,
  trackers,
}) => {
  await sendSignals(context, { gpc: true, dnt: true });
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-privacy-signals': 'ask' } });
  await expect(banner(page)).toBeVisible();
  expect(await crumbState(page)).toMatchObject({ decided: false, signals: { dnt: true, gpc: true } });
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  for (const name of ['Analytics', 'Marketing'])
    await expect(dialog(page).getByRole('checkbox', { name, exact: true })).not.toBeChecked();
  await settle(page);
  trackers.expectNone();
});

for (const value of ['unspecified', '0']) {
  test(`DNT "${value}" is no signal: the banner asks`, async ({ page, context }) => {
    await context.addInitScript(
      (v) => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => v }),
      value,
    );
    await pageWithCrumb(page, { attrs: ALL_TRACKERS });
    expect(await page.evaluate(() => navigator.doNotTrack)).toBe(value);
    await expect(banner(page)).toBeVisible();
    expect((await crumbState(page)).signals).toEqual({ dnt: false, gpc: false });
  });
}

test('a refusal recorded from a signal lasts only while the signal is sent', async ({ browser }) => {
  // Fresh contexts (one with GPC, one without), each recorded by the public kit's tracker recorder.
  const context = await browser.newContext();
  const recorded = await recordTrackers(context);
  await sendSignals(context, { gpc: true });
  const page = await context.newPage();
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'signal-then-none' });
  await crumbReady(page);
  expect((await crumbState(page)).source).toBe('signal');
  const state = await page.context().storageState();
  await settle(page);
  recorded.expectNoTrackerRequests();
  await context.close();

  // Same stored refusal, but the browser no longer sends GPC: ask.
  const later = await browser.newContext({ storageState: state });
  const recordedLater = await recordTrackers(later);
  const page2 = await later.newPage();
  await pageWithCrumb(page2, { attrs: ALL_TRACKERS, path: 'signal-then-none' });
  await expect(banner(page2)).toBeVisible();
  expect((await crumbState(page2)).decided).toBe(false);
  await settle(page2);
  recordedLater.expectNoTrackerRequests();
  await later.close();
});

test('honor: a signal the browser sends since an acceptance wins over it; an opt-in made under the signal stands', async ({
  page,
  context,
  baseURL,
  trackers,
  request,
}) => {
  // Accepted from the banner, before the browser sent GPC; GA had set its cookie.
  const accepted = await presetConsent(
    context,
    { analytics: true, marketing: true },
    { url: baseURL!, source: 'banner' },
  );
  await context.addCookies([{ name: '_ga', value: 'GA1.1.1.1', url: baseURL! }]);
  await sendSignals(context, { gpc: true });
  await pageWithCrumb(page, {
    attrs: { ...ALL_TRACKERS, 'data-receipt-url': '/api/receipts' },
    path: 'signal-after-acceptance',
  });
  await crumbReady(page);
  await settle(page);
  trackers.expectNone();
  await expect(banner(page)).toHaveCount(0);
  const state = await crumbState(page);
  expect(state).toMatchObject({ decided: true, source: 'signal', categories: { analytics: false, marketing: false } });
  const receipt = async () => {
    const { receipts } = await (await request.get('/api/receipts?limit=100')).json();
    return receipts.find((r: { id: string }) => r.id === state.id);
  };
  // The signal's refusal replaces the acceptance, as a withdrawal would: its receipt links to it, GA's cookie goes.
  expect(accepted).toMatch(/^[\w-]{22}$/);
  await expect.poll(receipt).toMatchObject({ type: 'signal', signals: { gpc: true }, previousId: accepted });
  expect((await context.cookies()).map((c) => c.name)).not.toContain('_ga');
  await page.getByRole('button', { name: 'Cookie settings' }).click();
  await expect(dialog(page)).toContainText('Global Privacy Control');

  // Opting in from the preferences while GPC is sent: that choice stands on the next page.
  await dialog(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.count()).toBe(4);
  trackers.clear();
  await page.reload();
  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
  expect((await crumbState(page)).source).toBe('preferences');
  await expect(banner(page)).toHaveCount(0);
});

test('honor: a refusal of everything made before the signal is kept as it is, and asks no more once the signal stops', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  const recorded = await recordTrackers(context);
  await presetConsent(context, { analytics: false, marketing: false }, { url: baseURL!, source: 'banner' });
  await sendSignals(context, { gpc: true });
  const page = await context.newPage();
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'refusal-then-signal' });
  await crumbReady(page);
  await settle(page);
  await expect(banner(page)).toHaveCount(0);
  expect(await crumbState(page)).toMatchObject({ decided: true, source: 'banner', signals: { gpc: true } });
  recorded.expectNoTrackerRequests();
  const state = await context.storageState();
  await context.close();

  // The browser no longer sends GPC: the visitor's own refusal still holds, and no banner asks again.
  const later = await browser.newContext({ storageState: state });
  const recordedLater = await recordTrackers(later);
  const page2 = await later.newPage();
  await pageWithCrumb(page2, { attrs: ALL_TRACKERS, path: 'refusal-then-signal' });
  await crumbReady(page2);
  await settle(page2);
  await expect(banner(page2)).toHaveCount(0);
  expect(await crumbState(page2)).toMatchObject({ decided: true, source: 'banner', signals: { gpc: false } });
  recordedLater.expectNoTrackerRequests();
  await later.close();
});

test('the QA kit presets an opt-in made under GPC, which then stands where signals are honoured', async ({
  page,
  context,
  baseURL,
  trackers,
}) => {
  await presetConsent(
    context,
    { analytics: true, marketing: true },
    { url: baseURL!, source: 'preferences', underSignal: true },
  );
  await sendSignals(context, { gpc: true });
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'preset-under-signal' });
  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
  expect(await crumbState(page)).toMatchObject({ decided: true, source: 'preferences', signals: { gpc: true } });
  await expect(banner(page)).toHaveCount(0);
});
