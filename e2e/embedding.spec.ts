// How web teams embed the tag, beyond the plain classic script: a `type="module"` tag, a page that polluted
// Object.prototype, a page with two config blocks. Each gets a working banner, or one clear error.
import { acceptAll } from 'crumb-consent/testing';
import { ALL_TRACKERS, banner, crumbReady, crumbState, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

test('a type="module" tag (no document.currentScript) still reads its attributes and loads its banner', async ({
  page,
  trackers,
  consoleErrors,
}) => {
  await pageWithCrumb(page, { attrs: { type: 'module', ...ALL_TRACKERS, 'data-policy-url': '/privacy.html' } });
  await expect(banner(page).getByRole('link')).toHaveAttribute('href', '/privacy.html');
  trackers.expectNone();
  await acceptAll(page);
  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
  expect(consoleErrors).toEqual([]);
});

test('a page that set Object.prototype.get and .set: Consent Mode’s default and GA work as on any page', async ({
  page,
  trackers,
  consoleErrors,
}) => {
  await pageWithCrumb(page, {
    attrs: { 'data-google-analytics': ALL_TRACKERS['data-google-analytics'] },
    head: '<script>Object.prototype.get = function () {}; Object.prototype.set = function () {};</script>',
  });
  await crumbReady(page);
  const consent = () =>
    page.evaluate(() =>
      ((window as any).dataLayer as IArguments[])
        .filter((e) => e[0] === 'consent')
        .map((e) => `${e[1]} ${e[2].analytics_storage}`),
    );
  expect(await consent()).toEqual(['default denied']);
  await acceptAll(page);
  await expect.poll(() => trackers.vendors()).toEqual(['google-analytics']);
  expect(await consent()).toEqual(['default denied', 'update granted']);
  expect((await crumbState(page)).categories.analytics).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('two data-crumb-config blocks: the first is used, and one error says the second is ignored', async ({
  page,
  consoleErrors,
}) => {
  await pageWithCrumb(page, {
    head: `<script type="application/json" data-crumb-config>{"policyUrl": "/first.html"}</script>
<script type="application/json" data-crumb-config>{"policyUrl": "/second.html"}</script>`,
  });
  await expect(banner(page).getByRole('link')).toHaveAttribute('href', '/first.html');
  await settle(page);
  expect(consoleErrors.map((e) => e.text)).toEqual([
    'Crumb: the page has 2 data-crumb-config blocks; only the first is read and the others are ignored: merge them into one.',
  ]);
});

test('a page in a legacy encoding, Crumb’s files served without a charset: the texts still read right', async ({
  page,
  consoleErrors,
}) => {
  // A windows-1252 page (many older sites), and a server that sends `.js` as `text/javascript` with no charset (a
  // default nginx or S3): a script a page adds is then decoded in the page's encoding unless it says its own.
  const url = `${test.info().project.use.baseURL}/__e2e/latin1.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=windows-1252',
      body: Buffer.from(
        `<!doctype html><html lang="de"><head><title>Latin-1</title>
<script src="/dist/crumb.js" data-policy-url="/privacy.html" data-google-analytics="G-CRUMBTEST1"></script>
</head><body><p>Gr\xfc\xdfe</p></body></html>`,
        'latin1',
      ),
    }),
  );
  await page.route('**/dist/crumb*.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      path: `dist/${new URL(route.request().url()).pathname.replace(/^\/dist\//, '')}`,
    }),
  );
  await page.goto(url);
  // The synchronous tag in <head> preloads its widget: the preloaded file is read as UTF-8 too.
  await expect(banner(page, 'de').getByRole('link')).toHaveText('Datenschutzerklärung');
  await expect(banner(page, 'de')).toContainText('Wir möchten Cookies');
  await banner(page, 'de').getByRole('button', { name: 'Anpassen' }).click();
  await expect(page.getByRole('dialog', { name: 'Datenschutz-Einstellungen' })).toContainText('Gerät');
  expect(consoleErrors).toEqual([]);
});
