import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, localChromium } from './scripts/find-chromium.mjs';

/** Port of the demo server the tests run against; override with CRUMB_E2E_PORT. */
const PORT = process.env.CRUMB_E2E_PORT ?? '4183';
const baseURL = `http://127.0.0.1:${PORT}`;
/** A domain whose subdomains Chromium resolves to 127.0.0.1 in the tests (see launch args). */
const TEST_DOMAIN = 'example.test';

/**
 * End-to-end tests: `npm run test:e2e` (scripts/e2e.mjs finds Chromium and sets CRUMB_CHROMIUM).
 * They test the built `dist/crumb.js`; build first (`npm test` does).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0, // a flaky test is a failing test
  forbidOnly: !!process.env.CI,
  timeout: 20_000,
  expect: { timeout: 5_000 },
  // Not the default `test-results`: Playwright empties its output folder on start, and the unit results live there.
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    // A failed test keeps its trace (every action with the DOM before and after it) and a screenshot of the end; the
    // trace's screencast is left out: recording it cost every test about 7% of its time.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: {
          // Set by scripts/e2e.mjs; the fallback lets a bare `npx playwright test` use the system Chromium too.
          executablePath: process.env.CRUMB_CHROMIUM || localChromium(),
          // *.example.test is the test domain for cookie-domain and withdrawal tests: it resolves to this machine.
          args: [
            ...chromiumArgs(),
            `--host-resolver-rules=MAP ${TEST_DOMAIN} 127.0.0.1, MAP *.${TEST_DOMAIN} 127.0.0.1`,
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node demo/server.mjs',
    env: { PORT, CRUMB_RECEIPTS_FILE: 'test-results/receipts.jsonl' },
    url: `${baseURL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
