import { presetConsent } from 'crumb-consent/testing';
import { ALL_TRACKERS, banner, crumbReady, dialog, sendSignals } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

test('crumb:ready fires before any tracker loads; the pre-load queue runs; events and on("change") follow decisions', async ({
  page,
  trackers,
}) => {
  await page.addInitScript(() => {
    const w = window as any;
    w.log = [];
    w.addEventListener('crumb:ready', (e: CustomEvent) => {
      w.log.push(['ready', e.detail.decided, document.querySelectorAll('script[src*="googletagmanager"]').length]);
    });
    w.addEventListener('crumb:change', (e: CustomEvent) =>
      w.log.push(['change', e.detail.categories.analytics, e.detail.source]),
    );
    w.Crumb = w.Crumb || [];
    w.Crumb.push((api: any) => {
      w.log.push(['queued', typeof api.get]);
      api.on('change', (s: any) => w.log.push(['on', s.categories.marketing]));
    });
  });
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'api' });
  await crumbReady(page);
  expect(await page.evaluate(() => (window as any).log)).toEqual([
    ['ready', false, 0],
    ['queued', 'function'],
  ]);

  await page.evaluate(() => (window as any).Crumb.set({ analytics: true }));
  await expect.poll(() => trackers.vendors()).toEqual(['google-analytics']);
  const state = await page.evaluate(() => (window as any).Crumb.get());
  expect(Object.keys(state).sort()).toEqual([
    'categories',
    'decided',
    'decidedAt',
    'id',
    'revision',
    'services',
    'signals',
    'source',
  ]);
  expect(state).toMatchObject({
    decided: true,
    categories: { necessary: true, analytics: true, marketing: false },
    services: { 'google-analytics': true, leadlander: false, twitter: false, facebook: false },
    revision: '1',
    source: 'api',
    signals: { dnt: false, gpc: false },
  });
  expect(state.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(Number.isNaN(Date.parse(state.decidedAt))).toBe(false);

  await page.evaluate(() => (window as any).Crumb.acceptAll());
  await expect.poll(() => trackers.count()).toBe(4);
  expect(await page.evaluate(() => (window as any).log.slice(2))).toEqual([
    ['change', true, 'api'],
    ['on', false],
    ['change', true, 'api'],
    ['on', true],
  ]);

  // After loading, push() runs at once.
  expect(
    await page.evaluate(() => new Promise((r) => (window as any).Crumb.push((api: any) => r(api.get().decided)))),
  ).toBe(true);
});

test('Crumb.open() opens the preferences; Crumb.reset() forgets the choice and shows the banner', async ({ page }) => {
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-reload-on-withdraw': 'false' } });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await page.evaluate(() => (window as any).Crumb.open());
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.evaluate(() => (window as any).Crumb.reset());
  await expect(banner(page)).toBeVisible();
  expect(await page.evaluate(() => (window as any).Crumb.get().decided)).toBe(false);
  // The cookie keeps only a reset's mark (no decision, its time), which no copy of the choice can be restored over.
  const cookie = (await page.context().cookies()).find((c) => c.name === 'crumb_consent');
  expect(cookie?.value).toMatch(/^0\|[0-9a-z]+$/);
  expect(await page.evaluate(() => localStorage.getItem('crumb_consent'))).toBeNull();
});

test('dataLayer: consent default first, then update, the crumb_consent event, then js and config', async ({ page }) => {
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'datalayer' });
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await dialog(page).getByRole('checkbox', { name: 'Analytics', exact: true }).check();
  await dialog(page).getByRole('button', { name: 'Save choices' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).dataLayer.length)).toBe(5);
  const entries = await page.evaluate(() =>
    (window as any).dataLayer.map((e: any) => ({
      kind: Object.prototype.toString.call(e),
      value: Object.prototype.toString.call(e) === '[object Arguments]' ? Array.from(e) : e,
    })),
  );
  const denied = {
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    analytics_storage: 'denied',
    functionality_storage: 'denied',
    personalization_storage: 'denied',
    security_storage: 'denied',
  };
  expect(entries[0]).toEqual({ kind: '[object Arguments]', value: ['consent', 'default', denied] });
  expect(entries[1]).toEqual({
    kind: '[object Arguments]',
    value: [
      'consent',
      'update',
      { ...denied, analytics_storage: 'granted', functionality_storage: 'granted', security_storage: 'granted' },
    ],
  });
  expect(entries[2].value).toMatchObject({
    event: 'crumb_consent',
    crumb_analytics: 'granted',
    crumb_marketing: 'denied',
  });
  expect(entries[3].kind).toBe('[object Arguments]');
  expect(entries[3].value[0]).toBe('js');
  expect(entries[4]).toEqual({ kind: '[object Arguments]', value: ['config', 'G-CRUMBTEST1'] });

  // Marketing consent grants the ad signals.
  await page.evaluate(() => (window as any).Crumb.set({ marketing: true }));
  const last = await page.evaluate(() => {
    const layer = (window as any).dataLayer;
    return Array.from(layer.filter((e: any) => e[0] === 'consent').pop());
  });
  expect(last[2]).toMatchObject({ ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' });
});

