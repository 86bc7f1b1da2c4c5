/**
 * `crumb-consent/testing`: helpers for Playwright suites of sites that embed Crumb. The stored record is written
 * by the widget's own encoder, so the two cannot drift.
 */
export {
  type ConsentPreset,
  consentStorageState,
  type PresetOptions,
  presetConsent,
  presetRecord,
} from './preset-consent';
export {
  recordTrackers,
  TRACKER_HOSTS,
  type TrackerRecorder,
  type TrackerRequest,
  type TrackerVendor,
  vendorOfHost,
} from './tracker-recorder';
export {
  acceptAll,
  banner,
  type Choice,
  choose,
  consentState,
  type Lang,
  openPreferences,
  preferences,
  privacySignals,
  rejectAll,
  SERVICE_NAMES,
  settingsButton,
  withdrawAll,
} from './ui-helpers';
