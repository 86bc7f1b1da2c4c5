import { type CookieMatcher, isOptionalCategory, type Service } from '../consent/categories';
import { TEXT_KEYS } from '../ui/texts/keys';
import type { TextKey, TextOverrides } from '../ui/texts/types';
import { type ConfigProblem, type CrumbConfig, DEFAULT_CONFIG } from './types';
import { boolean, Invalid, oneOf, pattern, positiveNumber, safeUrl, show, type Validator } from './validators';

/** Where a value came from, for messages that point at the right place. */
export type ConfigSource = 'attribute' | 'json';

/** Ids a custom service may not take: the built-in services and the category names (both valid in `data-consent`). */
export const RESERVED_IDS = [
  'google-analytics',
  'leadlander',
  'twitter',
  'facebook',
  'necessary',
  'analytics',
  'marketing',
];

/** Longest choice CNIL accepts before asking again: 13 months. */
export const MAX_EXPIRY_DAYS = 395;

type ScalarKey = Exclude<keyof CrumbConfig, 'services' | 'texts'>;

/** A revision is stored URI-encoded in the record, which must stay short: 64 characters, 128 once encoded. */
const revisionLabel: Validator<string> = (value) => {
  const expected = 'a version label of 1–64 characters (128 once URI-encoded), like "2024-05-01"';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
  const s = pattern(/^[^\u0000-\u001f\u007f]{1,64}$/, expected)(value);
  if (s instanceof Invalid) return s;
  try {
    return encodeURIComponent(s).length <= 128 ? s : new Invalid(expected);
  } catch {
    return new Invalid(expected); // a lone surrogate cannot be encoded
  }
};

/** Each scalar option: how to validate it and what a mistake switches off. */
const FIELDS: { [K in ScalarKey]: { check: Validator<CrumbConfig[K]>; off: string } } = {
  googleAnalytics: {
    check: pattern(
      /^G-[A-Z0-9]{4,15}$/,
      'a GA4 measurement ID: "G-" and 4–15 upper-case letters or digits, like "G-ABC123XYZ9"',
    ),
    off: 'Google Analytics stays off',
  },
  leadlander: {
    check: pattern(/^\d{1,12}$/, 'a LeadLander account ID made of digits, like "19428"'),
    off: 'LeadLander stays off',
  },
  twitterPixel: {
    check: pattern(/^[a-z0-9]{3,16}$/, 'an X (Twitter) pixel ID of lower-case letters and digits, like "o1abc"'),
    off: 'the X (Twitter) pixel stays off',
  },
  facebookPixel: {
    check: pattern(/^\d{10,20}$/, 'a Meta pixel ID of 10–20 digits, like "123456789012345"'),
    off: 'the Meta pixel stays off',
  },
  policyUrl: { check: safeUrl('an http(s) or relative URL, like "/privacy"'), off: 'no policy link is shown' },
  revision: {
    check: revisionLabel,
    off: `the default revision "${DEFAULT_CONFIG.revision}" is used`,
  },
  expiryDays: {
    check: positiveNumber(MAX_EXPIRY_DAYS),
    off: `the default of ${DEFAULT_CONFIG.expiryDays} days is used`,
  },
  cookieDomain: {
    check: pattern(/^\.?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$/i, 'a domain like ".example.com"'),
    off: 'the choice is stored for the current host only',
  },
  privacySignals: { check: oneOf('honor', 'ask'), off: 'Do Not Track and Global Privacy Control are honoured' },
  reloadOnWithdraw: { check: boolean, off: 'the page reloads after a withdrawal' },
  receiptUrl: { check: safeUrl('an http(s) or relative URL, like "/consent-receipts"'), off: 'no receipts are sent' },
  lang: {
    check: pattern(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, 'a language tag like "en" or "de-CH"'),
    off: 'the language is detected',
  },
  reopenButton: { check: boolean, off: 'the "Cookie settings" button is shown' },
};

