/**
 * The script-tag entry (`dist/crumb.js`): the only module with side effects. It reads its own tag's attributes,
 * nonce and URL synchronously, before anything else, then boots. Its chunks (`crumb-*.js`) sit next to it.
 */
import { boot } from './boot';
import { readConfig } from './config/read-config';
import { loadChunkScript } from './shell/load-chunk';

const script = document.currentScript as HTMLScriptElement | null;
const src = script?.src;
const start = () => {
  try {
    boot(window, readConfig(document, script, location.hostname), {
      nonce: script?.nonce || '',
      version: __CRUMB_VERSION__,
      load: (loader) => (_name, file) =>
        src
          ? loadChunkScript(loader, src, file)
          : Promise.reject(new Error('crumb.js must be loaded by a <script src> tag, next to its crumb-*.js files')),
    });
  } catch (e) {
    console.error('Crumb: could not start; no tracker will load on this page', e);
  }
};
// The data-crumb-config block may stand anywhere in the page: while the page is still loading and none is parsed
// yet, the configuration is read once it is all there.
if (document.readyState === 'loading' && !document.querySelector('script[data-crumb-config]'))
  document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
