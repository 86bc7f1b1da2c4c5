import { acceptAll } from 'crumb-consent/testing';
import { banner, crumbReady, crumbState, crumbWarnings, dialog, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';
import { violations, watchViolations } from './violations';

/**
 * SPEC §8 on demo/bad-config.html and demo/bad-json.html: each mistake gets exactly one console error naming the
 * attribute or key, the value and what was expected; that piece is off, the rest works, nothing throws.
 */

/** [what the message names, the value as the message quotes it, what it must say was expected]. */
const EXPECTED_ERRORS: [string, string, RegExp][] = [
  ['data-google-analytics', '"UA-12345-1"', /expected a GA4 measurement ID.*Google Analytics stays off/],
  ['"googleAnalytics" in the data-crumb-config block', '"G-<script>"', /expected a GA4 measurement ID/],
  ['data-leadlander', '"194x28"', /expected a LeadLander account ID made of digits.*LeadLander stays off/],
  ['data-facebook-pixel', '"12345abc67890"', /expected a Meta pixel ID of 10–20 digits.*Meta pixel stays off/],
  ['data-policy-url', '"javascript:alert(1)"', /expected an http\(s\) or relative URL.*no policy link/],
  ['data-receipt-url', '"data:text/plain,receipt"', /expected an http\(s\) or relative URL.*no receipts/],
  ['data-expiry-days', '"-5"', /expected a number of days above 0.*default of 182 days/],
  ['"expiryDays" in the data-crumb-config block', '"soon"', /expected a number of days above 0/],
  ['data-consent="statistics" on a <script>', 'statistics', /expected "analytics", "marketing" or a service id/],
  ['data-revison', 'Did you mean data-revision?', /is not an option Crumb knows; it is ignored/],
  ['"colour" in the data-crumb-config block', 'is not an option Crumb knows', /Known options: googleAnalytics/],
  ['on an <iframe data-consent="marketing">', '"javascript:window.parent.crumbDemo.log', /expected an http\(s\)/],
];

const errorsOf = (errors: { text: string }[]) => errors.map((e) => e.text);

// demo/bad-config.html and demo/bad-json.html are served with the strict Content-Security-Policy.
test.beforeEach(async ({ context }) => {
  await watchViolations(context);
});
test.afterEach(async ({ page }) => {
  expect(await violations(page), 'Content-Security-Policy violations').toEqual([]);
});

test('demo/bad-config.html: one error per mistake, each naming key, value and the expected shape', async ({
  page,
  consoleErrors,
}) => {
  const warnings = crumbWarnings(page);
  await page.goto('/bad-config.html');
  await crumbReady(page);
  await acceptAll(page);
  await settle(page);

  const messages = errorsOf(consoleErrors);
  for (const [name, value, expected] of EXPECTED_ERRORS) {
    const matching = messages.filter((m) => m.includes(name) && m.includes(value));
    expect(matching, `one error for ${name}=${value}`).toHaveLength(1);
    expect(matching[0]).toMatch(expected);
  }
  // Nothing else: no second message for any mistake, no page error, no failed request.
  expect(messages).toHaveLength(EXPECTED_ERRORS.length);
  expect(consoleErrors.filter((e) => e.source === 'pageerror')).toEqual([]);

  // An attribute that is no misspelt option (another tool's, as far as Crumb can tell) gets a warning, not an error.
  expect(warnings.filter((w) => w.includes('data-colour'))).toHaveLength(1);
  expect(warnings.filter((w) => w.includes('colour'))).toHaveLength(1);
});

test('demo/bad-config.html: the broken pieces are off, the rest works', async ({ page, context, trackers }) => {
  const receipts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' || r.url().startsWith('data:')) receipts.push(r.url());
  });
  await page.goto('/bad-config.html');
  await crumbReady(page);

  // No policy link from a javascript: URL.
  await expect(banner(page)).toBeVisible();
  await expect(banner(page).getByRole('link')).toHaveCount(0);

  // Only the services with valid IDs (and the custom one) exist.
  expect(Object.keys((await crumbState(page)).services)).toEqual(['twitter', 'chat']);

  await acceptAll(page);
  // Only the X pixel, whose ID is right, loads.
  await expect.poll(() => trackers.vendors()).toEqual(['twitter']);
  // The valid gated script runs; the unknown category and the javascript: iframe stay off.
  await expect.poll(() => page.evaluate(() => [...(window as any).crumbDemo.ran])).toEqual(['marketing']);
  await expect(page.locator('script[data-consent="statistics"]')).toHaveAttribute('type', 'text/plain');
  expect(await page.locator('iframe[data-src^="javascript:"]').getAttribute('src')).toBeNull();
  await expect(page.locator('.crumb-embed')).toHaveCount(0);

  // No receipt is sent to a data: URL (nor anywhere).
  await settle(page);
  expect(receipts).toEqual([]);

  // The expiry is the default 182 days, not -5 or "soon".
  const cookie = (await context.cookies()).find((c) => c.name === 'crumb_consent');
  const days = ((cookie?.expires ?? 0) - Date.now() / 1000) / 86400;
  expect(days).toBeGreaterThan(181);
  expect(days).toBeLessThanOrEqual(182);
  expect(trackers.count()).toBe(1);
});

