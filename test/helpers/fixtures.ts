import type { Service } from '../../src/consent/categories';
import type { ConsentRecord } from '../../src/consent/consent-record';

/** The four built-in services, shaped like the trackers' own (tests must not depend on tracker files for this). */
export const GA: Service = {
  id: 'google-analytics',
  name: 'Google Analytics',
  category: 'analytics',
  cookies: ['_ga'],
};
export const LL: Service = { id: 'leadlander', name: 'LeadLander', category: 'marketing', cookies: [] };
export const TW: Service = { id: 'twitter', name: 'X (Twitter)', category: 'marketing', cookies: ['_twclid'] };
export const FB: Service = { id: 'facebook', name: 'Facebook', category: 'marketing', cookies: ['_fbp', '_fbc'] };
export const BUILT_IN: Service[] = [GA, LL, TW, FB];

export const DAY = 86_400_000;
/** A fixed "now", a whole number of seconds (records keep seconds). */
export const NOW = Date.UTC(2025, 2, 14, 12, 0, 0);

/** A valid record; override what a test is about. */
export function record(over: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: 'Qk3vX0b9mT2aLr7cYw1eZA',
    time: NOW - DAY,
    revision: '1',
    categories: { analytics: true, marketing: false },
    services: [],
    source: 'banner',
    signalled: false,
    ...over,
  };
}

/** Ids that differ on every call, like `createConsentId`. */
export function idSequence(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}${String(n++).padStart(22 - prefix.length, '0')}`;
}
