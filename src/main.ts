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
import { attempt } from './storage/read-decision';
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
// The data-crumb-config block may stand anywhere in the page: while the page is still loading and none is parsed
// yet, the configuration is read once it is all there.
const waits = doc.readyState === 'loading' && !doc.querySelector('script[data-crumb-config]');
const firstVisit = likelyFirstVisit();
const start = () => {
  try {
    const parsed = readConfig(doc, script, location.hostname);
    boot(window, parsed, {
      nonce,
      version: __CRUMB_VERSION__,
      early: firstVisit,
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

// When the configuration is still to come (the page is loading), what cannot wait for it is done first: on a likely
// first visit, the banner's download (the tag alone names the language, until a block comes later, which is rare),
// so the widget arrives while the page loads; and Consent Mode's default before the page's own tags can read consent
// (only for an ID that will be used: a wrong one turns GA off). Otherwise the core starts now and asks for the widget
// first thing (`early`): a preload would only cost the page one more element.
try {
  if (waits && firstVisit)
    preloadChunk(
      doc,
      src as string,
      // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
      `widget.${builtInLanguage(pageLanguage(script && script.dataset.lang, {}, doc))}`,
      nonce,
    );
  if (waits && script && FIELDS.googleAnalytics(script.dataset.googleAnalytics) !== INVALID)
    pushConsentDefault(window as unknown as TrackerWindow);
} catch (e) {
  console.error('Crumb: could not prepare the page', e);
}
if (waits) doc.addEventListener('DOMContentLoaded', start, { once: true });
else start();

/**
 * A likely first visit: no consent cookie, no privacy signal refusing for the visitor. Its widget (with the banner)
 * is asked for before the core's own work; a returning visitor's page fetches nothing before its trackers. Only the
 * cookie is read: a browser's first use of localStorage is slow, and would hold the download back; a choice kept only
 * in the mirror (a browser that dropped the cookie) is rare, and its page needs the widget anyway.
 */
function likelyFirstVisit(): boolean {
  try {
    // Cookies are blocked (a sandboxed frame): nothing can be stored there either.
    const stored = attempt(() => readCookie(doc));
    const { dnt, gpc } = readPrivacySignals(window);
    return !!src && !stored && !dnt && !gpc;
  } catch {
    // A page whose navigator throws: the widget comes after the core's work, as on a returning visit.
    return false;
  }
}
