import { type CookieMatcher, isOptionalCategory, type Service } from '../consent/categories';
import type { TextOverrides } from '../ui/texts/types';
import { MAX_EXPIRY_DAYS } from './names';
import { checkTextEntries } from './text-entries';
import { type ConfigProblem, type CrumbConfig, DEFAULT_CONFIG, type ProblemCode } from './types';
import {
  boolean,
  INVALID,
  isPlainObject,
  oneOf,
  pattern,
  positiveNumber,
  revisionLabel,
  safeUrl,
  type Validator,
} from './validators';

/** Where a value came from, for messages that point at the right place. */
export type ConfigSource = ConfigProblem['source'];

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

type ScalarKey = Exclude<keyof CrumbConfig, 'services' | 'texts'>;

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** How each scalar option is validated; `diagnostics.ts` says what each expects and what a mistake switches off. */
export const FIELDS: { [K in ScalarKey]: Validator<CrumbConfig[K]> } = {
  googleAnalytics: pattern(/^G-[A-Z0-9]{4,15}$/),
  leadlander: pattern(/^\d{1,12}$/),
  twitterPixel: pattern(/^[a-z0-9]{3,16}$/),
  facebookPixel: pattern(/^\d{10,20}$/),
  policyUrl: safeUrl,
  revision: revisionLabel,
  expiryDays: positiveNumber(MAX_EXPIRY_DAYS),
  cookieDomain: pattern(/^\.?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$/i),
  privacySignals: oneOf('honor', 'ask'),
  reloadOnWithdraw: boolean,
  receiptUrl: safeUrl,
  lang: pattern(LANGUAGE_TAG),
  reopenButton: boolean,
  theme: oneOf('auto', 'light', 'dark'),
};

/** Attributes other tools put on script tags; not worth a warning. */
const FOREIGN_ATTRIBUTES = ['cfasync', 'crumbConfig', 'cookieconsent', 'nscript', 'categories'];

export interface ParseResult {
  config: CrumbConfig;
  problems: ConfigProblem[];
}

export interface ParseInput {
  /** `data-*` attributes of Crumb's script tag, keyed as in `dataset` (camelCase). */
  attributes?: Record<string, string | undefined>;
  /** The parsed JSON config block, if any. */
  json?: unknown;
  /** The text of the JSON config block, to parse here instead (`json` is then not given). */
  block?: string | null;
  /** The page's host name, to check `cookieDomain` against. */
  hostname?: string;
  /** Where `json` came from, for the messages: the block (the default) or `createCrumb()`'s options. */
  from?: 'json' | 'options';
}

/** The configuration and its defaults as records, for the loop that sets each option by its key. */
type Values = Record<string, unknown>;

type Report = (code: ProblemCode, key: string, value?: unknown, detail?: string) => void;

export { isPlainObject };

/**
 * Validates the site's configuration. Pure: it never throws and never touches the page. Each mistake gives one
 * problem naming the option, the value and what is wrong; that piece falls back to its safe default (off) and the
 * rest is kept. Attributes win over the JSON block.
 */
export function parseConfig(input: ParseInput): ParseResult {
  const result = parseCoreConfig(input);
  checkTextEntries(result);
  return result;
}

/**
 * `parseConfig` but for the entries of `texts`, which only the UI reads: the core (`crumb.js`) runs this, and the
 * widget chunk checks the entries (`checkTextEntries`) before it shows anything. Until then each language's entries
 * are as the site wrote them.
 */
export function parseCoreConfig({ attributes = {}, json, block, hostname, from = 'json' }: ParseInput): ParseResult {
  const problems: ConfigProblem[] = [];
  const config: CrumbConfig = { ...DEFAULT_CONFIG, services: [], texts: {} };
  const note =
    (source: ConfigSource): Report =>
    (code, key, value, detail) =>
      problems.push({
        // An unknown attribute only informs: other tools put theirs on script tags too (the diagnostics make a
        // misspelt option an error). Every other problem is a mistake, an unknown key of the block or the options too.
        level: code === 'unknown' && source === 'attribute' ? 'warning' : 'error',
        code,
        key,
        source,
        value,
        detail,
      });

  const apply = (given: Record<string, unknown>, source: ConfigSource) => {
    const report = note(source);
    for (const key of Object.keys(given)) {
      const value = given[key];
      if (value === undefined) continue;
      if (Object.keys(FIELDS).includes(key)) {
        // A good attribute overrides the block: the block's value is not used, so it is not judged either (its
        // message would say the piece is off). Under a wrong one, the piece is off, as both messages say.
        if (
          source !== 'attribute' &&
          attributes[key] !== undefined &&
          FIELDS[key as ScalarKey](attributes[key]) !== INVALID
        )
          continue;
        const result = FIELDS[key as ScalarKey](value);
        // A mistake switches the piece off, also over a value the JSON block gave.
        (config as unknown as Values)[key] = result === INVALID ? (DEFAULT_CONFIG as unknown as Values)[key] : result;
        if (result === INVALID) report('invalid', key, value);
      } else if (source !== 'attribute' && key === 'services') config.services = parseServices(value, report);
      else if (source !== 'attribute' && key === 'texts') config.texts = parseTexts(value, report);
      else if (source !== 'attribute' || !FOREIGN_ATTRIBUTES.includes(key)) report('unknown', key, value);
    }
  };

  if (block != null)
    try {
      json = JSON.parse(block);
    } catch {
      // The parser's words are for the message: the diagnostics chunk parses the text again for them.
      note('json')('json', 'data-crumb-config', block);
    }
  if (json !== undefined) {
    if (isPlainObject(json)) apply(json, from);
    else note(from)('block', 'data-crumb-config', json);
  }
  apply(attributes, 'attribute');

  if (config.cookieDomain && hostname && !domainCovers(config.cookieDomain, hostname)) {
    note(attributes.cookieDomain === undefined ? from : 'attribute')(
      'domain',
      'cookieDomain',
      config.cookieDomain,
      hostname,
    );
    config.cookieDomain = undefined;
  }
  return { config, problems };
}

