import type { BrowserContext, Cookie } from '@playwright/test';
import { domainCovers, FIELDS, RESERVED_IDS, SERVICE_ID } from '../config/parse-config';
import { INVALID, isPlainObject as isObject } from '../config/validators';
import {
  ID as CONSENT_ID,
  type ConsentRecord,
  createConsentId,
  type DecisionSource,
  decodeRecord,
  encodeRecord,
  MAX_RECORD_LENGTH,
  SOURCES,
} from '../consent/consent-record';
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
  /**
   * The choice was made while the browser sent Do Not Track or Global Privacy Control (an opt-in from the preferences
   * under GPC): where the site honours signals, it then stands; a choice made before the signal gives way to it.
   * Not for `source: 'signal'`. @default false
   */
  underSignal?: boolean;
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
 * services are), so that throws with a hint, as does refusing a custom service while a category is granted (the kit
 * does not know which category is the service's).
 */
export function presetRecord(preset: Exclude<ConsentPreset, null>, options: PresetOptions): ConsentRecord {
  checkPreset(preset);
  const { revision } = checkOptions(options);
  const categories = { analytics: !!preset.analytics, marketing: !!preset.marketing };
  const services: string[] = [];
  for (const [id, granted] of Object.entries(preset.services ?? {})) {
    const category = BUILT_IN[id];
    if (granted && !(category && categories[category])) services.push(id);
    if (!granted && category && categories[category])
      refuse(
        `"${id}" cannot be refused while "${category}" is granted; leave ${category} out and grant its other services by id`,
      );
    // A custom service's category is the site's: if it is a granted one, the record would grant the service.
    if (!granted && !category && (categories.analytics || categories.marketing))
      refuse(
        `"${id}" cannot be refused while a category is granted (if it is that category's, the category grants it); leave it out, since what a preset does not name is refused, and grant its category's other services by id`,
      );
  }
  const record: ConsentRecord = {
    id: options.id ?? createConsentId(globalThis.crypto as unknown as Pick<Crypto, 'getRandomValues'>),
    time: (options.time ?? new Date()).getTime(),
    revision,
    categories,
    services,
    source: options.source ?? 'api',
  };
  if (options.underSignal) record.signalled = true;
  const length = encodeRecord(record).length;
  if (length > MAX_RECORD_LENGTH)
    refuse(
      `the record would be ${length} characters long, and Crumb stores one of at most ${MAX_RECORD_LENGTH}: use a shorter revision or fewer services granted on their own`,
    );
  // What the widget would refuse to read is never written: the kit is only useful if its records count.
  if (!decodeRecord(encodeRecord(record)).ok) refuse('the preset does not make a record Crumb can read');
  return record;
}

/** Throws the kit's error for input that would not make a record the widget reads. */
function refuse(why: string): never {
  throw new TypeError(`crumb-consent/testing: ${why}.`);
}

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));
const PRESET_KEYS = ['analytics', 'marketing', 'services'];
const OPTION_KEYS = ['url', 'revision', 'cookieDomain', 'expiryDays', 'source', 'underSignal', 'time', 'id'];

/** Refuses a preset with a key or a value the record cannot hold (a typo would otherwise store a refusal). */
function checkPreset(preset: unknown): void {
  if (!isObject(preset)) refuse(`a preset is an object like { analytics: true } (or null), not ${show(preset)}`);
  for (const key of Object.keys(preset))
    if (!PRESET_KEYS.includes(key)) refuse(`"${key}" is not part of a preset; it takes ${PRESET_KEYS.join(', ')}`);
  for (const key of ['analytics', 'marketing'])
    if (preset[key] !== undefined && typeof preset[key] !== 'boolean')
      refuse(`"${key}" must be true or false, not ${show(preset[key])}`);
  if (preset.services === undefined) return;
  if (!isObject(preset.services))
    refuse(`"services" is an object of service ids, like { facebook: true }, not ${show(preset.services)}`);
  for (const [id, granted] of Object.entries(preset.services)) {
    if (!SERVICE_ID.test(id) || (RESERVED_IDS.includes(id) && !BUILT_IN[id]))
      refuse(
        `service id "${id}" is not one Crumb stores: a built-in service (${Object.keys(BUILT_IN).join(', ')}) or a custom service's id (1–32 lower-case letters, digits or dashes)`,
      );
    if (typeof granted !== 'boolean') refuse(`service "${id}" must be true or false, not ${show(granted)}`);
  }
}

