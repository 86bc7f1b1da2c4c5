import { en } from './en';
import type { TextOverrides, Texts } from './types';

/** Built-in languages. English is the fallback for every missing text. */
const BUILT_IN: Record<string, Texts> = { en };

/** The language to render: `data-lang`, else `<html lang>`, else the browser's, else English — first one Crumb has. */
export function pickLanguage(candidates: (string | null | undefined)[], available: string[]): string {
  for (const c of candidates) {
    if (!c) continue;
    const tag = c.toLowerCase();
    if (available.includes(tag)) return tag;
    const base = tag.split('-')[0];
    if (available.includes(base)) return base;
  }
  return 'en';
}

/** Texts for a language: built-in, then the site's overrides for that language. */
export function resolveTexts(lang: string, overrides: Record<string, TextOverrides>): Texts {
  return { ...en, ...BUILT_IN[lang], ...overrides[lang] };
}

export const availableLanguages = (overrides: Record<string, TextOverrides>): string[] => [
  ...new Set([...Object.keys(BUILT_IN), ...Object.keys(overrides)]),
];

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
