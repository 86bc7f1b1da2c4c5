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
      // Left out as `undefined` (createCrumb() options written in TypeScript): no text given, as a top-level option.
      if (text === undefined) continue;
      // A key Crumb has no text for is ignored whatever its value; a known one needs a non-empty string.
      const known = (TEXT_KEYS as readonly string[]).includes(key);
      if (known && typeof text === 'string' && text.trim()) overrides[key] = text;
      else
        found.push({
          level: 'error',
          code: known ? 'text' : 'text-key',
          key: `texts.${lang}.${key}`,
          source: 'json',
          value: text,
        });
    }
    checked[lang.toLowerCase()] = overrides;
  }
  result.config.texts = checked;
  result.problems.push(...found);
  return found;
}
