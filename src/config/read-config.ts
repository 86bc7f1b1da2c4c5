import { type ParseResult, parseCoreConfig } from './parse-config';

/**
 * Reads Crumb's configuration from the page: the `data-*` attributes of its own script tag and the first
 * `<script type="application/json" data-crumb-config>` block. Nothing found is ever executed. The entries of `texts`
 * are checked by the widget chunk (`checkTextEntries`).
 */
export function readConfig(doc: Document, script: HTMLScriptElement | null, hostname: string): ParseResult {
  const block = doc.querySelector('script[data-crumb-config]');
  const text = block ? block.textContent : undefined;
  let json: unknown;
  let error: string | undefined;
  if (text != null) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      error = (e as Error).message;
    }
  }
  const result = parseCoreConfig({ attributes: { ...script?.dataset }, json, hostname });
  if (error)
    result.problems.unshift({
      level: 'error',
      code: 'json',
      key: 'data-crumb-config',
      source: 'json',
      value: text,
      detail: error,
    });
  return result;
}
