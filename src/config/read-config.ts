import { type ParseResult, parseCoreConfig } from './parse-config';

/**
 * Reads Crumb's configuration from the page: the `data-*` attributes of its own script tag and the first
 * `<script type="application/json" data-crumb-config>` block. Nothing found is ever executed. The entries of `texts`
 * are checked by the widget chunk (`checkTextEntries`).
 */
export function readConfig(doc: Document, script: HTMLScriptElement | null, hostname: string): ParseResult {
  const block = doc.querySelector('script[data-crumb-config]');
  return parseCoreConfig({
    // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
    attributes: { ...(script && script.dataset) },
    // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
    block: block && block.textContent,
    hostname,
  });
}
