export { availableLanguages, directionOf, pickLanguage } from './languages';

import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import type { TextOverrides, Texts } from './types';

/** Built-in languages. English is the fallback for every missing text. */
const BUILT_IN: Record<string, Texts> = { en, de, fr, es };

/**
 * Texts for a language: English, then the built-in language, then the site's overrides — for a regional tag like
 * `de-ch` the base language's built-in texts and overrides come first, so `{"de-CH": {…}}` only changes what it names.
 */
export function resolveTexts(lang: string, overrides: Record<string, TextOverrides>): Texts {
  const base = lang.split('-')[0];
  return { ...en, ...BUILT_IN[base], ...overrides[base], ...BUILT_IN[lang], ...overrides[lang] };
}

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (m, key: string) => (Object.prototype.hasOwnProperty.call(values, key) ? values[key] : m));
