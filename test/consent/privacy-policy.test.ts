import { describe, expect, it } from 'vitest';
import type { PrivacySignalsMode } from '../../src/config/types';
import type { ConsentRecord, DecisionSource } from '../../src/consent/consent-record';
import { type SignalOutcome, signalName, signalOutcome } from '../../src/consent/privacy-policy';
import { record } from '../helpers/fixtures';

const NONE = { dnt: false, gpc: false };
const DNT = { dnt: true, gpc: false };
const GPC = { dnt: false, gpc: true };

type Stored = DecisionSource | 'none' | 'refused by banner' | 'preferences, under the signal' | 'api, under the signal';
type Row = [stored: Stored, signals: typeof NONE, mode: PrivacySignalsMode, outcome: SignalOutcome];

/** Stored (by source) or not × signal or not × honor/ask. */
const TABLE: Row[] = [
  // Nothing stored: a signal is honoured as a refusal, else the banner asks.
  ['none', NONE, 'honor', 'ask'],
  ['none', NONE, 'ask', 'ask'],
  ['none', DNT, 'honor', 'refuse'],
  ['none', GPC, 'honor', 'refuse'],
  ['none', DNT, 'ask', 'ask'],
  ['none', GPC, 'ask', 'ask'],
  // A decision of the visitor holds without a signal, or where the site only asks.
  ['banner', NONE, 'honor', 'keep'],
  ['banner', NONE, 'ask', 'keep'],
  ['banner', GPC, 'ask', 'keep'],
  ['preferences', DNT, 'ask', 'keep'],
  // A signal honoured wins over a choice made before the browser sent it (the signal's refusal is recorded)…
  ['banner', DNT, 'honor', 'refuse'],
  ['banner', GPC, 'honor', 'refuse'],
  ['preferences', GPC, 'honor', 'refuse'],
  ['api', DNT, 'honor', 'refuse'],
  // …not over a refusal of everything, which the signal asks for (kept as the visitor's, so no banner once it stops)…
  ['refused by banner', GPC, 'honor', 'keep'],
  ['refused by banner', DNT, 'honor', 'keep'],
  ['refused by banner', NONE, 'honor', 'keep'],
  // …nor over one made while it was sent (an opt-in from the preferences), which stands, signal or not.
  ['preferences, under the signal', GPC, 'honor', 'keep'],
  ['api, under the signal', DNT, 'honor', 'keep'],
  ['preferences, under the signal', NONE, 'honor', 'keep'],
  ['preferences, under the signal', GPC, 'ask', 'keep'],
  // A refusal recorded from a signal lasts only while the signal is sent and honoured.
  ['signal', DNT, 'honor', 'keep'],
  ['signal', GPC, 'honor', 'keep'],
  ['signal', NONE, 'honor', 'ask'],
  ['signal', NONE, 'ask', 'ask'],
  ['signal', DNT, 'ask', 'ask'],
  ['signal', GPC, 'ask', 'ask'],
];

describe('signalOutcome', () => {
  it.each(TABLE)('stored %s, signals %j, mode %s → %s', (stored, signals, mode, outcome) => {
    const STORED: Record<string, Partial<ConsentRecord>> = {
      'refused by banner': { source: 'banner', categories: { analytics: false, marketing: false } },
      'preferences, under the signal': { source: 'preferences', signalled: true },
      'api, under the signal': { source: 'api', signalled: true },
    };
    const r =
      stored === 'none'
        ? undefined
        : record({
            categories: { analytics: true, marketing: true },
            ...(STORED[stored] || { source: stored as DecisionSource }),
          });
    expect(signalOutcome(r, signals, mode)).toBe(outcome);
  });

  it('never reads a signal as consent: no outcome grants anything by itself', () => {
    for (const signals of [DNT, GPC, { dnt: true, gpc: true }])
      for (const mode of ['honor', 'ask'] as const) expect(signalOutcome(undefined, signals, mode)).not.toBe('keep');
  });
});

describe('signalName', () => {
  it('names GPC first, then DNT, else nothing', () => {
    expect(signalName({ dnt: true, gpc: true })).toBe('Global Privacy Control');
    expect(signalName(GPC)).toBe('Global Privacy Control');
    expect(signalName(DNT)).toBe('Do Not Track');
    expect(signalName(NONE)).toBeUndefined();
  });
});
