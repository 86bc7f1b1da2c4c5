import type { PrivacySignalsMode } from '../config/types';
import type { PrivacySignals } from '../privacy/read-privacy-signals';
import type { ConsentRecord } from './consent-record';

/** What the privacy signals mean for the start of a page view. */
export type SignalOutcome =
  /** Use the stored decision as it is. */
  | 'keep'
  /** No usable decision: show the banner. */
  | 'ask'
  /** Record a refusal with source `signal`, show no banner. */
  | 'refuse';

/**
 * Decides from the stored (valid) record, the signals and the site's mode. An explicit decision of the visitor
 * always wins; a refusal recorded from a signal only lasts while the signal is still sent.
 */
export function signalOutcome(
  stored: ConsentRecord | undefined,
  signals: PrivacySignals,
  mode: PrivacySignalsMode,
): SignalOutcome {
  const signalled = signals.dnt || signals.gpc;
  if (stored && (stored.source !== 'signal' || (signalled && mode === 'honor'))) return 'keep';
  return signalled && mode === 'honor' ? 'refuse' : 'ask';
}

/** The signal's name as visitors know it, for the dialog's notice. GPC is named first: it is the binding one. */
export const signalName = (signals: PrivacySignals): string | undefined =>
  signals.gpc ? 'Global Privacy Control' : signals.dnt ? 'Do Not Track' : undefined;
