import type { Page } from '@playwright/test';
import { crumbReady, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

/**
 * Crumb never costs the page its speed: counted work (lookups through the whole document, observer callbacks, timers),
 * never timings, on pages that keep changing.
 */

/** Counts the lookups made through the whole document (`document.querySelector…`), whoever makes them. */
const countDocumentLookups = () => {
  const w = window as unknown as { documentLookups: number };
  w.documentLookups = 0;
  for (const name of ['querySelector', 'querySelectorAll'] as const) {
    const own = Document.prototype[name] as (this: Document, selector: string) => unknown;
    (Document.prototype as unknown as Record<string, unknown>)[name] = function (this: Document, selector: string) {
      w.documentLookups++;
      return own.call(this, selector);
    };
  }
};
const lookups = (page: Page): Promise<number> => page.evaluate(() => (window as any).documentLookups);

/** What a busy page does, each change in a task of its own: a feed, a clock, an animation's attributes, a removal. */
const churn = (page: Page, times: number) =>
  page.evaluate(async (times) => {
    const feed = document.getElementById('feed') as HTMLElement;
    const clock = document.getElementById('clock') as HTMLElement;
    for (let i = 0; i < times; i++) {
      const item = document.createElement('article');
      item.append(document.createElement('p'), `item ${i}`);
      feed.append(item);
      clock.textContent = String(i);
      clock.setAttribute('data-tick', String(i));
      if (i % 10 === 9) feed.firstElementChild?.remove();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }, times);

const feedPage = (gated: string) =>
  `<p id="clock">0</p><div id="feed">${'<article><p>item</p></article>'.repeat(2000)}</div>${gated}`;

for (const [name, gated] of [
  ['no gated markup', ''],
  [
    '300 gated scripts and a gated iframe',
    `${'<script type="text/plain" data-consent="marketing">window.ran = (window.ran || 0) + 1</script>'.repeat(300)}
<iframe data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>`,
  ],
] as const)
  test(`a page that keeps changing its DOM, with ${name}, costs no lookup through the whole document per change`, async ({
    page,
  }) => {
    await page.route('https://www.youtube-nocookie.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>video</title>' }),
    );
    await page.addInitScript(countDocumentLookups);
    await pageWithCrumb(page, { body: feedPage(gated) });
    await crumbReady(page);
    if (gated) await expect(page.locator('.crumb-embed')).toHaveCount(1);
    await settle(page);

    const before = await lookups(page);
    await churn(page, 100);
    await settle(page, 100);
    expect(await lookups(page)).toBe(before);

    // Gated markup that arrives among the changes is still found at once.
    await page.evaluate(() => {
      const late = document.createElement('script');
      late.type = 'text/plain';
      late.setAttribute('data-consent', 'analytics');
      late.text = 'window.late = true';
      document.getElementById('feed')?.append(late);
      (window as any).Crumb.acceptAll();
    });
    await expect.poll(() => page.evaluate(() => (window as any).late)).toBe(true);
    if (gated) await expect.poll(() => page.evaluate(() => (window as any).ran)).toBe(300);
  });

test('the page writing its own cookies, often, costs no read of document.cookie', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { cookieReads: number };
    w.cookieReads = 0;
    const own = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie') as PropertyDescriptor;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get() {
        w.cookieReads++;
        return own.get?.call(this);
      },
      set(value) {
        own.set?.call(this, value);
      },
    });
  });
  await pageWithCrumb(page, { body: '<p>A page with a session.</p>' });
  await crumbReady(page);
  await settle(page);
  const reads = await page.evaluate(async () => {
    const w = window as any;
    if (!w.cookieStore) throw new Error('the Cookie Store API is expected here (a secure context)');
    const before = w.cookieReads;
    for (let i = 0; i < 30; i++) {
      // Told after Crumb (registered later): by then Crumb has had the change too.
      const told = new Promise((resolve) => w.cookieStore.addEventListener('change', resolve, { once: true }));
      // biome-ignore lint/suspicious/noDocumentCookie: the way most pages write their cookies
      document.cookie = `session_tick=${i}; Path=/`;
      await told;
    }
    return w.cookieReads - before;
  });
  expect(reads).toBe(0);
});