/** Refuses options the site could not have (as Crumb validates its attributes); returns the revision as it reads it. */
function checkOptions(options: unknown): { revision: string } {
  if (!isObject(options))
    refuse(`the options are an object like { url: 'https://shop.example.com/' }, not ${show(options)}`);
  for (const key of Object.keys(options))
    if (!OPTION_KEYS.includes(key)) refuse(`"${key}" is not an option; the options are ${OPTION_KEYS.join(', ')}`);
  const { url, revision = '1', cookieDomain, expiryDays, source, underSignal, time, id } = options;
  let hostname = '';
  try {
    const parsed = new URL(url as string);
    if (/^https?:$/.test(parsed.protocol)) hostname = parsed.hostname;
  } catch {
    // refused below
  }
  if (!hostname) refuse(`url ${show(url)} must be an absolute http(s) URL of the site, like the test's baseURL`);
  const rev = FIELDS.revision(revision);
  if (typeof revision !== 'string' || rev === INVALID)
    refuse(
      `revision ${show(revision)} must be the site's data-revision: a label of 1–64 characters, like "2024-05-01"`,
    );
  if (expiryDays !== undefined && (typeof expiryDays !== 'number' || FIELDS.expiryDays(expiryDays) === INVALID))
    refuse(
      `expiryDays ${show(expiryDays)} must be the site's data-expiry-days: a number of days above 0 and at most 395`,
    );
  if (
    cookieDomain !== undefined &&
    (typeof cookieDomain !== 'string' ||
      FIELDS.cookieDomain(cookieDomain) === INVALID ||
      !domainCovers(cookieDomain, hostname))
  )
    refuse(
      `cookieDomain ${show(cookieDomain)} must be the site's data-cookie-domain, a domain that contains the url's host "${hostname}", like ".${hostname.replace(/^[^.]*\./, '')}"`,
    );
  if (source !== undefined && !SOURCES.includes(source as DecisionSource))
    refuse(`source ${show(source)} must be one of ${SOURCES.join(', ')}`);
  if (underSignal !== undefined && typeof underSignal !== 'boolean')
    refuse(`underSignal ${show(underSignal)} must be true or false`);
  if (underSignal && source === 'signal')
    refuse('underSignal is for a choice the visitor made while the browser sent a signal, not for source "signal"');
  if (time !== undefined && !(time instanceof Date && Number.isFinite(time.getTime())))
    refuse(`time ${show(time)} must be a valid Date`);
  if (id !== undefined && (typeof id !== 'string' || !CONSENT_ID.test(id)))
    refuse(`id ${show(id)} must be a consent ID of 22 base64url characters (A–Z, a–z, 0–9, - and _)`);
  return { revision: rev };
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
 * banner and with exactly the granted trackers; `null` clears any stored decision. Returns the consent ID. Input the
 * widget would not read as a decision throws a `TypeError` saying why.
 */
export async function presetConsent(
  context: BrowserContext,
  preset: ConsentPreset,
  options: PresetOptions,
): Promise<string | undefined> {
  // Only `null` clears: `undefined` (a preset forgotten, a typo's result) would silently leave a test undecided.
  if (preset === undefined)
    refuse('the preset is missing: pass { analytics?, marketing?, services? }, or null to clear');
  if (preset === null) checkOptions(options);
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
