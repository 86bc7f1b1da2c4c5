/**
 * Language choice, used by the core (it knows the language before any UI loads): which language to render, which
 * chunks carry its texts, and how the site's overrides apply. No texts here.
 */
import type { TextKey, TextOverrides } from './types';

/** Languages Crumb has texts for; each has its own widget and UI chunks (`crumb-widget.<lang>.js`, `crumb-ui.<lang>.js`). */
export const LANGUAGES = ['en', 'de', 'fr', 'es'];

/** The language to render: `data-lang`, else `<html lang>`, else the browser's, else English — first one available. */
export function pickLanguage(candidates: (string | null | undefined)[], available: readonly string[]): string {
  for (const c of candidates) {
    if (!c) continue;
    const tag = c.toLowerCase();
    if (available.includes(tag)) return tag;
    const base = tag.split('-')[0];
    if (available.includes(base)) return base;
  }
  return 'en';
}

/** The language of the widget on a page: the configured one, else `<html lang>`, else the browser's, else English. */
export const pageLanguage = (lang: string | null | undefined, texts: Record<string, unknown>, doc: Document): string =>
  pickLanguage(
    // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
    [lang, doc.documentElement.lang, doc.defaultView && doc.defaultView.navigator.language],
    availableLanguages(texts),
  );

/** Built-in languages plus those the site gave texts for (tags in lower case, however the site wrote them). */
export const availableLanguages = (overrides: Record<string, unknown>): string[] => [
  ...new Set([...LANGUAGES, ...Object.keys(overrides).map((tag) => tag.toLowerCase())]),
];

/** The built-in language whose texts a language starts from: its base language if Crumb has it, else English. */
export const builtInLanguage = (lang: string): string => {
  const base = lang.split('-')[0];
  return LANGUAGES.includes(base) ? base : 'en';
};

/**
 * The site's overrides applied to built-in texts: the base language's first, then the regional tag's, so
 * `{"de-CH": {…}}` only changes what it names.
 */
export function withOverrides<T extends object>(builtIn: T, lang: string, overrides: Record<string, TextOverrides>): T {
  return { ...builtIn, ...overrides[lang.split('-')[0]], ...overrides[lang] };
}

/**
 * Which texts of a language came from the English fallback: in a language Crumb has no texts for, those the site
 * gave none for. Their elements are marked `lang="en" dir="ltr"` (the right voice, punctuation at the right end).
 */
export const inEnglish =
  (lang: string, overrides: Record<string, TextOverrides>) =>
  (key: TextKey): boolean =>
    __CRUMB_FALLBACK__ && !LANGUAGES.includes(lang.split('-')[0]) && !(key in withOverrides({}, lang, overrides));

/** Languages written right to left, for the widget's `dir` (only when a site adds texts for one). */
const RTL = ['ar', 'fa', 'he', 'ur'];

export const directionOf = (lang: string): 'ltr' | 'rtl' => (RTL.includes(lang.split('-')[0]) ? 'rtl' : 'ltr');
