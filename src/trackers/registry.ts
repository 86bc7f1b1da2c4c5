import type { CrumbConfig } from '../config/types';
import { facebook } from './facebook';
import { googleAnalytics } from './google-analytics';
import { leadlander } from './leadlander';
import { twitter } from './twitter';
import type { Tracker } from './types';

/** The built-in trackers the site configured, in display order. A tracker without an ID is not present at all. */
export function createTrackers(
  config: Pick<CrumbConfig, 'googleAnalytics' | 'leadlander' | 'twitterPixel' | 'facebookPixel'>,
): Tracker[] {
  const trackers: Tracker[] = [];
  if (config.googleAnalytics) trackers.push(googleAnalytics(config.googleAnalytics));
  if (config.leadlander) trackers.push(leadlander(config.leadlander));
  if (config.twitterPixel) trackers.push(twitter(config.twitterPixel));
  if (config.facebookPixel) trackers.push(facebook(config.facebookPixel));
  return trackers;
}
