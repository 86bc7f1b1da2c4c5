import { type ParseResult, parseCoreConfig } from './parse-config';

/**
 * Reads Crumb's configuration from the page: the `data-*` attributes of its own script tag and the first
 * `<script type="application/json" data-crumb-config>` block (a second one is reported, not read). Nothing found is
 * ever executed. The entries of `texts` are checked by the widget chunk (`checkTextEntries`).
 */
export function readConfig(doc: Document, script: HTMLScriptElement | null, hostname: string): ParseResult {
  const blocks = doc.querySelectorAll('script[data-crumb-config]');
  const attributes: Record<string, string | undefined> = {};
  // Copied key by key: spreading a `dataset` throws in Chromium on a page that set `Object.prototype.get` or `set`.
  if (script) for (const key of Object.keys(script.dataset)) attributes[key] = script.dataset[key];
  const parsed = parseCoreConfig({
    attributes,
    // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
    block: blocks[0] && blocks[0].textContent,
    hostname,
  });
  // A second block (a template and a plugin each adding one) would be lost without a word.
  if (blocks[1])
    parsed.problems.push({
      level: 'error',
      code: 'blocks',
      key: 'data-crumb-config',
      source: 'json',
      value: blocks.length,
    });
  return parsed;
}
