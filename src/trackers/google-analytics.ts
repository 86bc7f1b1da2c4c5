import type { Grants } from '../consent/model-state';
import { granted } from './data-layer';
import {
  completeTracker,
  coreService,
  type Tracker,
  type TrackerCookies,
  type TrackerShown,
  type TrackerWindow,
} from './types';

type Gtag = (...args: unknown[]) => void;
type ConsentState = Record<string, 'granted' | 'denied'>;

/** The page's own `gtag` functions seen pushing arrays (`(...a) => dataLayer.push(a)`), which gtag.js ignores. */
const pushesArrays = new WeakSet<Gtag>();

/**
 * The page's own `gtag`, or one that pushes the `arguments` object (gtag.js ignores plain arrays) into the page's
 * `dataLayer` of the moment, as Google's snippet does: a page may replace the array after Crumb's tag
 * (`dataLayer = [{…}]`, Tag Manager's older snippet), and gtag.js reads only the one on `window`. A page's `gtag`
 * that pushes an array instead loses every command given to it: Crumb's is taken out and pushed as gtag.js reads it,
 * with one warning, and Crumb pushes its own from then on.
 */
function gtagOf(win: TrackerWindow): Gtag {
  if (!Array.isArray(win.dataLayer)) win.dataLayer = [];
  const own: Gtag = function gtag() {
    // biome-ignore lint/complexity/noArguments: gtag.js only reads `arguments` objects, never arrays.
    (win.dataLayer as unknown[]).push(arguments);
  };
  const page = win.gtag;
  if (typeof page !== 'function') {
    win.gtag = own;
    return own;
  }
  return (...args) => {
    const layer = win.dataLayer as unknown[];
    const at = layer.length;
    if (!pushesArrays.has(page as Gtag)) {
      try {
        (page as Gtag)(...args);
      } catch (e) {
        // A page gtag that throws before pushing anything: the command still goes in (the error is still reported).
        if (layer.length === at) own(...args);
        throw e;
      }
      if (!Array.isArray(layer[at])) return;
      layer.splice(at, 1);
      pushesArrays.add(page as Gtag);
      console.warn(
        "Crumb: the page's gtag pushes arrays, which gtag.js ignores: use function gtag(){dataLayer.push(arguments)}",
      );
    }
    own(...args);
  };
}

/**
 * Marks a dataLayer that holds Crumb's Consent Mode default, so it is pushed once per dataLayer, also by a second copy
 * of the script on the page (a registry symbol: the same in every copy, and no new global).
 */
const DEFAULTED = Symbol.for('crumb.defaulted');

/** `arguments` of a call, as gtag.js reads them. */
function argumentsOf(..._: unknown[]): IArguments {
  // biome-ignore lint/complexity/noArguments: gtag.js only reads `arguments` objects, never arrays.
  return arguments;
}

/**
 * `gtag('consent', 'default', …all denied)`, once per dataLayer. Called as Crumb's tag runs when it configures Google
 * Analytics, even before the rest of the configuration is read: the page's own tags must not read consent first.
 * When the configuration comes later (Google Analytics named only in a block after the tag), the page's own snippet
 * may have queued `js`/`config`/events already: while gtag.js (or gtm.js) has not taken the dataLayer over (its
 * `push` is still the array's), the default goes before the first entry that is not a consent command, after any the
 * page pushed earlier (so a default of the page's own comes first, and Crumb's, all denied, wins).
 */
export function pushConsentDefault(win: TrackerWindow): void {
  const gtag = gtagOf(win);
  const layer = win.dataLayer as unknown[] & { [DEFAULTED]?: 1 };
  if (layer[DEFAULTED]) return;
  // Not enumerable: invisible to whatever copies or compares the page's dataLayer. A descriptor without a prototype:
  // a page that set `Object.prototype.get` (or `set`) would otherwise make it an accessor with a value, which throws.
  Object.defineProperty(layer, DEFAULTED, { __proto__: null, value: 1 } as PropertyDescriptor);
  let at = 0;
  // Entries are whatever the page pushed: `arguments` objects, plain objects, anything (`|| 0`: null reads nothing).
  while (at < layer.length && ((layer[at] || 0) as { 0?: unknown })[0] === 'consent') at++;
  if (at < layer.length && layer.push === [].push)
    layer.splice(at, 0, argumentsOf('consent', 'default', consentModeState()));
  else gtag('consent', 'default', consentModeState());
}

/** Consent Mode v2 signals for a set of grants (none: no decision, all denied). Ad signals need marketing consent. */
export function consentModeState(grants?: Grants): ConsentState {
  const marketing = granted(!!grants && grants.categories.marketing);
  const decided = granted(!!grants);
  return {
    ad_storage: marketing,
    ad_user_data: marketing,
    ad_personalization: marketing,
    analytics_storage: granted(!!grants && grants.services['google-analytics'] === true),
    functionality_storage: decided,
    personalization_storage: marketing,
    security_storage: decided,
  };
}

/** Google Analytics 4 through gtag.js, in Consent Mode v2 *basic*: the tag loads only after
 * consent; on withdrawal, `analytics_storage` denied (by `update`) and `ga-disable-ID`.
 */
export function googleAnalyticsStart(measurementId: string): Tracker {
  return {
    service: coreService('google-analytics', 'analytics'),
    init: ({ win }) => pushConsentDefault(win),
    update: ({ win }, grants) => gtagOf(win)('consent', 'update', consentModeState(grants)),
    start({ win, load }) {
      const gtag = gtagOf(win);
      load(`https://www.googletagmanager.com/gtag/js?id=${measurementId}`);
      gtag('js', new Date());
      gtag('config', measurementId);
    },
    // Consent Mode's update with the choice (analytics_storage denied) has just been pushed by `update`: one all denied
    // here would also deny the ad signals a marketing consent still grants.
    stop({ win }) {
      win[`ga-disable-${measurementId}`] = true;
    },
    // Consent Mode's update to granted has just been pushed by `update`.
    resume: ({ win }) => {
      win[`ga-disable-${measurementId}`] = false;
    },
  };
}

/**
 * Google Analytics' cookies, deleted on withdrawal; with its Google Ads link (under `ad_storage`) also `_gcl_*` and
 * `_gac_*`.
 */
export const googleAnalyticsCookies = (): TrackerCookies => ({
  cookies: ['_ga', /^_ga_.+$/, '_gid', /^_gat.*$/, /^_gcl_.+$/, /^_gac_.+$/],
});
/** Google Analytics as the dialog shows it. */
export const googleAnalyticsShown = (): TrackerShown => ({
  name: 'Google Analytics',
  policyUrl: 'https://policies.google.com/privacy',
});

export const googleAnalytics = (measurementId: string) =>
  completeTracker(googleAnalyticsStart(measurementId), { ...googleAnalyticsCookies(), ...googleAnalyticsShown() });
