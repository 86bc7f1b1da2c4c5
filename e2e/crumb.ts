/** Page helpers for Crumb's own e2e suite: locators by role and name (SPEC §3), and a full configuration. */
import type { BrowserContext, Page } from '@playwright/test';

/** The four trackers, as on the demo pages. */
export const ALL_TRACKERS = {
  'data-google-analytics': 'G-CRUMBTEST1',
  'data-leadlander': '19428',
  'data-twitter-pixel': 'o1abc',
  'data-facebook-pixel': '123456789012345',
} as const;

export const banner = (page: Page) => page.getByRole('region', { name: 'Cookie consent' });
export const dialog = (page: Page) => page.getByRole('dialog', { name: 'Privacy preferences' });

/** Waits until Crumb has started on the page (its API is on `window`). */
export const crumbReady = (page: Page) => page.waitForFunction(() => typeof (window as any).Crumb?.get === 'function');

/** The API state, as `Crumb.get()` returns it. */
export const crumbState = (page: Page) => page.evaluate(() => (window as any).Crumb.get());

/** Lets the page run for a while, so that a request that should not happen has had every chance to. */
export const settle = (page: Page, ms = 400) => page.waitForTimeout(ms);

/** Makes the browser send Do Not Track and/or Global Privacy Control, as a QA suite would. */
export async function sendSignals(
  context: BrowserContext,
  { dnt = false, gpc = false }: { dnt?: boolean; gpc?: boolean },
) {
  await context.addInitScript(
    ([d, g]) => {
      if (d) Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1', configurable: true });
      if (g)
        Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
    },
    [dnt, gpc] as const,
  );
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
