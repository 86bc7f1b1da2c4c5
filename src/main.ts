/**
 * The script-tag entry (`dist/crumb.js`): the only module with side effects. It reads its own tag's attributes,
 * nonce and URL synchronously, before anything else, then boots. Its chunks (`crumb-*.js`) sit next to it.
 */
import { runningCrumb } from './api/window-global';
import { boot } from './boot';
import { FIELDS } from './config/parse-config';
import { readConfig } from './config/read-config';
import { INVALID } from './config/validators';
import { type PrivacySignals, readPrivacySignals } from './privacy/read-privacy-signals';
import { chunkUrl, loadChunkScript } from './shell/load-chunk';
import { readCookie } from './storage/cookie-store';
import { attempt } from './storage/read-decision';
import { pushConsentDefault } from './trackers/google-analytics';
import { createScriptLoader, type ScriptLoader } from './trackers/load-script';
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
let waits = doc.readyState === 'loading' && !doc.querySelector('script[data-crumb-config]');
/** The cookie and the privacy signals as `likelyFirstVisit` read them, for the core (`StartOptions.read`). */
let read: [PrivacySignals] | [PrivacySignals, string | undefined] | undefined;
const firstVisit = likelyFirstVisit();
/** Made before the core starts when the widget is loaded early (below), and then the core's: one Trusted Types policy. */
let loader: ScriptLoader | undefined;
/** The widget's file and chunk, loaded while the page is still loading; taken by the core's first ask for that file. */
let early: [string, Promise<unknown>] | undefined;
const start = () => {
  try {
    const parsed = readConfig(doc, script, location.hostname);
    boot(window, parsed, {
      nonce,
      version: __CRUMB_VERSION__,
      early: firstVisit,
      loader,
      read,
      load: (loader) => (_name, file) => {
        const ready = early && early[0] === file && early[1];
        early = undefined;
        return ready
          ? // Not there (a network blip, an error page): asked for once more, as it would have been without it.
            (ready.catch(() => loadChunkScript(loader, src as string, file)) as Promise<never>)
          : src
            ? loadChunkScript(loader, src, file)
            : Promise.reject(
                new Error(
                  'crumb.js must be loaded by a <script src> tag next to its crumb-*.js files (a type="module" tag must name crumb.js)',
                ),
              );
      },
    });
  } catch (e) {
    console.error('Crumb: could not start; no tracker will load on this page', e);
  }
};

// When the configuration is still to come (the page is loading), what cannot wait for it is done first: on a likely
// first visit, the widget is loaded and run (the tag alone names the language, until a block comes later, which is
// rare), so that once the page is parsed the banner only has to be put up, in the same task as the core's start,
// before the page's next rendering (on a long page, its full layout); and Consent Mode's default before the page's own
// tags can read consent (only for an ID that will be used: a wrong one turns GA off). Running the widget's file does
// nothing but hand it over. Otherwise the core starts now and asks for the widget first thing (`early`).
try {
  if (firstVisit) {
    // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
    const file = `widget.${builtInLanguage(pageLanguage(script && script.dataset.lang, {}, doc))}`;
    const url = chunkUrl(src as string, file);
    // A copy of the tag that ran before this one loads it early, and starts once the page is parsed: this copy then
    // waits too, so that it finds that one running (and only warns) rather than start a second Crumb before it.
    if ([].some.call(doc.scripts, (s: HTMLScriptElement) => s.src === url)) waits = waits || !runningCrumb(window);
    else if (waits) {
      loader = createScriptLoader(doc, window, nonce);
      const chunk = loadChunkScript(loader, src as string, file);
      // Reported by the core as it takes it (a configuration that stops the core leaves it unused).
      chunk.catch(() => {});
      early = [file, chunk];
    }
  }
  if (waits && script && FIELDS.googleAnalytics(script.dataset.googleAnalytics) !== INVALID)
    pushConsentDefault(window as unknown as TrackerWindow);
} catch (e) {
  console.error('Crumb: could not prepare the page', e);
}
if (waits) {
  // Once the page is parsed, the cookie is read again (another tab may have decided meanwhile); the signals hold.
  if (read) read = [read[0]];
  doc.addEventListener('DOMContentLoaded', start, { once: true });
} else start();

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
    const signals = readPrivacySignals(window);
    read = [signals, stored];
    return !!src && !stored && !signals.dnt && !signals.gpc;
  } catch {
    // A page whose navigator throws: the widget comes after the core's work, as on a returning visit.
    return false;
  }
}
