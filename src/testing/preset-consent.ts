import type { BrowserContext, Cookie } from '@playwright/test';
import { type ConsentRecord, createConsentId, type DecisionSource, encodeRecord } from '../consent/consent-record';
import { STORAGE_KEY } from '../storage/types';

/** A decision to start a test with: what is not named is refused. `null` means "no decision stored". */
export type ConsentPreset = { analytics?: boolean; marketing?: boolean; services?: Record<string, boolean> } | null;

export interface PresetOptions {
  /** A URL of the site under test: the cookie and the localStorage mirror are written for its origin. */
  url: string;
  /** The site's `data-revision`. @default "1" */
  revision?: string;
  /** The site's `data-cookie-domain`, e.g. `.example.com`. @default host-only */
  cookieDomain?: string;
  /** The site's `data-expiry-days`: how long the cookie lives, counted from the decision's time. @default 182 */
  expiryDays?: number;
  /** How the decision is recorded as made. @default "api" */
  source?: DecisionSource;
  /** Time of the decision. @default now */
  time?: Date;
  /** Consent ID. @default a random one */
  id?: string;
}

/** Ids of the built-in services and their category. */
const BUILT_IN: Record<string, 'analytics' | 'marketing'> = {
  'google-analytics': 'analytics',
  leadlander: 'marketing',
  twitter: 'marketing',
  facebook: 'marketing',
};

/**
 * The record a preset stands for, encoded by the widget's own code. A service can be granted on its own; refusing
 * a service while granting its whole category cannot be stored (a category counts as granted only when all its
 * services are), so that throws with a hint.
 */
export function presetRecord(preset: Exclude<ConsentPreset, null>, options: PresetOptions): ConsentRecord {
  const categories = { analytics: !!preset.analytics, marketing: !!preset.marketing };
  const services: string[] = [];
  for (const [id, granted] of Object.entries(preset.services ?? {})) {
    const category = BUILT_IN[id];
    if (granted && !(category && categories[category])) services.push(id);
    if (!granted && category && categories[category])
      throw new Error(
        `presetConsent: "${id}" cannot be refused while "${category}" is granted; leave ${category} out and grant its other services by id.`,
      );
  }
  return {
    id: options.id ?? createConsentId(globalThis.crypto as unknown as Pick<Crypto, 'getRandomValues'>),
    time: (options.time ?? new Date()).getTime(),
    revision: options.revision ?? '1',
    categories,
    services,
    source: options.source ?? 'api',
  };
}

/**
 * A Playwright `storageState` holding the decision (cookie and mirror), for `test.use({ storageState })` or
 * `browser.newContext({ storageState })`.
 */
export function consentStorageState(preset: Exclude<ConsentPreset, null>, options: PresetOptions) {
  const record = presetRecord(preset, options);
  const value = encodeRecord(record);
  const { origin, hostname } = new URL(options.url);
  const expires = Math.floor(record.time / 1000) + (options.expiryDays ?? 182) * 86_400;
  const cookie: Cookie = {
    name: STORAGE_KEY,
    // The widget reads the cookie percent-decoded.
    value: encodeURIComponent(value),
    // `Domain=example.com` is `.example.com` to browsers (and to the site's data-cookie-domain); to Playwright, a
    // domain without its dot is one host only.
    domain: options.cookieDomain ? options.cookieDomain.replace(/^\.?/, '.') : hostname,
    path: '/',
    expires,
    httpOnly: false,
    secure: origin.startsWith('https:'),
    sameSite: 'Lax',
  };
  return { cookies: [cookie], origins: [{ origin, localStorage: [{ name: STORAGE_KEY, value }] }] };
}

/**
 * Before any page of the test loads, makes `context` hold a valid stored decision, so pages open without the
 * banner and with exactly the granted trackers; `null` clears any stored decision. Returns the consent ID.
 */
export async function presetConsent(
  context: BrowserContext,
  preset: ConsentPreset,
  options: PresetOptions,
): Promise<string | undefined> {
  const { origin } = new URL(options.url);
  await context.clearCookies({ name: STORAGE_KEY });
  let value: string | undefined;
  let id: string | undefined;
  if (preset) {
    const state = consentStorageState(preset, options);
    await context.addCookies(state.cookies);
    value = state.origins[0].localStorage[0].value;
    id = value.split('|')[1];
  }
  // localStorage is per origin: write it from a blank page of that origin, served without touching the site.
  const page = await context.newPage();
  try {
    await page.route(`${origin}/__crumb_preset__`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html>' }),
    );
    await page.goto(`${origin}/__crumb_preset__`);
    await page.evaluate(
      ([key, v]) => {
        if (v === null) localStorage.removeItem(key);
        else localStorage.setItem(key, v);
      },
      [STORAGE_KEY, value ?? null] as const,
    );
  } finally {
    await page.close();
  }
  return id;
}
