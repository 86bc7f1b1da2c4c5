import type { Decision, Grants } from '../consent/model-state';
import type { TrackerWindow } from './types';

/** Consent as Consent Mode and the tag-manager event both spell it. */
export const granted = (v: boolean): 'granted' | 'denied' => (v ? 'granted' : 'denied');

/** The tag-manager event, pushed on every decision (and for a stored one as the page starts) when `dataLayer` exists. */
export function pushDecisionEvent(win: TrackerWindow, grants: Grants, decision: Decision): void {
  const layer = win.dataLayer;
  if (!Array.isArray(layer)) return;
  layer.push({
    event: 'crumb_consent',
    crumb_analytics: granted(grants.categories.analytics),
    crumb_marketing: granted(grants.categories.marketing),
    crumb_services: Object.keys(grants.services)
      .filter((id) => grants.services[id])
      .join(','),
    crumb_consent_id: decision.record.id,
    crumb_source: decision.record.source,
  });
}
