import type { CrumbConfig } from '../config/types';
import type { Service } from '../consent/categories';
import { facebookCookies, facebookShown, facebookStart } from './facebook';
import { googleAnalyticsCookies, googleAnalyticsShown, googleAnalyticsStart } from './google-analytics';
import { leadlanderCookies, leadlanderShown, leadlanderStart } from './leadlander';
import { twitterCookies, twitterShown, twitterStart } from './twitter';
import { completeTracker, type Tracker, type TrackerCookies, type TrackerShown } from './types';

type TrackerIds = Pick<CrumbConfig, 'googleAnalytics' | 'leadlander' | 'twitterPixel' | 'facebookPixel'>;

/**
 * The built-in trackers the site configured, in display order, as the core starts them. A tracker without an ID is
 * not present at all.
 */
export function createTrackers(config: TrackerIds): Tracker[] {
  const trackers: Tracker[] = [];
  if (config.googleAnalytics) trackers.push(googleAnalyticsStart(config.googleAnalytics));
  if (config.leadlander) trackers.push(leadlanderStart(config.leadlander));
  if (config.twitterPixel) trackers.push(twitterStart(config.twitterPixel));
  if (config.facebookPixel) trackers.push(facebookStart(config.facebookPixel));
  return trackers;
}

const COOKIES: Record<string, () => TrackerCookies> = {
  'google-analytics': googleAnalyticsCookies,
  leadlander: leadlanderCookies,
  twitter: twitterCookies,
  facebook: facebookCookies,
};
const SHOWN: Record<string, () => TrackerShown> = {
  'google-analytics': googleAnalyticsShown,
  leadlander: leadlanderShown,
  twitter: twitterShown,
  facebook: facebookShown,
};

/** Completes the core's trackers with the cookies withdrawal deletes (the control does this as it takes over). */
export const completeTrackers = (trackers: Tracker[]): Tracker[] =>
  trackers.map((t) => completeTracker(t, COOKIES[t.service.id]()));

/**
 * Completes the built-in services with the names and policies the dialog shows (the UI chunk does this before it
 * shows them); the site's own services have theirs from the configuration.
 */
export function completeShown(services: readonly Service[]): void {
  for (const s of services) if (Object.prototype.hasOwnProperty.call(SHOWN, s.id)) Object.assign(s, SHOWN[s.id]());
}
