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

/** The page's own `gtag`, or one that pushes the `arguments` object (gtag.js ignores plain arrays). */
function gtagOf(win: TrackerWindow): Gtag {
  if (!Array.isArray(win.dataLayer)) win.dataLayer = [];
  const layer = win.dataLayer as unknown[];
  if (typeof win.gtag !== 'function') {
    win.gtag = function gtag() {
      // biome-ignore lint/complexity/noArguments: gtag.js only reads `arguments` objects, never arrays.
      layer.push(arguments);
    };
  }
  return win.gtag as Gtag;
}

/** dataLayers that already hold Crumb's Consent Mode default: it is pushed once, first. */
const defaulted = new WeakSet<object>();

/**
 * `gtag('consent', 'default', …all denied)`, once per page. Called as Crumb's tag runs when it configures Google
 * Analytics, even before the rest of the configuration is read: the page's own tags must not read consent first.
 */
export function pushConsentDefault(win: TrackerWindow): void {
  const gtag = gtagOf(win);
  if (defaulted.has(win.dataLayer as object)) return;
  defaulted.add(win.dataLayer as object);
  gtag('consent', 'default', consentModeState());
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
 * consent; on withdrawal, Consent Mode denied and `ga-disable-ID`.
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
    stop({ win }) {
      gtagOf(win)('consent', 'update', consentModeState());
      win[`ga-disable-${measurementId}`] = true;
    },
    // Consent Mode's update to granted has just been pushed by `update`.
    resume: ({ win }) => {
      win[`ga-disable-${measurementId}`] = false;
    },
  };
}

/** Google Analytics' cookies, deleted on withdrawal. */
export const googleAnalyticsCookies = (): TrackerCookies => ({ cookies: ['_ga', /^_ga_.+$/, '_gid', /^_gat.*$/] });
/** Google Analytics as the dialog shows it. */
export const googleAnalyticsShown = (): TrackerShown => ({
  name: 'Google Analytics',
  policyUrl: 'https://policies.google.com/privacy',
});

export const googleAnalytics = (measurementId: string) =>
  completeTracker(googleAnalyticsStart(measurementId), { ...googleAnalyticsCookies(), ...googleAnalyticsShown() });
