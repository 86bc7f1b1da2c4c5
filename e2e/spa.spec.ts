import type { Page } from '@playwright/test';
import { focused } from './a11y-helpers';
import { banner, crumbReady, crumbState, dialog, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';
import { violations, watchViolations } from './violations';

/**
 * Gated content that is not in the page's first HTML (SPEC §2): views of a single-page app swapped in with
 * history.pushState (demo/spa.html) and a widget added on demand (demo/late.html).
 */

const ran = (page: Page) => page.evaluate(() => [...(window as any).crumbDemo.ran]);
const STATS = ['external-analytics', 'inline-analytics', 'external-stats'];
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'App' }).getByRole('link', { name });

test.beforeEach(async ({ page, context }) => {
  await watchViolations(context);
  await page.route('https://www.youtube-nocookie.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>video</title><p>video</p>' }),
  );
});

// demo/spa.html and demo/late.html are served with the strict Content-Security-Policy.
test.afterEach(async ({ page, consoleErrors }) => {
  expect(consoleErrors, 'console errors and page errors').toEqual([]);
  expect(await violations(page), 'Content-Security-Policy violations').toEqual([]);
});

test.describe('single-page app (demo/spa.html)', () => {
  test('gated scripts of a view swapped in by pushState wait for consent, then run once each, in order', async ({
    page,
    trackers,
  }) => {
    await page.goto('/spa.html');
    await crumbReady(page);
    await page.evaluate(() => {
      (window as any).samePage = true;
    });

    await nav(page, 'Stats').click();
    await expect(page).toHaveURL(/\/spa\.html\?view=stats$/);
    await expect(page.getByRole('heading', { name: 'Stats' })).toBeVisible();
    await settle(page);
    expect(await ran(page)).toEqual([]);
    await expect(page.locator('#view script[data-consent]')).toHaveCount(3);

    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => ran(page)).toEqual(STATS);
    // Attributes kept on the live copy.
    await expect(page.locator('#view script[data-view-script="first"]')).toHaveAttribute('src', '/gated-analytics.js');
    expect(await page.locator('#view script[data-view-script="first"]').getAttribute('type')).toBeNull();

    // Consent given: the next view's gated content comes alive as soon as it arrives.
    await nav(page, 'Video').click();
    await expect(page.locator('#view iframe')).toHaveAttribute(
      'src',
      'https://www.youtube-nocookie.com/embed/crumb-demo',
    );
    await expect(page.locator('#view iframe')).toBeVisible();
    await expect(page.locator('.crumb-embed')).toHaveCount(0);
    await expect.poll(() => ran(page)).toEqual([...STATS, 'inline-marketing']);

    // A view rendered again brings new elements: each runs once.
    await nav(page, 'Stats').click();
    await expect.poll(() => ran(page)).toEqual([...STATS, 'inline-marketing', ...STATS]);
    await page.goBack();
    await expect(page).toHaveURL(/\?view=video$/);
    await expect.poll(() => ran(page)).toEqual([...STATS, 'inline-marketing', ...STATS, 'inline-marketing']);

    expect(await page.evaluate(() => (window as any).samePage)).toBe(true);
    await settle(page);
    expect(trackers.vendors()).toEqual(['google-analytics', 'twitter']);
    expect(trackers.count()).toBe(2);
  });

  test("a view's gated video shows its placeholder; after more navigation it is allowed from there", async ({
    page,
  }) => {
    await page.goto('/spa.html?view=video');
    await crumbReady(page);
    await expect(page.getByRole('button', { name: 'Allow YouTube' })).toBeVisible();
    await expect(page.locator('#view iframe')).toBeHidden();

    await nav(page, 'Shop').click();
    await expect(page.locator('.crumb-embed')).toHaveCount(0);
    await nav(page, 'Video').click();
    await expect(page.locator('.crumb-embed')).toHaveCount(1);
    await page.getByRole('button', { name: 'Allow YouTube' }).click();
    await expect(page.locator('#view iframe')).toBeVisible();
    await expect.poll(() => ran(page)).toEqual(['inline-marketing']);
    await settle(page);
    expect(await ran(page)).toEqual(['inline-marketing']);
  });

  test('a gated script removed before its turn is skipped and does not hold up the ones after it', async ({ page }) => {
    await page.goto('/spa.html');
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    // The first external script of the Stats view is slow the first time it is requested.
    let slow = true;
    await page.route('**/gated-analytics.js', async (route) => {
      if (slow) {
        slow = false;
        await new Promise((resolve) => setTimeout(resolve, 800));
      }
      await route.continue();
    });
    const slowOne = page.waitForRequest('**/gated-analytics.js');
    await nav(page, 'Stats').click();
    // Once the view's first script is on its way (slowly), leave: its other two gated scripts go before their turn.
    await slowOne;
    await nav(page, 'Shop').click();
    await nav(page, 'Stats').click();
    await expect.poll(() => ran(page)).toEqual(['external-analytics', ...STATS]);
    await settle(page);
    expect(await ran(page)).toEqual(['external-analytics', ...STATS]);
  });
});

