/**
 * The Playwright config of a QA suite for a site that embeds Crumb: copy this folder into the site's repository,
 * `npm install -D @playwright/test crumb-consent`, point SITE_URL at the site and run `npx playwright test`.
 *
 * In Crumb's own repository it runs the demo site: `npx playwright test -c e2e/qa-example` (after `npm run build`).
 * Crumb's `npm test` runs the same spec under its own config, so the example is proven on every run.
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, localChromium } from '../../scripts/find-chromium.mjs';

const SITE_URL = process.env.SITE_URL ?? 'http://127.0.0.1:4190';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  retries: 0,
  use: { baseURL: SITE_URL, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      // A site's suite would use Playwright's own browser; this one finds the machine's Chromium as Crumb's does.
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath: localChromium(), args: chromiumArgs() } },
    },
  ],
  // Only when testing Crumb's demo site; a real site's suite runs against the site it is pointed at.
  webServer: process.env.SITE_URL
    ? undefined
    : { command: 'node ../../demo/server.mjs', env: { PORT: '4190' }, url: SITE_URL, reuseExistingServer: true },
});
