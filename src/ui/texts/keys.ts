import type { TextKey } from './types';

/** Every key of `Texts`, for the config parser to check overrides against without loading any language. */
export const TEXT_KEYS = [
  'bannerLabel',
  'bannerTitle',
  'bannerText',
  'policyLink',
  'acceptAll',
  'rejectAll',
  'customize',
  'preferencesTitle',
  'preferencesIntro',
  'necessary',
  'necessaryDescription',
  'analytics',
  'analyticsDescription',
  'marketing',
  'marketingDescription',
  'alwaysOn',
  'cookies',
  'vendorPolicy',
  'save',
  'close',
  'reopen',
  'consentId',
  'signalHonoured',
  'embedNotice',
  'embedAllow',
  'googleAnalyticsPurpose',
  'leadlanderPurpose',
  'twitterPurpose',
  'facebookPurpose',
] as const;

// Compile-time proof that the list and the interface hold the same keys: a key missing on either side makes this
// `never`, and `true` no longer type-checks.
type Listed = (typeof TEXT_KEYS)[number];
export const TEXT_KEYS_COMPLETE: [Exclude<TextKey, Listed>, Exclude<Listed, TextKey>] extends [never, never]
  ? true
  : never = true;
