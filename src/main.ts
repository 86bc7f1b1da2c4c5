/**
 * The script-tag entry (`dist/crumb.js`): the only module with side effects. It reads its own tag's attributes,
 * nonce and URL synchronously, before anything else, then boots. The UI chunks sit next to it.
 */
import { boot } from './boot';
import { readConfig } from './config/read-config';
import { loadUiScript } from './shell/load-ui';

const script = document.currentScript as HTMLScriptElement | null;
const src = script?.src || '';
try {
  boot(window, readConfig(document, script, location.hostname), {
    nonce: script?.nonce || '',
    version: __CRUMB_VERSION__,
    loadUi: (lang, loader) =>
      src
        ? loadUiScript(loader, src, lang)
        : Promise.reject(new Error('crumb.js must be loaded by a <script src> tag, next to its crumb-ui.*.js files')),
  });
} catch (e) {
  console.error('Crumb: could not start; no tracker will load on this page', e);
}