/** `googleAnalytics` → `data-google-analytics`. */
export const attributeName = (key: string): string => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Attributes other tools put on script tags; not worth a warning. */
const FOREIGN_ATTRIBUTES = new Set(['cfasync', 'crumbConfig', 'cookieconsent', 'nscript', 'categories']);

export interface ParseResult {
  config: CrumbConfig;
  problems: ConfigProblem[];
}

export interface ParseInput {
  /** `data-*` attributes of Crumb's script tag, keyed as in `dataset` (camelCase). */
  attributes?: Record<string, string | undefined>;
  /** The parsed JSON config block, if any. */
  json?: unknown;
  /** The page's host name, to check `cookieDomain` against. */
  hostname?: string;
}

/**
 * Validates the site's configuration. Pure: it never throws and never touches the page. Each mistake gives one
 * problem that names the attribute or key, the value and what was expected; that piece falls back to its safe
 * default (off) and the rest is kept.
 */
export function parseConfig({ attributes = {}, json, hostname }: ParseInput): ParseResult {
  const problems: ConfigProblem[] = [];
  const config: CrumbConfig = { ...DEFAULT_CONFIG, services: [], texts: {} };
  const err = (message: string) => problems.push({ level: 'error', message: `Crumb: ${message}` });
  const warn = (message: string) => problems.push({ level: 'warning', message: `Crumb: ${message}` });
  const name = (key: string, source: ConfigSource) =>
    source === 'attribute' ? attributeName(key) : `"${key}" in the data-crumb-config block`;

  const apply = (values: Record<string, unknown>, source: ConfigSource) => {
    for (const key of Object.keys(values)) {
      const value = values[key];
      if (value === undefined) continue;
      if (Object.prototype.hasOwnProperty.call(FIELDS, key)) {
        const field = FIELDS[key as ScalarKey];
        const result = field.check(value);
        const values = config as unknown as Record<string, unknown>;
        if (result instanceof Invalid) {
          err(`${name(key, source)}=${show(value)} is not valid: expected ${result.expected}; ${field.off}.`);
          // Does what the message says, also over a value the JSON block gave: a mistake switches the piece off.
          values[key] = (DEFAULT_CONFIG as unknown as Record<string, unknown>)[key];
        } else values[key] = result;
      } else if (source === 'json' && key === 'services') {
        config.services = parseServices(value, err);
      } else if (source === 'json' && key === 'texts') {
        config.texts = parseTexts(value, err, warn);
      } else if (source === 'json' || !FOREIGN_ATTRIBUTES.has(key)) {
        warn(
          `${name(key, source)} is not an option Crumb knows; it is ignored. Known options: ${Object.keys(FIELDS)
            .map((k) => (source === 'json' ? k : attributeName(k)))
            .join(', ')}${source === 'json' ? ', services, texts' : ''}.`,
        );
      }
    }
  };

  if (json !== undefined) {
    if (isPlainObject(json)) apply(json, 'json');
    else err(`the data-crumb-config block must hold a JSON object, not ${show(json)}; it is ignored.`);
  }
  apply(attributes, 'attribute');

  if (config.cookieDomain && hostname && !domainCovers(config.cookieDomain, hostname)) {
    err(
      `${attributeName('cookieDomain')}=${show(config.cookieDomain)} does not contain this page's host "${hostname}", so the browser would refuse the cookie; the choice is stored for the current host only.`,
    );
    config.cookieDomain = undefined;
  }
  return { config, problems };
}

