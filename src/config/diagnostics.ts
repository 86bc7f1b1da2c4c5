/**
 * The sentences for configuration problems (what was given, what was expected, and what is switched off) and for a
 * stored record that is not used. Kept out of the core and loaded (`crumb-diagnostics.js`) only by a page that has
 * one to say.
 */
import { decodeRecord, type RecordFault, type StaleFault } from '../consent/consent-record';
import type { StoredProblem } from '../storage/consent-storage';
import { TEXT_KEYS } from '../ui/texts/keys';
import { attributeName, MAX_EXPIRY_DAYS } from './names';
import { type ConfigProblem, type CrumbConfig, DEFAULT_CONFIG } from './types';
import { isPlainObject } from './validators';

type ScalarKey = Exclude<keyof CrumbConfig, 'services' | 'texts'>;

/** What each option expects, and what a mistake in it switches off. */
const OPTIONS: Record<ScalarKey, [expected: string, off: string]> = {
  googleAnalytics: [
    'a GA4 measurement ID: "G-" and 4–15 upper-case letters or digits, like "G-ABC123XYZ9"',
    'Google Analytics stays off',
  ],
  leadlander: ['a LeadLander account ID made of digits, like "19428"', 'LeadLander stays off'],
  twitterPixel: [
    'an X (Twitter) pixel ID of lower-case letters and digits, like "o1abc"',
    'the X (Twitter) pixel stays off',
  ],
  facebookPixel: ['a Meta pixel ID of 10–20 digits, like "123456789012345"', 'the Meta pixel stays off'],
  policyUrl: ['an http(s) or relative URL, like "/privacy"', 'no policy link is shown'],
  revision: [
    'a version label of 1–64 characters (128 once URI-encoded), like "2024-05-01"',
    `the default revision "${DEFAULT_CONFIG.revision}" is used`,
  ],
  expiryDays: [
    `a number of days above 0 and at most ${MAX_EXPIRY_DAYS}`,
    `the default of ${DEFAULT_CONFIG.expiryDays} days is used`,
  ],
  cookieDomain: ['a domain like ".example.com"', 'the choice is stored for the current host only'],
  privacySignals: ['"honor" or "ask"', 'Do Not Track and Global Privacy Control are honoured'],
  reloadOnWithdraw: ['"true" or "false"', 'the page reloads after a withdrawal'],
  receiptUrl: ['an http(s) or relative URL, like "/consent-receipts"', 'no receipts are sent'],
  lang: ['a language tag like "en" or "de-CH"', 'the language is detected'],
  reopenButton: ['"true" or "false"', 'the "Cookie settings" button is shown'],
  theme: ['"auto", "light" or "dark"', "the colour scheme follows the visitor's preference"],
};

const BLOCK = 'the data-crumb-config block';
const SERVICE_FIELDS = 'id, name, category, description, cookies, policyUrl';

/** Shows a value in a message: quoted, escaped, and short. */
export const show = (value: unknown): string => {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = Object.prototype.toString.call(value);
  }
  if (s.length <= 80) return s;
  // JSON of an object or array: a high surrogate the cut left alone (half an emoji) is dropped.
  if (typeof value !== 'string') return `${s.slice(0, 77).replace(/[\uD800-\uDBFF]$/, '')}…`;
  // A string is cut in its own characters, then quoted: never half an escape (`\"`, `\u0001`) or half an emoji.
  let cut = '';
  for (const c of value) {
    if (JSON.stringify(cut + c).length > 78) break;
    cut += c;
  }
  return `${JSON.stringify(cut).slice(0, -1)}…`;
};