test.describe('content added after load (demo/late.html)', () => {
  test('added before consent: inert, video behind a placeholder; consent runs it in document order', async ({
    page,
  }) => {
    await page.goto('/late.html');
    await crumbReady(page);
    await page.getByRole('button', { name: 'Load comments' }).click();
    await expect(page.getByRole('heading', { name: 'Comments (batch 1)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Allow YouTube' })).toBeVisible();
    await settle(page);
    expect(await ran(page)).toEqual([]);

    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => ran(page)).toEqual(['external-analytics', 'late-inline-1']);
    await expect(page.getByTitle('Video reply 1')).toBeVisible();
    await expect(page.locator('.crumb-embed')).toHaveCount(0);
  });

  test('added after consent: runs at once, in document order, the video without a placeholder', async ({ page }) => {
    // The page's gated inline scripts carry its nonce, as the README asks: Crumb has nothing to warn about.
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto('/late.html');
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await page.getByRole('button', { name: 'Load comments' }).click();
    await page.getByRole('button', { name: 'Load comments' }).click();
    await expect
      .poll(() => ran(page))
      .toEqual(['external-analytics', 'late-inline-1', 'external-analytics', 'late-inline-2']);
    await expect(page.getByTitle('Video reply 2')).toHaveAttribute(
      'src',
      'https://www.youtube-nocookie.com/embed/reply-2',
    );
    await expect(page.locator('.crumb-embed')).toHaveCount(0);
    expect(warnings).toEqual([]);
  });

  test('added after a refusal: stays inert; the placeholder can still allow it', async ({ page }) => {
    await page.goto('/late.html');
    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    await page.getByRole('button', { name: 'Load comments' }).click();
    await page.getByRole('button', { name: 'Allow YouTube' }).click();
    await expect(page.getByTitle('Video reply 1')).toBeVisible();
    await settle(page);
    expect(await ran(page)).toEqual([]);
  });
});

