import { TEXT_KEYS } from '../ui/texts/keys';
import type { TextOverrides } from '../ui/texts/types';
import type { ParseResult } from './parse-config';

/**
 * Checks the entries of each language in `texts` (as `parseCoreConfig` left them): an unknown key is a warning, a
 * text that is not a non-empty string an error, and only the good ones are kept, under the language's lower-case
 * tag. Their problems are added to `result`. The widget chunk runs this as it starts; `parseConfig` at once.
 */
export function checkTextEntries(result: ParseResult): ParseResult['problems'] {
  const found: ParseResult['problems'] = [];
  const { texts } = result.config;
  const checked: Record<string, TextOverrides> = {};
  for (const lang of Object.keys(texts)) {
    const entries = texts[lang] as Record<string, unknown>;
    const overrides: Record<string, string> = {};
    for (const key of Object.keys(entries)) {
      const text = entries[key];
      const where = `texts.${lang}.${key}`;
      const wrong = !(TEXT_KEYS as readonly string[]).includes(key)
        ? 'text-key'
        : typeof text !== 'string' || !text.trim()
          ? 'text'
          : undefined;
      if (wrong)
        found.push({
          level: wrong === 'text' ? 'error' : 'warning',
          code: wrong,
          key: where,
          source: 'json',
          value: text,
        });
      else overrides[key] = text as string;
    }
    checked[lang.toLowerCase()] = overrides;
  }
  result.config.texts = checked;
  result.problems.push(...found);
  return found;
}
