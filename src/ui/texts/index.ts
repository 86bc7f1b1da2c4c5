/**
 * Every built-in language at once, for tests and the QA kit (`crumb-consent/testing`). The widget itself never
 * imports this: each UI chunk carries one language (see `ui/chunk.ts`).
 */
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { builtInLanguage, withOverrides } from './languages';
import type { TextOverrides, Texts } from './types';

export { fill } from './fill';
export { availableLanguages, directionOf, pickLanguage } from './languages';

export const BUILT_IN_TEXTS: Record<string, Texts> = { en, de, fr, es };

/** Texts for a language as the widget shows them: its built-in language, then the site's overrides. */
export const resolveTexts = (lang: string, overrides: Record<string, TextOverrides> = {}): Texts =>
  withOverrides(BUILT_IN_TEXTS[builtInLanguage(lang)], lang, overrides);
