import type { CrumbConfig } from '../config/types';
import { facebookRest, facebookStart } from './facebook';
import { googleAnalyticsRest, googleAnalyticsStart } from './google-analytics';
import { leadlanderRest, leadlanderStart } from './leadlander';
import { twitterRest, twitterStart } from './twitter';
import { completeTracker, type Tracker, type TrackerRest } from './types';

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

const REST: Record<string, () => TrackerRest> = {
  'google-analytics': googleAnalyticsRest,
  leadlander: leadlanderRest,
  twitter: twitterRest,
  facebook: facebookRest,
};

/** Completes the core's trackers with their names, cookies and policies (the widget chunk does this as it starts). */
export const completeTrackers = (trackers: Tracker[]): Tracker[] =>
  trackers.map((t) => completeTracker(t, REST[t.service.id]()));