/** The console message for a problem: names the attribute or key, shows the value, says what was expected. */
export function describeProblem({ code, key, source, value, detail }: ConfigProblem): string {
  const v = show(value);
  const where = source === 'options' ? 'the createCrumb() options' : BLOCK;
  const option = (k: string) => (source === 'attribute' ? attributeName(k) : `"${k}" in ${where}`);
  const service = `${key.replace(/\..*$/, '')} in ${where}${detail ? ` ("${detail}")` : ''}`;
  /** `has "field" value`, or `has no "field"` for a field left out (never the word "undefined"). */
  const has = (field: string) => (value === undefined ? `has no "${field}"` : `has "${field}" ${v}`);
  const messages: Record<ConfigProblem['code'], () => string> = {
    invalid: () => {
      const [expected, off] = OPTIONS[key as ScalarKey];
      const rounded =
        typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER
          ? ' (a number this long loses digits in JSON: write it as a string)'
          : '';
      return `${option(key)}=${v} is not valid${rounded}: expected ${expected}; ${off}.`;
    },
    unknown: () => {
      const known = (Object.keys(OPTIONS) as ScalarKey[]).map((k) => (source === 'attribute' ? attributeName(k) : k));
      const meant = misspelt(key, source);
      return `${option(key)} is not an option Crumb knows; it is ignored.${
        meant ? ` Did you mean ${source === 'attribute' ? attributeName(meant) : `"${meant}"`}?` : ''
      } Known options: ${known.join(', ')}${source === 'attribute' ? '' : ', services, texts'}.`;
    },
    json: () =>
      `${BLOCK} ${v} is not valid JSON (${jsonError(value as string)}): expected a JSON object like {"policyUrl": "/privacy"}; it is ignored and the script tag's attributes are used.`,
    block: () =>
      source === 'options'
        ? `createCrumb() takes an object of options like {"policyUrl": "/privacy"}, not ${v}; the defaults are used.`
        : `${BLOCK} must hold a JSON object like {"policyUrl": "/privacy"}, not ${v}; it is ignored.`,
    blocks: () =>
      `the page has ${v} data-crumb-config blocks; only the first is read and the others are ignored: merge them into one.`,
    domain: () =>
      `${option(key)}=${v} does not contain this page's host "${detail}", so the browser would refuse the cookie; the choice is stored for the current host only.`,
    services: () => `"services" in ${where} must be an array of services, not ${v}; no custom service is added.`,
    service: () =>
      `${service} must be an object like {"id": "chat", "name": "Chat", "category": "marketing"}, not ${v}; it is skipped.`,
    id: () => `${service} ${has('id')}: expected 1–32 lower-case letters, digits or dashes; it is skipped.`,
    taken: () => `${service} has "id" ${v}, which is already taken; it is skipped.`,
    name: () =>
      `${service} needs a "name" to show visitors, ${value === undefined ? 'and has none' : `got ${v}`}; it is skipped.`,
    category: () => `${service} ${has('category')}: expected "analytics" or "marketing"; it is skipped.`,
    'service-key': () =>
      `${service} has "${key.replace(/^.*\./, '')}", which is not a field of a service; it is ignored. Fields: ${SERVICE_FIELDS}.`,
    description: () => `${service} has "description" ${v}: expected a text; no description is shown.`,
    'service-policy': () =>
      `${service} has "policyUrl" ${v}: expected an http(s) or relative URL, like "/privacy#chat"; no link is shown.`,
    cookies: () =>
      `${service} has "cookies" ${v}: expected an array of names or "/patterns/"; no cookie is cleared for it.`,
    pattern: () =>
      `${service} has cookie pattern ${v}, which ${
        compiles(value as string)
          ? 'repeats a group (like "(a+)+" or "(ab)?") or more than two things (*, +, ?, {n,m}), so testing a cookie name could hang the page'
          : 'is not a valid regular expression'
      }; it is ignored.`,
    cookie: () => `${service} has cookie ${v}: expected a cookie name or a "/pattern/"; it is ignored.`,
    texts: () =>
      `"texts" in ${where} must be an object of languages, like {"en": {"acceptAll": "OK"}}, not ${v}; built-in texts are used.`,
    language: () =>
      isPlainObject(value)
        ? `"${key}" in ${where}: ${show(key.slice(6))} is not a language tag like "en" or "de-CH"; its texts are ignored.`
        : `"${key}" in ${where} must be an object of texts like {"acceptAll": "OK"}, not ${v}; it is ignored.`,
    'text-key': () => `"${key}" is not a text Crumb shows; it is ignored. Texts: ${TEXT_KEYS.join(', ')}.`,
    text: () => `"${key}" must be a non-empty string, not ${v}; the built-in text is used.`,
  };
  return `Crumb: ${messages[code]()}`;
}

/** True when a `"/…/"` cookie pattern is a valid regular expression (the core refused it as one that could hang). */
const compiles = (pattern: string): boolean => {
  try {
    const [, source, flags] = /^\/(.+)\/(i?)$/.exec(pattern) as RegExpExecArray;
    return !!new RegExp(source, flags);
  } catch {
    return false;
  }
};