test.describe('a framework that replaces the page (Turbo swaps <body>, others its content)', () => {
  const swapBody = (page: Page) =>
    page.evaluate(() => {
      const next = document.createElement('body');
      next.innerHTML = '<main><h1>Next view</h1><a href="#" data-crumb-open>Our cookies</a></main>';
      document.body.replaceWith(next);
    });

  test('the banner comes back after the body is swapped, and still decides', async ({ page, trackers }) => {
    await pageWithCrumb(page, { attrs: { 'data-google-analytics': 'G-ABC123XYZ9' } });
    await expect(banner(page)).toBeVisible();
    await swapBody(page);
    await expect(page.getByRole('heading', { name: 'Next view' })).toBeVisible();
    await expect(banner(page)).toBeVisible();
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(banner(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
    await settle(page);
    expect(trackers.vendors()).toEqual(['google-analytics']);
  });

  test("the page's own element with the id crumb (its breadcrumb) is left alone when the body is swapped", async ({
    page,
  }) => {
    await pageWithCrumb(page);
    await expect(banner(page)).toBeVisible();
    await page.evaluate(() => {
      const next = document.createElement('body');
      next.innerHTML = '<nav id="crumb" aria-label="Breadcrumb">Home › Bread</nav><main><h1>Next view</h1></main>';
      document.body.replaceWith(next);
    });
    await expect(page.getByRole('heading', { name: 'Next view' })).toBeVisible();
    await expect(banner(page)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toHaveText('Home › Bread');
  });

  test('"Cookie settings", data-crumb-open and Crumb.open() still work after the content is replaced', async ({
    page,
  }) => {
    await pageWithCrumb(page);
    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
    await page.evaluate(() => {
      document.body.innerHTML = '<main><h1>Next view</h1><a href="#" data-crumb-open>Our cookies</a></main>';
    });
    await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
    await page.getByRole('link', { name: 'Our cookies' }).click();
    await expect(dialog(page)).toBeVisible();
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await expect(dialog(page)).toHaveCount(0);

    // A body shown again from a copy of itself (Turbo's snapshot cache) holds a copy of the host, without its shadow
    // root: the host takes its place.
    await page.evaluate(() => document.body.replaceWith(document.body.cloneNode(true)));
    await expect(page.locator('#crumb')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();

    await swapBody(page);
    await page.evaluate(() => (window as any).Crumb.open());
    await expect(dialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
  });

  /** Whether the preferences are a modal dialog in the top layer, with the page behind them inert. */
  const modal = (page: Page) =>
    page.evaluate(() => {
      const el = document.getElementById('crumb')?.shadowRoot?.querySelector('dialog');
      const link = document.querySelector('a[data-crumb-open]');
      if (!el || !link) return 'missing';
      const box = link.getBoundingClientRect();
      // The backdrop covers the page: a point on the page's link hits the widget's host, not the link.
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return `${el.matches(':modal') ? 'modal' : 'not modal'}, page ${hit === link ? 'reachable' : 'covered'}`;
    });
  /** Tab a few times: focus must stay inside the dialog (trapped). */
  const tabsStayIn = async (page: Page) => {
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog, `Tab ${i + 1}: ${(await focused(page)).label}`).toBe(true);
    }
  };

  test('open preferences stay a modal dialog when the body is swapped: focus trapped, Escape closes without deciding', async ({
    page,
  }) => {
    await pageWithCrumb(page, { attrs: { 'data-google-analytics': 'G-ABC123XYZ9' } });
    await banner(page).getByRole('button', { name: 'Customize' }).click();
    await expect(dialog(page)).toBeVisible();
    await swapBody(page);
    await expect(page.getByRole('heading', { name: 'Next view' })).toBeVisible();
    await expect(dialog(page)).toBeVisible();
    await expect.poll(() => modal(page)).toBe('modal, page covered');
    expect((await focused(page)).inDialog).toBe(true);
    await tabsStayIn(page);

    await page.keyboard.press('Escape');
    await expect(dialog(page)).toHaveCount(0);
    expect((await crumbState(page)).decided).toBe(false);
    await expect(banner(page)).toBeVisible();
    // Focus goes back to "Customize", which came back with the host.
    expect((await focused(page)).label).toBe('button "Customize"');
  });

  test('open preferences stay a modal dialog when the content is replaced, and still save a choice', async ({
    page,
    trackers,
  }) => {
    await pageWithCrumb(page, { attrs: { 'data-google-analytics': 'G-ABC123XYZ9' } });
    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await expect(dialog(page)).toBeVisible();
    await page.evaluate(() => {
      document.body.innerHTML = '<main><h1>Next view</h1><a href="#" data-crumb-open>Our cookies</a></main>';
    });
    await expect(page.getByRole('heading', { name: 'Next view' })).toBeVisible();
    await expect.poll(() => modal(page)).toBe('modal, page covered');
    expect((await focused(page)).inDialog).toBe(true);
    await tabsStayIn(page);

    await dialog(page).getByRole('switch', { name: 'Google Analytics' }).check();
    await dialog(page).getByRole('button', { name: 'Save choices' }).click();
    await expect(dialog(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Cookie settings' })).toBeVisible();
    expect((await crumbState(page)).categories).toEqual({ necessary: true, analytics: true, marketing: false });
    await settle(page);
    expect(trackers.vendors()).toEqual(['google-analytics']);
  });
});

test('data-crumb-open inside a web component of the page (its open shadow root), or on the component, opens the preferences', async ({
  page,
}) => {
  await pageWithCrumb(page, {
    body: `<site-footer></site-footer><cookie-link data-crumb-open></cookie-link>
<script>
customElements.define('site-footer', class extends HTMLElement {
  connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<footer><button type="button" data-crumb-open><span>Cookie choices</span></button></footer>'; }
});
customElements.define('cookie-link', class extends HTMLElement {
  connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<button type="button">Manage cookies</button>'; }
});
</script>`,
  });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await page.getByText('Cookie choices').click();
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cookie choices' })).toBeFocused();
  await page.getByRole('button', { name: 'Manage cookies' }).click();
  await expect(dialog(page)).toBeVisible();
});
