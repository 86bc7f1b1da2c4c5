// Checks of the test setup itself: the demo server answers, and the fixtures see what they claim to see.
import { crumbPageHtml, expect, pageWithCrumb, test } from './fixtures';

test('the demo home page loads and includes the Crumb script', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('script[src="/dist/crumb.js"]').first()).toBeAttached();

  const script = await page.request.get('/dist/crumb.js');
  expect(script.status(), 'dist/crumb.js is served (run `npm run build` first)').toBe(200);
});

test('the tracker recorder sees tracker requests and blocks every other outside host', async ({
  page,
  trackers,
  consoleErrors,
}) => {
  await page.route('/__e2e/blank.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
  );
  await page.goto('/__e2e/blank.html');
  trackers.expectNone();

  const fbevents = await page.evaluate(async () => {
    const response = await fetch('https://connect.facebook.net/en_US/fbevents.js');
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  });
  expect(fbevents).toEqual({
    status: 200,
    type: 'application/javascript',
    body: '/* stubbed by crumb-consent/testing */',
  });

  expect(() => trackers.expectNone()).toThrow(/facebook: https:\/\/connect\.facebook\.net\/en_US\/fbevents\.js/);
  expect(trackers.count('facebook')).toBe(1);
  expect(trackers.count('google-analytics')).toBe(0);
  expect(trackers.requests[0]).toMatchObject({ vendor: 'facebook', pageUrl: page.url() });

  // Script tags are intercepted too, whichever subdomain or scheme the tracker uses.
  await page.evaluate(async () => {
    const urls = [
      'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ9',
      'https://region1.google-analytics.com/g/collect?v=2',
      'http://lltrck.com/scripts/lt-v3.js?llid=19428',
    ];
    await Promise.all(
      urls.map(
        (src) =>
          new Promise((resolve) => {
            const script = document.createElement('script');
            script.src = src;
            script.onload = script.onerror = resolve;
            document.head.append(script);
          }),
      ),
    );
  });
  expect(trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander']);
  expect(trackers.count()).toBe(4);

  // Any other outside host never sees a request.
  const outside = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'reached',
      () => 'blocked',
    ),
  );
  expect(outside).toBe('blocked');
  expect(trackers.blocked).toEqual(['https://example.com/']);
  expect(trackers.count()).toBe(4);

  trackers.clear();
  trackers.expectNone();

  await page.evaluate(() => {
    console.error('e2e: a console error');
    setTimeout(() => {
      throw new Error('e2e: an uncaught error');
    });
  });
  await expect
    .poll(() => consoleErrors.map((e) => `${e.source}: ${e.text.split('\n')[0]}`))
    .toContain('pageerror: Error: e2e: an uncaught error');
  expect(consoleErrors.map((e) => e.source)).toContain('console');
});

test('pageWithCrumb serves an escaped Crumb tag on the demo origin', async ({ page, baseURL }) => {
  const tricky = `/privacy?a=1&b="2"<x>'y'`;
  const url = await pageWithCrumb(page, {
    path: 'smoke',
    attrs: { 'data-e2e-probe': tricky, async: true, defer: false },
    body: '<p id="content">content</p>',
  });
  expect(url).toBe(`${baseURL}/__e2e/smoke.html`);
  expect(page.url()).toBe(url);

  const tag = page.locator('head script[src="/dist/crumb.js"]');
  await expect(tag).toHaveCount(1);
  await expect(tag).toHaveAttribute('data-e2e-probe', tricky);
  await expect(tag).toHaveAttribute('async', '');
  expect(await tag.getAttribute('defer')).toBeNull();
  await expect(page.locator('#content')).toHaveText('content');

  expect(crumbPageHtml({ attrs: { 'data-x': '"><script>' } })).toContain(
    '<script src="/dist/crumb.js" data-x="&quot;&gt;&lt;script&gt;"></script>',
  );
  expect(() => crumbPageHtml({ attrs: { 'x onload': '1' } })).toThrow(/invalid attribute name/);
});