/** What the JSON parser says about the block's text (the core only noted that it failed). */
const jsonError = (text: string): string => {
  try {
    JSON.parse(text);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

/**
 * The option an unknown key was most likely meant to be: the same but for case or dashes (`data-googleanalytics`),
 * a letter or two off (two for a long name: `data-google-analytic`, one for a short one: `data-thme`), or a start of
 * it (`data-policy`). `undefined` for one too far from every option (another tool's attribute: `data-domain`,
 * `data-lazy`, `data-theme-color`).
 */
export function misspelt(key: string, source: ConfigProblem['source']): string | undefined {
  const plain = (k: string) => k.toLowerCase().replace(/[-_]/g, '');
  const given = plain(key);
  // `services` and `texts` only in the block or the options: no attribute sets them.
  for (const option of [...Object.keys(OPTIONS), ...(source === 'attribute' ? [] : ['services', 'texts'])]) {
    const name = plain(option);
    if (given.length > 3 && (distance(given, name) <= (name.length > 6 ? 2 : 1) || name.startsWith(given)))
      return option;
  }
  return undefined;
}

/** Levenshtein distance: the letters to add, remove or change to turn one word into the other. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * Prints each problem once: errors as errors, warnings as warnings. An unknown attribute that is a misspelt option
 * is an error: the option it was meant to set is not set.
 */
export function reportProblems(problems: readonly ConfigProblem[]): void {
  for (const p of problems)
    (p.level === 'error' || (p.code === 'unknown' && misspelt(p.key, p.source)) ? console.error : console.warn)(
      describeProblem(p),
    );
}

/** Why a stored value is not a record, in words. */
export function describeRecordFault([code, found]: RecordFault): string {
  if (code === 'length') return `it is ${found} characters long, more than a record can be`;
  if (code === 'version') return `its format version ${JSON.stringify(found)} is not 1`;
  const faults: Record<Exclude<RecordFault[0], 'length' | 'version'>, string> = {
    text: 'it is not text',
    fields: 'it does not have the 7 fields of a record',
    id: 'its consent ID is malformed',
    time: 'its time is malformed',
    categories: 'its categories are malformed',
    services: 'its services are malformed',
    source: 'its source is malformed',
    revision: 'its revision is malformed',
    empty: 'its revision is empty',
    form: 'it is not in the form Crumb writes',
  };
  return faults[code];
}

/** Why a well-formed record no longer counts, in words. */
export function describeStaleFault(fault: StaleFault): string {
  if (fault[0] === 'revision') return `it was made under revision "${fault[1]}" and the policy is now "${fault[2]}"`;
  return fault[0] === 'future' ? 'its time lies in the future' : `it is older than ${fault[1]} days`;
}

/**
 * The one warning for a stored record that is not used (the value that could not be read is decoded again, for why).
 * `asks`: the banner shows for it; when it does not, a privacy signal this page honours has decided instead.
 */
export const storedProblemWarning = (problem: StoredProblem, asks = true): string =>
  `Crumb: the stored consent ${
    problem[0] === 'unreadable'
      ? `could not be read: ${describeRecordFault(recordFault(problem[1]))}`
      : `no longer counts: ${describeStaleFault(problem[1])}`
  }; ${asks ? 'the banner asks again' : 'the privacy signal this browser sends decides instead, with no banner'}.`;

/** Why `decodeRecord` refuses a value (`form` for one it would take: not expected, as the core refused it). */
const recordFault = (raw: string): RecordFault => {
  const decoded = decodeRecord(raw);
  return decoded.ok ? ['form'] : decoded.reason;
};

/** Prints the warning for a stored record that is not used. */
export function warnStoredProblem(problem: StoredProblem, asks: boolean): void {
  console.warn(storedProblemWarning(problem, asks));
}

/** An element as its opening tag shows it, with the attributes that matter here (values shortened). */
const openingTag = (el: Element): string =>
  `<${el.tagName.toLowerCase()}${['type', 'data-consent', 'src']
    .filter((a) => el.hasAttribute(a))
    .map((a) => ` ${a}=${show(el.getAttribute(a))}`)
    .join('')}>`;

/** Why markup with `data-consent` is not gated, and how to gate it. */
export function misgatedMessage(el: Element): string {
  const tag = openingTag(el);
  if (el.tagName === 'SCRIPT')
    return /^((text|application)\/(x-)?(java|ecma)script|module|)$/i.test((el.getAttribute('type') || '').trim())
      ? `Crumb: ${tag} is not gated, so it ran without waiting for consent: give a gated script type="text/plain" (its own type goes in data-type).`
      : `Crumb: ${tag} is not gated (only type="text/plain" is), so it never comes alive, even with consent: give it type="text/plain" (its own type goes in data-type).`;
  return el.hasAttribute('src')
    ? `Crumb: ${tag} is not gated, so it loaded without waiting for consent: give a gated iframe its address in data-src, not src.`
    : `Crumb: ${tag} has no data-src, so it never loads, even with consent: give a gated iframe its address in data-src.`;
}

/** One console error for each element with `data-consent` that does not wait for consent. */
export function reportMisgated(elements: readonly Element[]): void {
  for (const el of elements) console.error(misgatedMessage(el));
}
