/**
 * The script-tag entry (`dist/crumb.js`): the only module with side effects. It reads its own tag's attributes,
 * nonce and URL synchronously, before anything else, then boots. Its chunks (`crumb-*.js`) sit next to it.
 */
import { boot } from './boot';
import { readConfig } from './config/read-config';
import { readPrivacySignals } from './privacy/read-privacy-signals';
import { loadChunkScript, preloadChunk } from './shell/load-chunk';
import { STORAGE_KEY } from './storage/types';
import { builtInLanguage, LANGUAGES, pickLanguage } from './ui/texts/languages';

const script = document.currentScript as HTMLScriptElement | null;
const src = script?.src;
const nonce = script?.nonce || '';
const start = () => {
  try {
    boot(window, readConfig(document, script, location.hostname), {
      nonce,
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
// The files a first visit needs start downloading now, while the core starts (or waits for the page, below).
if (src) preloadChunks(src);
// The data-crumb-config block may stand anywhere in the page: while the page is still loading and none is parsed
// yet, the configuration is read once it is all there.
if (document.readyState === 'loading' && !document.querySelector('script[data-crumb-config]'))
  document.addEventListener('DOMContentLoaded', start, { once: true });
else start();

/**
 * On a likely first visit (nothing stored, no privacy signal refusing for the visitor), preloads the widget chunk and
 * the UI chunk of the likely language: the banner should not wait for the core to ask. A returning visitor's page
 * fetches nothing before its trackers.
 */
function preloadChunks(from: string) {
  let stored = false;
  try {
    // Either read throws where storage is blocked (a sandboxed frame): nothing can be stored there either.
    stored = /(^|;\s*)crumb_consent=/.test(document.cookie) || localStorage.getItem(STORAGE_KEY) !== null;
  } catch {}
  const { dnt, gpc } = readPrivacySignals(window);
  if (stored || dnt || gpc) return;
  preloadChunk(document, from, 'widget', nonce);
  const lang = pickLanguage([script?.dataset.lang, document.documentElement.lang, navigator.language], LANGUAGES);
  preloadChunk(document, from, `ui.${builtInLanguage(lang)}`, nonce);
}
