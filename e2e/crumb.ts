/** Page helpers for Crumb's own e2e suite: locators by role and name (SPEC §3), and a full configuration. */
import type { Page } from '@playwright/test';

/** The four trackers, as on the demo pages. */
export const ALL_TRACKERS = {
  'data-google-analytics': 'G-CRUMBTEST1',
  'data-leadlander': '19428',
  'data-twitter-pixel': 'o1abc',
  'data-facebook-pixel': '123456789012345',
} as const;

export { banner, preferences as dialog } from 'crumb-consent/testing';

/** Waits until Crumb has started on the page (its API is on `window`). */
export const crumbReady = (page: Page) => page.waitForFunction(() => typeof (window as any).Crumb?.get === 'function');

/** The API state, as `Crumb.get()` returns it. */
export const crumbState = (page: Page) => page.evaluate(() => (window as any).Crumb.get());

/** Lets the page run for a while, so that a request that should not happen has had every chance to. */
export const settle = (page: Page, ms = 400) => page.waitForTimeout(ms);

/** Makes the browser send Do Not Track and/or Global Privacy Control (the public kit's helper). */
export { privacySignals as sendSignals } from 'crumb-consent/testing';

/**
 * Makes the page say it is prerendered ahead of a click (`document.prerendering`), as Speculation Rules do; Playwright's
 * attachment keeps Chromium from prerendering for real. Call before the page loads; `show` then shows it
 * (`prerenderingchange`).
 */
export async function pretendPrerendered(page: Page): Promise<{ show: () => Promise<void> }> {
  await page.addInitScript(() => {
    (window as any).__prerendering = true;
    Object.defineProperty(Document.prototype, 'prerendering', {
      configurable: true,
      get: () => (window as any).__prerendering,
    });
  });
  return {
    show: () =>
      page.evaluate(() => {
        (window as any).__prerendering = false;
        document.dispatchEvent(new Event('prerenderingchange'));
      }),
  };
}

/** An origin on the test domain (mapped to 127.0.0.1), on the demo server's port: `http://shop.example.test:4183`. */
export function testOrigin(baseURL: string | undefined, host: string): string {
  const port = new URL(baseURL ?? 'http://127.0.0.1:4183').port;
  return `http://${host}:${port}`;
}

/** Console warnings of Crumb's, as a list of texts. */
export function crumbWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().startsWith('Crumb:')) warnings.push(m.text());
  });
  return warnings;
}
