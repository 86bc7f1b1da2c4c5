/**
 * Shared fixtures for the end-to-end suite. Import `test` and `expect` from here, not from '@playwright/test'.
 *
 * - Every test runs offline: requests to tracker hosts are answered with a stub script and recorded (`trackers`),
 *   requests to any other non-local host are aborted (and listed in `trackers.blocked`).
 * - `consoleErrors` collects console errors and uncaught page errors.
 * - `pageWithCrumb()` opens a generated page on the demo origin with a Crumb tag configured as the test needs.
 */
import { test as base, expect, type Page, type Route } from '@playwright/test';
import { recordTrackers, type TrackerRequest, type TrackerVendor } from 'crumb-consent/testing';

export type { TrackerRequest, TrackerVendor };
export { expect };

export interface Trackers {
  /** Every tracker request so far, in order. */
  readonly requests: TrackerRequest[];
  /** URLs of requests to other non-local hosts, which were aborted. */
  readonly blocked: string[];
  /** Number of requests to one vendor (or to all of them). */
  count(vendor?: TrackerVendor): number;
  /** Vendors that were contacted, sorted, each once. */
  vendors(): TrackerVendor[];
  /** Fails the test if any tracker request happened. */
  expectNone(): void;
  /** Forgets the requests recorded so far. */
  clear(): void;
}

export interface ConsoleError {
  /** `console`: a `console.error` message (including Chromium's "Failed to load resource"); `pageerror`: uncaught. */
  source: 'console' | 'pageerror';
  text: string;
  /** Where it came from: `url:line:column` for console messages, the page URL for page errors. */
  location: string;
}

function isLocalHost(hostname: string): boolean {
  return (
    hostname === '127.0.0.1' ||
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname.endsWith('.localhost') ||
    // Mapped to 127.0.0.1 by the launch args in playwright.config.ts.
    hostname === 'example.test' ||
    hostname.endsWith('.example.test')
  );
}

export const test = base.extend<{ trackers: Trackers; consoleErrors: ConsoleError[] }>({
  trackers: [
    async ({ context }, use) => {
      const blocked: string[] = [];
      // Registered first, so it runs last: only what the tracker recorder did not take gets here.
      await context.route('**/*', async (route: Route) => {
        const url = new URL(route.request().url());
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
        if (isLocalHost(url.hostname)) return route.continue();
        blocked.push(url.href);
        return route.abort('blockedbyclient');
      });
      // The public QA kit's recorder, as built in dist/: Crumb's own suite proves it on every run.
      const recorder = await recordTrackers(context);
      const trackers: Trackers = {
        requests: recorder.requests,
        blocked,
        count: recorder.count,
        vendors: recorder.vendors,
        expectNone: recorder.expectNoTrackerRequests,
        clear: () => {
          recorder.clear();
          blocked.length = 0;
        },
      };
      await use(trackers);
    },
    { auto: true },
  ],

  consoleErrors: async ({ page }, use) => {
    const errors: ConsoleError[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber, columnNumber } = message.location();
      errors.push({ source: 'console', text: message.text(), location: `${url}:${lineNumber}:${columnNumber}` });
    });
    page.on('pageerror', (error) => {
      errors.push({ source: 'pageerror', text: String(error.stack ?? error), location: page.url() });
    });
    await use(errors);
  },
});

export type AttributeValue = string | number | boolean | null | undefined;

export interface CrumbPageOptions {
  /**
   * Attributes of the `<script src="/dist/crumb.js">` tag, e.g. `{ 'data-google-analytics': 'G-ABC123XYZ9', async: true }`.
   * Strings and numbers are HTML-escaped; `true` writes a bare attribute; `false`, `null` and `undefined` leave it out.
   */
  attrs?: Record<string, AttributeValue>;
  /** Raw HTML for the body (gated scripts, `data-crumb-open` buttons, …). */
  body?: string;
  /** Raw HTML for the head, before the Crumb tag (e.g. a `data-crumb-config` JSON block). */
  head?: string;
  /** Page path under `/__e2e/`, without `.html`; random when left out. Reuse it to open the same page in another tab. */
  path?: string;
  /** Where the Crumb tag goes: end of `<head>` (default) or end of `<body>`. */
  placement?: 'head' | 'body';
  /** Origin to serve the page on instead of baseURL, e.g. `http://shop.example.test:<port>` (same port). */
  origin?: string;
  /** `<html lang>`; `null` leaves the attribute out. Default `en`. */
  lang?: string | null;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function renderAttributes(attrs: Record<string, AttributeValue>): string {
  let html = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (!/^[^\s"'<>/=]+$/.test(name)) throw new Error(`pageWithCrumb: invalid attribute name ${JSON.stringify(name)}`);
    if (value === false || value === null || value === undefined) continue;
    html += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return html;
}

/** The HTML page `pageWithCrumb()` serves. */
export function crumbPageHtml({
  attrs = {},
  body = '',
  head = '',
  placement = 'head',
  lang = 'en',
}: CrumbPageOptions): string {
  const tag = `<script src="/dist/crumb.js"${renderAttributes(attrs)}></script>`;
  return [
    '<!doctype html>',
    lang === null ? '<html>' : `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Crumb e2e page</title>',
    head,
    placement === 'head' ? tag : '',
    '</head>',
    '<body>',
    body,
    placement === 'body' ? tag : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Serves a generated page at `/__e2e/<path>.html` on the demo origin (same origin as the demo, so Crumb's cookie
 * and localStorage are shared with it) and opens it. The route lives on `page`: reloads work; to open the same page
 * in another tab, call this again on that tab with the same `path`. Returns the page's absolute URL.
 */
export async function pageWithCrumb(page: Page, options: CrumbPageOptions = {}): Promise<string> {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error('pageWithCrumb: use.baseURL is not set in playwright.config.ts');
  const name = (options.path ?? Math.random().toString(36).slice(2, 10)).replace(/^\/+/, '').replace(/\.html$/, '');
  const url = new URL(`/__e2e/${name}.html`, options.origin ?? baseURL).href;
  const html = crumbPageHtml(options);
  // Matched without query or fragment, so a test can open the same page with `?…` too.
  await page.route(
    (u) => `${u.origin}${u.pathname}` === url,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  if (options.origin) {
    // Chromium counts a fulfilled page as public, so it would refuse a real fetch of the script from this machine
    // (Local Network Access): serve the built files from the same route mechanism.
    await page.route(`${options.origin}/dist/**`, (route) =>
      route.fulfill({ path: `dist/${new URL(route.request().url()).pathname.replace(/^\/dist\//, '')}` }),
    );
  }
  const response = await page.goto(url);
  if (!response?.ok()) throw new Error(`pageWithCrumb: ${url} answered ${response?.status() ?? 'nothing'}`);
  return url;
}
