/**
 * The script-tag entry (`dist/crumb.js`): the only module with side effects. It reads its own tag's attributes,
 * nonce and URL synchronously, before anything else, then boots. Its chunks (`crumb-*.js`) sit next to it.
 */
import { boot } from './boot';
import { readConfig } from './config/read-config';
import { readPrivacySignals } from './privacy/read-privacy-signals';
import { loadChunkScript, preloadChunk } from './shell/load-chunk';
import { cookieStore } from './storage/cookie-store';
import { pushConsentDefault } from './trackers/google-analytics';
import type { TrackerWindow } from './trackers/types';
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

// The data-crumb-config block may stand anywhere in the page: while the page is still loading and none is parsed
// yet, the configuration is read once it is all there. What cannot wait is done first: Consent Mode's default before
// the page's own tags can read consent, and, on a first visit, the banner's download, which then runs in parallel
// with the core's start.
const waits = document.readyState === 'loading' && !document.querySelector('script[data-crumb-config]');
try {
  if (waits && script?.dataset.googleAnalytics) pushConsentDefault(window as unknown as TrackerWindow);
  if (src) preloadFirstVisit(src);
} catch (e) {
  console.error('Crumb: could not prepare the page', e);
}
if (waits) document.addEventListener('DOMContentLoaded', start, { once: true });
else start();

/**
 * On a likely first visit (no consent cookie, no privacy signal refusing for the visitor), preloads the widget chunk
 * of the likely language (it has the banner), so the banner does not wait for the core to start. A returning
 * visitor's page fetches nothing before its trackers. Only the cookie is read: a browser's first use of localStorage
 * is slow, and would hold the download back; a choice kept only in the mirror (a browser that dropped the cookie) is
 * rare, and its page needs the widget anyway.
 */
function preloadFirstVisit(from: string) {
  let stored = false;
  try {
    stored = !!cookieStore(document, { secure: false, hostname: location.hostname }).get();
  } catch {
    // Cookies are blocked (a sandboxed frame): nothing can be stored there either.
  }
  const { dnt, gpc } = readPrivacySignals(window);
  if (stored || dnt || gpc) return;
  const lang = pickLanguage([script?.dataset.lang, document.documentElement.lang, navigator.language], LANGUAGES);
  preloadChunk(document, from, `widget.${builtInLanguage(lang)}`, nonce);
}
