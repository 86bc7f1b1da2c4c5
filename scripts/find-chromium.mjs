// Finds the Chromium the end-to-end tests run in, installing one only when there is none.
//
// Order: $CHROMIUM_PATH (must exist) → /usr/bin/chromium (Debian package) → Playwright's own download →
// install: `apt-get install chromium` when root on a Debian-like machine, else `npx playwright install chromium`.
//
// `node scripts/find-chromium.mjs` prints the path on stdout (same search, same installs); everything else it says,
// including installer output, goes to stderr.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Command-line flags for every Chromium the tests launch. Without the background-networking flags Chromium keeps
 * calling Google services, which on a closed network means a stream of refused connections and noisy logs.
 * @returns {string[]}
 */
export function chromiumArgs() {
  const args = [
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
  // Chromium refuses to start its sandbox as root (containers, CI).
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return args;
}

/**
 * A Chromium that is already on this machine, without installing anything: $CHROMIUM_PATH or /usr/bin/chromium.
 * Used by playwright.config.ts so that a bare `npx playwright test` also finds the system browser.
 * @returns {string | undefined}
 */
export function localChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

/**
 * The path of a Chromium executable for the end-to-end tests, installing one if needed. Prints one line saying which.
 * @returns {Promise<string>}
 */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but there is no file there. Fix or unset it.`);
    }
    return announce(fromEnv, 'from $CHROMIUM_PATH');
  }

  if (existsSync(SYSTEM_CHROMIUM)) return announce(SYSTEM_CHROMIUM, 'system package');

  const bundled = await playwrightChromium();
  if (bundled && existsSync(bundled)) return announce(bundled, "Playwright's download");

  if (process.getuid?.() === 0 && commandExists('apt-get')) {
    console.error('[crumb] no Chromium found: installing the Debian package (apt-get install chromium)…');
    run('apt-get', ['update'], 'apt-get update');
    run('apt-get', ['install', '-y', 'chromium'], 'apt-get install -y chromium');
    if (!existsSync(SYSTEM_CHROMIUM)) {
      throw new Error(`apt-get installed chromium, but ${SYSTEM_CHROMIUM} still does not exist.`);
    }
    return announce(SYSTEM_CHROMIUM, 'system package, just installed');
  }

  console.error("[crumb] no Chromium found: installing Playwright's (npx playwright install chromium)…");
  run('npx', ['playwright', 'install', 'chromium'], 'npx playwright install chromium');
  const installed = await playwrightChromium();
  if (!installed || !existsSync(installed)) {
    throw new Error(
      `npx playwright install chromium finished, but ${installed ?? "Playwright's Chromium"} does not exist. ` +
        'Install Chromium yourself and set CHROMIUM_PATH to it.',
    );
  }
  return announce(installed, "Playwright's download, just installed");
}

/** @returns {Promise<string | undefined>} where Playwright keeps (or would keep) its own Chromium */
async function playwrightChromium() {
  for (const name of ['@playwright/test', 'playwright-core']) {
    try {
      const { chromium } = await import(name);
      return chromium.executablePath();
    } catch {
      // not installed, or no Chromium for this platform: try the next one
    }
  }
  return undefined;
}

/** @param {string} path @param {string} how */
function announce(path, how) {
  const version = browserVersion(path);
  console.error(`[crumb] e2e browser: ${path} (${how}${version ? `, ${version}` : ''})`);
  return path;
}

/** @param {string} path @returns {string | undefined} e.g. "Chromium 156.0.8078.79", best effort */
function browserVersion(path) {
  const result = spawnSync(path, ['--version'], {
    encoding: 'utf8',
    timeout: 15_000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = result.stdout?.trim().split('\n').pop();
  return result.status === 0 && line ? line.replace(/\s+built on .*/, '') : undefined;
}

/** @param {string} name */
function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** @param {string} command @param {string[]} args @param {string} label */
function run(command, args, label) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 2, 2], // stdout → stderr: stdout is reserved for the path
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw new Error(`${label} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal}).`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const path = await findChromium();
    process.stdout.write(`${path}\n`);
  } catch (error) {
    console.error(`[crumb] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
