/** Languages Crumb has texts for. English is the fallback for every missing text. */
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

/** Built-in languages plus those the site gave texts for. */
export const availableLanguages = (overrides: Record<string, unknown>): string[] => [
  ...new Set([...LANGUAGES, ...Object.keys(overrides)]),
];

/** Languages written right to left, for the widget's `dir` (only when a site adds texts for one). */
const RTL = ['ar', 'fa', 'he', 'ur'];

export const directionOf = (lang: string): 'ltr' | 'rtl' => (RTL.includes(lang.split('-')[0]) ? 'rtl' : 'ltr');