/** True when a cookie set with `Domain=domain` is visible on `hostname`. */
export const domainCovers = (domain: string, hostname: string): boolean => {
  const d = domain.replace(/^\./, '').toLowerCase();
  const h = hostname.toLowerCase();
  return h === d || h.endsWith(`.${d}`);
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

function parseServices(value: unknown, err: (m: string) => void): Service[] {
  if (!Array.isArray(value)) {
    err(
      `"services" in the data-crumb-config block must be an array of services, not ${show(value)}; no custom service is added.`,
    );
    return [];
  }
  const services: Service[] = [];
  value.forEach((raw, i) => {
    const service = parseService(raw, `services[${i}] in the data-crumb-config block`, services, err);
    if (service) services.push(service);
  });
  return services;
}

function parseService(raw: unknown, where: string, taken: Service[], err: (m: string) => void): Service | undefined {
  if (!isPlainObject(raw))
    return void err(
      `${where} must be an object like {"id": "chat", "name": "Chat", "category": "marketing"}, not ${show(raw)}; it is skipped.`,
    );
  const { id, name, category, description, cookies = [], policyUrl } = raw;
  if (typeof id !== 'string' || !SERVICE_ID.test(id))
    return void err(
      `${where} has "id" ${show(id)}: expected 1–32 lower-case letters, digits or dashes; it is skipped.`,
    );
  if (RESERVED_IDS.includes(id) || taken.some((s) => s.id === id))
    return void err(`${where} has "id" ${show(id)}, which is already taken; it is skipped.`);
  if (typeof name !== 'string' || !name.trim())
    return void err(`${where} ("${id}") needs a "name" to show visitors, got ${show(name)}; it is skipped.`);
  if (!isOptionalCategory(category))
    return void err(
      `${where} ("${id}") has "category" ${show(category)}: expected "analytics" or "marketing"; it is skipped.`,
    );
  const matchers = parseCookieMatchers(cookies, `${where} ("${id}")`, err);
  const service: Service = { id, name: name.trim(), category, cookies: matchers };
  if (typeof description === 'string') service.description = description;
  if (policyUrl !== undefined) {
    const url = safeUrl('an http(s) URL')(policyUrl);
    if (url instanceof Invalid)
      err(`${where} ("${id}") has "policyUrl" ${show(policyUrl)}: expected ${url.expected}; no link is shown.`);
    else service.policyUrl = url;
  }
  return service;
}

function parseCookieMatchers(value: unknown, where: string, err: (m: string) => void): CookieMatcher[] {
  if (!Array.isArray(value)) {
    err(
      `${where} has "cookies" ${show(value)}: expected an array of names or "/patterns/"; no cookie is cleared for it.`,
    );
    return [];
  }
  const out: CookieMatcher[] = [];
  for (const c of value) {
    const regex = typeof c === 'string' ? /^\/(.+)\/([i]?)$/.exec(c) : null;
    if (regex) {
      try {
        out.push(new RegExp(`^(?:${regex[1]})$`, regex[2]));
      } catch {
        err(`${where} has cookie pattern ${show(c)}, which is not a valid regular expression; it is ignored.`);
      }
    } else if (typeof c === 'string' && /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,128}$/.test(c)) out.push(c);
    else err(`${where} has cookie ${show(c)}: expected a cookie name or a "/pattern/"; it is ignored.`);
  }
  return out;
}

function parseTexts(
  value: unknown,
  err: (m: string) => void,
  warn: (m: string) => void,
): Record<string, TextOverrides> {
  const texts: Record<string, TextOverrides> = {};
  if (!isPlainObject(value)) {
    err(
      `"texts" in the data-crumb-config block must be an object of languages, like {"en": {"acceptAll": "OK"}}, not ${show(value)}; built-in texts are used.`,
    );
    return texts;
  }
  for (const lang of Object.keys(value)) {
    const entries = value[lang];
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang) || !isPlainObject(entries)) {
      err(
        `"texts.${lang}" in the data-crumb-config block must be a language tag holding an object of texts; it is ignored.`,
      );
      continue;
    }
    const overrides: Record<string, string> = {};
    for (const key of Object.keys(entries)) {
      const text = entries[key];
      if (!(TEXT_KEYS as readonly string[]).includes(key))
        warn(`"texts.${lang}.${key}" is not a text Crumb shows; it is ignored. Texts: ${TEXT_KEYS.join(', ')}.`);
      else if (typeof text !== 'string' || !text.trim())
        err(`"texts.${lang}.${key}" must be a non-empty string, not ${show(text)}; the built-in text is used.`);
      else overrides[key as TextKey] = text;
    }
    texts[lang.toLowerCase()] = overrides;
  }
  return texts;
}
