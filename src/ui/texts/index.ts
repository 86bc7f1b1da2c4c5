export { availableLanguages, pickLanguage } from './languages';

import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import type { TextOverrides, Texts } from './types';

/** Built-in languages. English is the fallback for every missing text. */
const BUILT_IN: Record<string, Texts> = { en, de, fr, es };

/** Texts for a language: built-in, then the site's overrides for that language. */
export function resolveTexts(lang: string, overrides: Record<string, TextOverrides>): Texts {
  return { ...en, ...BUILT_IN[lang], ...overrides[lang] };
}

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
