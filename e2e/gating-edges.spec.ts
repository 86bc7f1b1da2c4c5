import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { ALL_TRACKERS, crumbReady, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';
import { violations, watchViolations } from './violations';

/**
 * Gated markup (SPEC §2) in the shapes pages really have: scripts the browser skips once live (`nomodule`, a type it
 * does not run), event-handler attributes under Trusted Types, and elements a page removes, moves or puts back.
 */

const order = (page: Page) => page.evaluate(() => (window as any).order);
const grant = (page: Page) => page.evaluate(() => (window as any).Crumb.acceptAll());
const script = (page: Page, path: string, name: string, delay = 0) =>
  page.route(`**${path}`, async (route) => {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    await route.fulfill({ contentType: 'application/javascript', body: `window.order.push('${name}')` });
  });

/**
 * Serves `/gated/held.js` (it pushes `held`) only once `release()` is called; `requested` settles when the browser
 * asks for it: the scripts after it wait their turn meanwhile.
 */
async function holdScript(page: Page) {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked: () => void = () => {};
  const requested = new Promise<void>((resolve) => {
    asked = resolve;
  });
  await page.route('**/gated/held.js', async (route) => {
    asked();
    await held;
    await route.fulfill({ contentType: 'application/javascript', body: "window.order.push('held')" });
  });
  return { requested, release: () => release() };
}

/**
 * A page whose gated `#tag` (analytics, it pushes `tag`) waits its turn behind the held script, then `after`; Crumb is
 * ready, nothing is granted yet.
 */
async function waitingTag(page: Page, after = '') {
  const held = await holdScript(page);
  await script(page, '/gated/tag.js', 'tag');
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    body: `<script>window.order = [];</script>
<script type="text/plain" data-consent="analytics" src="/gated/held.js"></script>
<script id="tag" type="text/plain" data-consent="analytics" src="/gated/tag.js"></script>${after}`,
  });
  await crumbReady(page);
  return held;
}

test('a gated script the browser skips once live (nomodule, a type it does not run) holds back none after it', async ({
  page,
}) => {
  await script(page, '/gated/modern.mjs', 'modern');
  await script(page, '/gated/legacy.js', 'legacy');
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    body: `<script>window.order = [];</script>
<script type="text/plain" data-consent="analytics" data-type="module" src="/gated/modern.mjs"></script>
<script type="text/plain" data-consent="analytics" nomodule src="/gated/legacy.js"></script>
<script type="text/plain" data-consent="analytics" data-type="text/x-template" src="/gated/template.html"></script>
<script type="text/plain" data-consent="marketing">window.order.push('after')</script>`,
  });
  await crumbReady(page);
  await grant(page);
  // A browser with modules skips the nomodule copy and fires no event for it, nor for a type it does not run.
  await expect.poll(() => order(page)).toEqual(['modern', 'after']);
  await settle(page);
  expect(await order(page)).toEqual(['modern', 'after']);
  await expect(page.locator('script[nomodule]')).toHaveAttribute('data-crumb-activated', '');
});

