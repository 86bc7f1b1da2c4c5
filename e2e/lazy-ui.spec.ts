// Found by an independent review of the lazily loaded preferences and the receipts the widget sends: each a case
// where the page must not lose a receipt, the visitor's focus, or bytes on the wrong language.
import { presetConsent } from 'crumb-consent/testing';
import { ALL_TRACKERS, banner, crumbState, dialog } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

test('a withdrawal made as the page loads, before the widget (reload on), still sends its receipt', async ({
  page,
  context,
  baseURL,
  request,
}) => {
  await presetConsent(context, { analytics: true, marketing: true }, { url: `${baseURL}/` });
  const ids: string[] = [];
  page.on('console', (m) => m.text().startsWith('withdrew ') && ids.push(m.text().slice(9)));
  await pageWithCrumb(page, {
    attrs: { ...ALL_TRACKERS, 'data-receipt-url': '/api/receipts' },
    // e.g. a privacy page's "?optout" handler: queued, it runs as soon as Crumb has started; the withdrawal itself
    // waits for the widget (which decides), and its state comes with crumb:change.
    head: `<script>window.Crumb = window.Crumb || []; Crumb.push(function (api) {
      if (sessionStorage.getItem('done')) return; sessionStorage.setItem('done', '1');
      var before = api.get().id;
      api.on('change', function (s) { if (s.id !== before) console.log('withdrew ' + s.id); });
      api.rejectAll(); });</script>`,
  });
  await expect.poll(() => ids.length).toBe(1);
  await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible(); // reloaded, widget there
  await expect
    .poll(
      async () => {
        const { receipts } = await (await request.get(`/api/receipts?limit=100&for=${ids[0]}`)).json();
        return receipts.filter((r: { id: string }) => r.id === ids[0]).length;
      },
      { timeout: 4000 },
    )
    .toBe(1);
});

test('"Customize" pressed before the preferences have arrived: the banner stays on screen and focused until they come', async ({
  page,
}) => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/dist/crumb-ui.en.js', async (route) => {
    await gate;
    await route.continue();
  });
  await pageWithCrumb(page, { attrs: ALL_TRACKERS });
  await banner(page).getByRole('button', { name: 'Customize' }).press('Enter');
  await page.waitForTimeout(300);
  const where = await page.evaluate(() => {
    const root = document.querySelector('#crumb')!.shadowRoot!;
    return {
      active: root.activeElement?.textContent ?? document.activeElement?.tagName,
      visible: !!root.querySelector('.banner')?.getClientRects().length,
    };
  });
  release();
  await expect(dialog(page)).toBeVisible();
  expect(where).toEqual({ active: 'Customize', visible: true });
});

test('preferences that cannot load give focus back to "Customize", and are tried again on the next press', async ({
  page,
}) => {
  await page.route('**/dist/crumb-ui.en.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await pageWithCrumb(page, { attrs: ALL_TRACKERS });
  const customize = banner(page).getByRole('button', { name: 'Customize' });
  await customize.press('Enter');
  await expect(banner(page)).not.toHaveAttribute('inert', '');
  await expect(customize).toBeFocused();
  expect((await crumbState(page)).decided).toBe(false);
  // The network is back: the next press loads them.
  await page.unroute('**/dist/crumb-ui.en.js');
  await customize.press('Enter');
  await expect(dialog(page)).toBeVisible();
});

test('a config block naming the language: the page downloads that language’s widget only', async ({ page }) => {
  const files: string[] = [];
  const warnings: string[] = [];
  page.on('request', (r) => /\/dist\/crumb-(widget|ui)/.test(r.url()) && files.push(r.url().split('/dist/')[1]));
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await pageWithCrumb(page, { head: '<script type="application/json" data-crumb-config>{ "lang": "de" }</script>' });
  await expect(banner(page, 'de')).toBeVisible();
  await page.waitForTimeout(3500);
  expect(files.filter((f) => f.endsWith('.en.js'))).toEqual([]);
  expect(warnings.filter((w) => w.includes('preloaded'))).toEqual([]);
});