test('demo/bad-config.html: HTML in texts, service names and descriptions is shown as text, never run', async ({
  page,
}) => {
  await page.goto('/bad-config.html');
  await expect(banner(page)).toContainText(
    `<img src=x onerror="window.crumbDemo.log('html-ran')">Cookies, <b>please</b>`,
  );
  await banner(page).getByRole('button', { name: 'Customize' }).click();
  await expect(dialog(page).getByRole('switch', { name: '<b>Support chat</b>' })).toBeVisible();
  await expect(dialog(page)).toContainText(
    "<script>window.crumbDemo.log('html-ran')</script>Live chat with our bakers.",
  );
  // No element was made from any of it.
  expect(
    await page.evaluate(() => {
      const root = document.getElementById('crumb')?.shadowRoot;
      return root ? root.querySelectorAll('img, b, script').length : -1;
    }),
  ).toBe(0);
  await dialog(page).getByRole('button', { name: 'Accept all' }).click();
  await settle(page);
  expect(await page.evaluate(() => (window as any).crumbDemo.ran)).not.toContain('html-ran');
});

test('demo/bad-json.html: invalid JSON gets one error quoting the block; the attributes still work', async ({
  page,
  trackers,
  consoleErrors,
}) => {
  await page.goto('/bad-json.html');
  await expect(banner(page).getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', '/privacy.html');
  const messages = errorsOf(consoleErrors);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toContain('data-crumb-config block "{ policyUrl: \\"/from-json\\"');
  expect(messages[0]).toMatch(/is not valid JSON \(.+\): expected a JSON object/);
  await acceptAll(page);
  await expect.poll(() => trackers.vendors()).toEqual(['twitter']);
  expect(consoleErrors).toHaveLength(1);
});

test.describe('one error per wrong value, the piece off, no page error', () => {
  const CASES: [attribute: string, value: string, expected: RegExp][] = [
    ['data-google-analytics', 'UA-1', /expected a GA4 measurement ID/],
    ['data-google-analytics', 'G-<script>', /expected a GA4 measurement ID/],
    ['data-google-analytics', 'g-abc123xyz9', /expected a GA4 measurement ID/],
    ['data-leadlander', '19428a', /expected a LeadLander account ID/],
    ['data-facebook-pixel', '1234567890abcdef', /expected a Meta pixel ID/],
    ['data-twitter-pixel', 'O1ABC<', /expected an X \(Twitter\) pixel ID/],
    ['data-policy-url', ' JavaScript:alert(1)', /expected an http\(s\) or relative URL/],
    ['data-policy-url', 'java\tscript:alert(1)', /expected an http\(s\) or relative URL/],
    ['data-receipt-url', 'data:application/json,{}', /expected an http\(s\) or relative URL/],
    ['data-expiry-days', 'abc', /expected a number of days above 0/],
    ['data-expiry-days', '0', /expected a number of days above 0/],
    ['data-expiry-days', '-30', /expected a number of days above 0/],
  ];
  for (const [attribute, value, expected] of CASES) {
    test(`${attribute}=${JSON.stringify(value)}`, async ({ page, trackers, consoleErrors }) => {
      await pageWithCrumb(page, {
        attrs: {
          'data-google-analytics': 'G-CRUMBTEST1',
          'data-leadlander': '19428',
          'data-twitter-pixel': 'o1abc',
          'data-facebook-pixel': '123456789012345',
          [attribute]: value,
        },
      });
      await acceptAll(page);
      await expect.poll(() => trackers.count()).toBeGreaterThanOrEqual(3);
      await settle(page);
      const messages = errorsOf(consoleErrors);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain(`${attribute}=${JSON.stringify(value)}`);
      expect(messages[0]).toMatch(expected);
      const vendor = {
        'data-google-analytics': 'google-analytics',
        'data-leadlander': 'leadlander',
        'data-facebook-pixel': 'facebook',
        'data-twitter-pixel': 'twitter',
      }[attribute];
      // The tracker with the wrong ID does not load; the three others do. Other mistakes switch no tracker off.
      expect(trackers.vendors()).toHaveLength(vendor ? 3 : 4);
      if (vendor) expect(trackers.vendors()).not.toContain(vendor);
    });
  }
});

test('a cookie pattern that could hang the page gets one error and is not used: withdrawing still works', async ({
  page,
  consoleErrors,
}) => {
  const config = {
    services: [{ id: 'stats', name: 'Stats', category: 'analytics', cookies: ['/(a+)+$/', 'stats_id'] }],
  };
  await pageWithCrumb(page, {
    head: `<script type="application/json" data-crumb-config>${JSON.stringify(config)}</script>`,
    attrs: { 'data-reload-on-withdraw': 'false' },
  });
  await crumbReady(page);
  // A name on which the pattern backtracks for hours, and the service's own cookie.
  await page.context().addCookies([
    { name: `${'a'.repeat(40)}!`, value: '1', url: page.url() },
    { name: 'stats_id', value: '1', url: page.url() },
  ]);
  await acceptAll(page);
  await settle(page);
  const took = await page.evaluate(async () => {
    const start = performance.now();
    await (window as any).Crumb.rejectAll();
    return performance.now() - start;
  });
  expect(took).toBeLessThan(2000);
  expect(await page.evaluate(() => document.cookie)).not.toContain('stats_id');
  expect(await crumbState(page)).toMatchObject({ decided: true, services: { stats: false } });
  await settle(page);
  const messages = errorsOf(consoleErrors);
  expect(messages).toEqual([
    expect.stringContaining('services[0] in the data-crumb-config block ("stats") has cookie pattern "/(a+)+$/"'),
  ]);
  expect(messages[0]).toContain('could hang the page; it is ignored.');
});
