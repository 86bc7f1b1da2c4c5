/**
 * The Playwright config of a QA suite for a site that embeds Crumb: copy this folder into the site's repository,
 * `npm install -D @playwright/test crumb-consent`, point SITE_URL at the site and run `npx playwright test`.
 *
 * In Crumb's own repository it runs the demo site: `npx playwright test -c e2e/qa-example` (after `npm run build`).
 * Crumb's `npm test` runs the same spec under its own config, so the example is proven on every run.
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const SITE_URL = process.env.SITE_URL ?? 'http://127.0.0.1:4190';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  retries: 0,
  use: { baseURL: SITE_URL, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      // Playwright's own Chromium (`npx playwright install chromium`), unless CHROMIUM_PATH or a system Chromium is
      // there. Nothing here comes from Crumb's repository, so the folder works wherever it is copied.
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath:
            process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
          // Chromium refuses to start its sandbox as root (containers, CI).
          args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
        },
      },
    },
  ],
  // Only when testing Crumb's demo site; a real site's suite runs against the site it is pointed at.
  webServer: process.env.SITE_URL
    ? undefined
    : { command: 'node ../../demo/server.mjs', env: { PORT: '4190' }, url: SITE_URL, reuseExistingServer: true },
});