test('a stored choice pushes default, update and the event before gtag.js, with no click', async ({
  page,
  context,
  baseURL,
  trackers,
}) => {
  // A returning visitor who accepted everything, set up with the public QA kit.
  await presetConsent(context, { analytics: true, marketing: true }, { url: `${baseURL}/` });
  await page.addInitScript(() => {
    window.addEventListener('crumb:ready', () => {
      (window as any).vendorScriptsAtReady = document.querySelectorAll('script[src^="https://"]').length;
    });
  });
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'stored-order' });
  await crumbReady(page);
  await expect(banner(page)).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).vendorScriptsAtReady)).toBe(0);
  const kinds = await page.evaluate(() =>
    (window as any).dataLayer.map((e: any) =>
      e.event ? e.event : `${e[0]}${e[1] && typeof e[1] === 'string' ? ` ${e[1]}` : ''}`,
    ),
  );
  expect(kinds.slice(0, 4)).toEqual(['consent default', 'consent update', 'crumb_consent', 'js']);
  expect(kinds[4]).toMatch(/^config/);
  await expect.poll(() => trackers.count('google-analytics')).toBe(1);
});

test('an action called from a crumb:ready listener waits for the widget, then applies: crumb:change, trackers, storage', async ({
  page,
  trackers,
}) => {
  await page.addInitScript(() => {
    const w = window as any;
    w.log = [];
    w.addEventListener('crumb:ready', () => {
      w.Crumb.acceptAll();
      // The action waits for the widget (which decides): the state read at once is still the start's.
      w.log.push(['after acceptAll', w.Crumb.get().decided]);
    });
    w.addEventListener('crumb:change', (e: CustomEvent) => w.log.push(['change', e.detail.decided, e.detail.source]));
  });
  await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'ready-action' });
  await expect
    .poll(() => page.evaluate(() => (window as any).log))
    .toEqual([
      ['after acceptAll', false],
      ['change', true, 'api'],
    ]);
  await expect.poll(() => trackers.count()).toBe(4);
  await expect(banner(page)).toHaveCount(0);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'crumb_consent');
  expect(decodeURIComponent(cookie?.value ?? '')).toMatch(/\|am\|\|a$/);
});

for (const how of ['Accept all', 'Global Privacy Control'] as const)
  test(`get() tells a decision the same on the next page as on the page that made it (decidedAt too): ${how}`, async ({
    page,
    context,
  }) => {
    if (how === 'Accept all') {
      await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'same-state' });
      await banner(page).getByRole('button', { name: how }).click();
    } else {
      // A refusal recorded from the signal, stored for the next page.
      await sendSignals(context, { gpc: true });
      await pageWithCrumb(page, { attrs: ALL_TRACKERS, path: 'same-state' });
    }
    await expect.poll(() => page.evaluate(() => !!localStorage.getItem('crumb_consent'))).toBe(true);
    const made = await page.evaluate(() => (window as any).Crumb.get());
    expect(made.decided).toBe(true);
    await page.reload();
    await crumbReady(page);
    expect(await page.evaluate(() => (window as any).Crumb.get())).toEqual(made);
  });

test('Crumb.reset() (reload off) leaves Consent Mode as a first visit has it: every signal denied', async ({
  page,
}) => {
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-reload-on-withdraw': 'false' } });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await page.evaluate(() => (window as any).Crumb.reset());
  await expect(banner(page)).toBeVisible();
  const consent = await page.evaluate(() =>
    (window as any).dataLayer.filter((e: any) => e[0] === 'consent').map((e: any) => Array.from(e)),
  );
  // No decision any more: what Google's tags read is the default again, not the necessary signals of a decision.
  expect(consent[consent.length - 1]).toEqual(['consent', 'update', consent[0][2]]);
  expect(Object.values(consent[0][2]).every((v) => v === 'denied')).toBe(true);
});
