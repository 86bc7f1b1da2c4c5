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
 * Decides from the stored (valid) record, the signals and the site's mode. Where a signal is honoured, a choice the
 * visitor made while their browser sent one (an opt-in from the preferences, say) stands, as does a refusal of
 * everything; any other choice made before the signal gives way to it. A refusal recorded from a signal only lasts
 * while the signal is still sent and honoured.
 */
export function signalOutcome(
  stored: ConsentRecord | undefined,
  signals: PrivacySignals,
  mode: PrivacySignalsMode,
): SignalOutcome {
  const honoured = (signals.dnt || signals.gpc) && mode === 'honor';
  if (
    stored &&
    (stored.source === 'signal'
      ? honoured
      : // A refusal of everything is what the signal asks for: kept as the visitor's, it asks no more once the signal
        // stops.
        !honoured ||
        stored.signalled ||
        !(stored.categories.analytics || stored.categories.marketing || stored.services[0]))
  )
    return 'keep';
  return honoured ? 'refuse' : 'ask';
}

/** The signal's name as visitors know it, for the dialog's notice. GPC is named first: it is the binding one. */
export const signalName = (signals: PrivacySignals): string | undefined =>
  signals.gpc ? 'Global Privacy Control' : signals.dnt ? 'Do Not Track' : undefined;