/** True when a cookie set with `Domain=domain` is visible on `hostname`. */
export const domainCovers = (domain: string, hostname: string): boolean =>
  // With one dot in front of each, the host is the domain or one of its subdomains exactly when it ends with it.
  `.${hostname}`.toLowerCase().endsWith(domain.replace(/^\.?/, '.').toLowerCase());

export const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
const SERVICE_KEYS = ['id', 'name', 'category', 'description', 'cookies', 'policyUrl'];

function parseServices(value: unknown, report: Report): Service[] {
  const services: Service[] = [];
  if (!Array.isArray(value)) report('services', 'services', value);
  else
    value.forEach((raw, i) => {
      addService(raw, `services[${i}]`, services, report);
    });
  return services;
}

/** Adds one custom service to `services`, or reports why it cannot be used. */
function addService(raw: unknown, where: string, services: Service[], report: Report): void {
  if (!isPlainObject(raw)) return void report('service', where, raw);
  const { id, name, category, description, cookies = [], policyUrl } = raw;
  if (typeof id !== 'string' || !SERVICE_ID.test(id)) return void report('id', where, id);
  if (RESERVED_IDS.includes(id) || services.some((s) => s.id === id)) return void report('taken', where, id);
  if (typeof name !== 'string' || !name.trim()) return void report('name', where, name, id);
  if (!isOptionalCategory(category)) return void report('category', where, category, id);
  for (const key of Object.keys(raw))
    if (!SERVICE_KEYS.includes(key)) report('service-key', `${where}.${key}`, raw[key], id);
  const service: Service = { id, name: name.trim(), category, cookies: parseCookies(cookies, where, id, report) };
  if (typeof description === 'string') service.description = description;
  else if (description !== undefined) report('description', where, description, id);
  if (policyUrl !== undefined) {
    const url = safeUrl(policyUrl);
    if (url === INVALID) report('service-policy', where, policyUrl, id);
    else service.policyUrl = url;
  }
  services.push(service);
}

function parseCookies(value: unknown, where: string, id: string, report: Report): CookieMatcher[] {
  const out: CookieMatcher[] = [];
  if (!Array.isArray(value)) {
    report('cookies', where, value, id);
    return out;
  }
  for (const c of value) {
    const regex = typeof c === 'string' && /^\/(.+)\/(i?)$/.exec(c);
    if (regex) {
      try {
        // A JavaScript regular expression, tested against each cookie name as `RegExp#test` does: anchored only
        // where it says so (`/^_hj/` is every name starting with `_hj`, `/_pk_id/` every name containing it). Testing
        // one stays cheap on any name only in a simple shape: no group repeated (`(a+)+`, `(a|b)*`, `(\\..*)?` can take
        // exponential time) and at most two repeats (`*`, `+`, `?`, `{…}`; each one more multiplies the time by the
        // name's length). Any other is refused, as one that does not compile (`(` makes the constructor throw). Escapes
        // and character classes count as one character, `(?` as `(`, a lazy `+?` as one repeat.
        const shape = regex[1]
          .replace(/\\.|\[(\\.|[^\]])*]/g, 'x')
          .replace(/\(\?/g, '(')
          .replace(/([*+?}])\?/g, '$1');
        out.push(new RegExp(/\)[*+?{]/.test(shape) || shape.split(/[*+?{]/).length > 3 ? '(' : regex[1], regex[2]));
      } catch {
        report('pattern', where, c, id);
      }
    } else if (typeof c === 'string' && /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,128}$/.test(c)) out.push(c);
    else report('cookie', where, c, id);
  }
  return out;
}

/** The languages of `texts`; their entries are checked by `checkTextEntries`. */
function parseTexts(value: unknown, report: Report): Record<string, TextOverrides> {
  const texts: Record<string, TextOverrides> = {};
  if (!isPlainObject(value)) {
    report('texts', 'texts', value);
    return texts;
  }
  for (const lang of Object.keys(value)) {
    const entries = value[lang];
    if (!LANGUAGE_TAG.test(lang) || !isPlainObject(entries)) report('language', `texts.${lang}`, entries);
    // Entries under their tag as written, for the messages: `checkTextEntries` files them under the lower-case one.
    else texts[lang] = entries as TextOverrides;
  }
  return texts;
}
