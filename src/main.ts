/**
 * The script-tag entry (`dist/crumb.js`): the only module with side effects. It reads its own tag's attributes,
 * nonce and URL synchronously, before anything else, then boots. Its chunks (`crumb-*.js`) sit next to it.
 */
import { boot } from './boot';
import { FIELDS } from './config/parse-config';
import { readConfig } from './config/read-config';
import { INVALID } from './config/validators';
import { readPrivacySignals } from './privacy/read-privacy-signals';
import { loadChunkScript, preloadChunk } from './shell/load-chunk';
import { readCookie } from './storage/cookie-store';
import { pushConsentDefault } from './trackers/google-analytics';
import type { TrackerWindow } from './trackers/types';
import { builtInLanguage, pageLanguage } from './ui/texts/languages';

const doc = document;
/**
 * Crumb's own tag: the running script, or (a `type="module"` tag, which has no `currentScript`) the module tag that
 * names crumb.js.
 */
const script = (doc.currentScript ||
  doc.querySelector('script[type=module][src*="crumb.js"]')) as HTMLScriptElement | null;
// biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
const src = script && script.src;
// biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
const nonce = (script && script.nonce) || '';
/** No config block in the page yet: the tag alone names the language (until a block comes later, which is rare). */
const blockless = !doc.querySelector('script[data-crumb-config]');
// The data-crumb-config block may stand anywhere in the page: while the page is still loading and none is parsed
// yet, the configuration is read once it is all there.
const waits = doc.readyState === 'loading' && blockless;
const start = () => {
  try {
    const parsed = readConfig(doc, script, location.hostname);
    // With a block, its language is known now: the widget of that language downloads while the core starts.
    if (!blockless) preloadFirstVisit(pageLanguage(parsed.config.lang, parsed.config.texts, doc));
    boot(window, parsed, {
      nonce,
      version: __CRUMB_VERSION__,
      load: (loader) => (_name, file) =>
        src
          ? loadChunkScript(loader, src, file)
          : Promise.reject(
              new Error(
                'crumb.js must be loaded by a <script src> tag next to its crumb-*.js files (a type="module" tag must name crumb.js)',
              ),
            ),
    });
  } catch (e) {
    console.error('Crumb: could not start; no tracker will load on this page', e);
  }
};

// What cannot wait for the configuration is done first: on a first visit, the banner's download, so the widget
// arrives while the core starts; and, when the configuration is still to come (the page is loading), Consent Mode's
// default before the page's own tags can read consent (only for an ID that will be used: a wrong one turns GA off).
try {
  // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
  if (blockless) preloadFirstVisit(pageLanguage(script && script.dataset.lang, {}, doc));
  if (waits && script && FIELDS.googleAnalytics(script.dataset.googleAnalytics) !== INVALID)
    pushConsentDefault(window as unknown as TrackerWindow);
} catch (e) {
  console.error('Crumb: could not prepare the page', e);
}
if (waits) doc.addEventListener('DOMContentLoaded', start, { once: true });
else start();

/**
 * On a likely first visit (no consent cookie, no privacy signal refusing for the visitor), preloads the widget chunk
 * of the likely language (it has the banner), so the banner does not wait for the core to start. A returning
 * visitor's page fetches nothing before its trackers. Only the cookie is read: a browser's first use of localStorage
 * is slow, and would hold the download back; a choice kept only in the mirror (a browser that dropped the cookie) is
 * rare, and its page needs the widget anyway.
 */
function preloadFirstVisit(language: string) {
  if (!src) return;
  let stored = false;
  try {
    stored = !!readCookie(doc);
  } catch {
    // Cookies are blocked (a sandboxed frame): nothing can be stored there either.
  }
  const { dnt, gpc } = readPrivacySignals(window);
  if (stored || dnt || gpc) return;
  preloadChunk(doc, src, `widget.${builtInLanguage(language)}`, nonce);
}
