// `npm run test:e2e [-- <playwright test args>]`: runs the Playwright suite in e2e/ against the demo server.
// Finds (or installs) Chromium first and hands its path to playwright.config.ts as CRUMB_CHROMIUM.
// Does not build: it tests whatever is in dist/ (`npm test` builds before it).

import { spawn } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

let executable;
try {
  executable = await findChromium();
} catch (error) {
  console.error(`[crumb] cannot run the e2e tests: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CRUMB_CHROMIUM: executable },
});

// Ctrl-C reaches Playwright directly (same process group); stay alive until it has cleaned up and exited.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));

child.on('error', (error) => {
  console.error(`[crumb] could not start "npx playwright test": ${error.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