test('under Trusted Types, a gated script keeps its event-handler attribute, and the page’s CSP decides on it', async ({
  page,
  context,
  consoleErrors,
}) => {
  await watchViolations(context);
  const nonce = 'SGFuZGxlck5vbmNlMTIz';
  const handler = "window.order.push('onload')";
  // The page allows this one handler by its hash, as a site with an inline handler on a vendor tag would.
  const hash = createHash('sha256').update(handler).digest('base64');
  await script(page, '/gated/widget.js', 'widget');
  await page.route('**/__e2e/gated-handler.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: {
        'Content-Security-Policy': `script-src 'nonce-${nonce}' 'strict-dynamic' 'unsafe-hashes' 'sha256-${hash}'; object-src 'none'; require-trusted-types-for 'script'; trusted-types crumb`,
      },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Handler</title>
<script nonce="${nonce}">window.order = [];</script>
<script src="/dist/crumb.js" nonce="${nonce}" data-google-analytics="G-CRUMBTEST1"></script></head><body>
<script type="text/plain" data-consent="analytics" src="/gated/widget.js" onload="${handler}"></script>
<script type="text/plain" data-consent="analytics" nonce="${nonce}">window.order.push('inline')</script>
</body></html>`,
    }),
  );
  await page.goto('/__e2e/gated-handler.html');
  await crumbReady(page);
  await grant(page);
  await expect.poll(() => order(page)).toEqual(['widget', 'onload', 'inline']);
  await expect(page.locator('script[src="/gated/widget.js"]')).toHaveAttribute('onload', handler);
  expect(await violations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a gated script removed before its turn and put back later comes alive then, once', async ({ page }) => {
  await script(page, '/gated/slow.js', 'slow', 800);
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    body: `<script>window.order = [];</script>
<script type="text/plain" data-consent="analytics" src="/gated/slow.js"></script>
<div id="panel"><script type="text/plain" data-consent="analytics">window.order.push('panel')</script></div>`,
  });
  await crumbReady(page);
  await grant(page);
  // A tab panel taken out of the page while the script before it downloads.
  await page.evaluate(() => {
    (window as any).panel = document.getElementById('panel');
    (window as any).panel.remove();
  });
  await expect.poll(() => order(page)).toEqual(['slow']);
  await settle(page);
  // Not live, so not marked live.
  expect(
    await page.evaluate(() => (window as any).panel.querySelector('script').hasAttribute('data-crumb-activated')),
  ).toBe(false);
  await page.evaluate(() => document.body.append((window as any).panel));
  await expect.poll(() => order(page)).toEqual(['slow', 'panel']);
  await grant(page);
  await settle(page);
  expect(await order(page)).toEqual(['slow', 'panel']);
});

test('the placeholder goes with its iframe: removed, or replaced by another, no box is left behind', async ({
  page,
}) => {
  await page.route('https://www.youtube-nocookie.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<p>video</p>' }),
  );
  const frame = (title: string, id: string) =>
    `<iframe title="${title}" data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/${id}"></iframe>`;
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    body: `<div id="a">${frame('Video A', 'a')}</div><div id="b">${frame('Video B', 'b')}</div><div id="c"></div>`,
  });
  await expect(page.getByRole('group', { name: 'Video A' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Video B' })).toBeVisible();

  // A is closed by the page; B's iframe is replaced by a new one (a component rendering again).
  await page.evaluate(
    (html) => {
      document.querySelector('#a iframe')?.remove();
      const b = document.querySelector('#b iframe') as HTMLIFrameElement;
      b.insertAdjacentHTML('afterend', html);
      b.remove();
    },
    frame('Video B2', 'b2'),
  );
  await expect(page.getByRole('group', { name: 'Video B2' })).toBeVisible();
  await expect(page.locator('.crumb-embed')).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Video A' })).toHaveCount(0);

  // Moved elsewhere (a list sorted again): its box comes along, right before it, and it waits hidden as before.
  await page.evaluate(() => document.getElementById('c')?.append(document.querySelector('#b iframe') as Node));
  await expect(page.locator('#c .crumb-embed + iframe')).toHaveCount(1);
  await expect(page.locator('.crumb-embed')).toHaveCount(1);
  await expect(page.locator('#c iframe')).toBeHidden();

  await grant(page);
  await expect(page.locator('#c iframe')).toBeVisible();
  await expect(page.locator('.crumb-embed')).toHaveCount(0);
  expect(await page.locator('#c iframe').getAttribute('style')).toBeNull();
});

test('a gated script whose data-consent the page changes while it waits its turn runs only under the new consent', async ({
  page,
}) => {
  const { requested, release } = await waitingTag(
    page,
    `
<script type="text/plain" data-consent="analytics">window.order.push('last')</script>`,
  );
  await page.evaluate(() => (window as any).Crumb.set({ analytics: true, marketing: false }));
  await requested;
  // While the script before it downloads, the page (a CMS, a tag manager's template) re-labels the tag as marketing.
  await page.evaluate(() => document.getElementById('tag')?.setAttribute('data-consent', 'marketing'));
  release();
  await expect.poll(() => order(page)).toEqual(['held', 'last']);
  await expect(page.locator('#tag')).toHaveAttribute('type', 'text/plain');
  await expect(page.locator('#tag')).not.toHaveAttribute('data-crumb-activated', '');
  await page.evaluate(() => (window as any).Crumb.set({ marketing: true }));
  await expect.poll(() => order(page)).toEqual(['held', 'last', 'tag']);
});

test('a gated script re-labelled while it waits its turn with a name the site does not have gets one error, and stays off', async ({
  page,
  consoleErrors,
}) => {
  const { requested, release } = await waitingTag(page);
  await grant(page);
  await requested;
  // Re-labelled with a misspelt category while the script before it downloads; it is the last one, so no later
  // activation changes the page and has the markup looked through again.
  await page.evaluate(() => document.getElementById('tag')?.setAttribute('data-consent', 'statistic'));
  release();
  await expect.poll(() => order(page)).toEqual(['held']);
  const said = () => consoleErrors.map((e) => e.text).filter((t) => t.includes('data-consent="statistic"'));
  await expect.poll(said).toHaveLength(1);
  expect(said()[0]).toContain('names no category or service of this site');
  await expect(page.locator('#tag')).toHaveAttribute('type', 'text/plain');
  // Said once: the next change of the page does not say it again.
  await page.evaluate(() => document.body.append(document.createElement('iframe')));
  await settle(page);
  expect(said()).toHaveLength(1);
});

test('a waiting iframe given another data-consent gets a placeholder that asks for that, and grants nothing else', async ({
  page,
}) => {
  await page.route('https://www.youtube-nocookie.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<p>video</p>' }),
  );
  await pageWithCrumb(page, {
    attrs: ALL_TRACKERS,
    body: `<iframe id="video" title="Video" data-consent="marketing" data-src="https://www.youtube-nocookie.com/embed/x"></iframe>`,
  });
  const box = page.getByRole('group', { name: 'Video' });
  await expect(box).toContainText('(Marketing)');
  await page.evaluate(() => document.getElementById('video')?.setAttribute('data-consent', 'analytics'));
  await expect(box).toContainText('(Analytics)');
  await expect(page.locator('.crumb-embed')).toHaveCount(1);
  await box.getByRole('button', { name: 'Allow YouTube' }).click();
  await expect(page.locator('#video')).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/x');
  const { categories } = await page.evaluate(() => (window as any).Crumb.get());
  expect(categories).toMatchObject({ analytics: true, marketing: false });
  await expect(page.locator('.crumb-embed')).toHaveCount(0);
});
