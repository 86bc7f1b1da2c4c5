import type { ScriptLoader } from '../trackers/load-script';
import type { UiModule, UiScript } from '../ui/contract';

/**
 * Loads the UI chunk of a language, `crumb-ui.<lang>.js`, from next to Crumb's own script (with its query string, so
 * a cache-busting `?v=` holds for both), through the script loader: same nonce, same Trusted Types policy.
 */
export function loadUiScript(loader: ScriptLoader, scriptSrc: string, lang: string): Promise<UiModule> {
  return new Promise((resolve, reject) => {
    const own = new URL(scriptSrc);
    const url = new URL(`crumb-ui.${lang}.js${own.search}`, own).href;
    loader.allow(url);
    loader.load(url, (script: UiScript) => {
      script.crumb = resolve;
      script.addEventListener('error', () => reject(new Error(`${url} did not load`)));
    });
  });
}
