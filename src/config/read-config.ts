import { type ParseResult, parseConfig } from './parse-config';
import { show } from './validators';

/**
 * Reads Crumb's configuration from the page: the `data-*` attributes of its own script tag and the first
 * `<script type="application/json" data-crumb-config>` block. Nothing found is ever executed.
 */
export function readConfig(doc: Document, script: HTMLScriptElement | null, hostname: string): ParseResult {
  const attributes: Record<string, string> = {};
  if (script) for (const key of Object.keys(script.dataset)) attributes[key] = script.dataset[key] as string;

  const block = doc.querySelector('script[data-crumb-config]');
  let json: unknown;
  let jsonError: string | undefined;
  if (block) {
    try {
      json = JSON.parse(block.textContent || 'null');
    } catch (e) {
      jsonError = `Crumb: the data-crumb-config block ${show(block.textContent)} is not valid JSON (${(e as Error).message}): expected a JSON object like {"policyUrl": "/privacy"}; it is ignored and the script tag's attributes are used.`;
    }
  }
  const result = parseConfig({ attributes, json: json ?? undefined, hostname });
  if (jsonError) result.problems.unshift({ level: 'error', message: jsonError });
  return result;
}
