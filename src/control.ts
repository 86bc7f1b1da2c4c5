import { checkChoice } from './api/check-choice';
import type { ApiActions } from './api/public-api';
import { addActions, type ConsentModel } from './consent/consent-model';
import type { ConsentRecord } from './consent/consent-record';
import type { Decision } from './consent/model-state';
import { createReactions } from './reactions';
import type { Core } from './start';
import { type ConsentStorage, createConsentStorage } from './storage/consent-storage';
import { cookieStore } from './storage/cookie-store';
import { localMirror } from './storage/local-mirror';
import { completeTrackers } from './trackers/registry';

/** The running Crumb once the control has taken the core over: what the widget and the UI work with. */
export interface Crumb extends Omit<Core, 'model'> {
  model: ConsentModel;
  storage: ConsentStorage;
  now(): number;
}

/**
 * The control, in the widget chunk: takes over a started core, once (the widget, after the banner's first frame or on
 * first use, or `Core.control` for an API call). Completes the trackers' services with their cookies and the model
 * with its actions, gives storage its writes, then reads storage again, connects the reactions, takes in what another
 * tab stored since the core read it (or else stores a refusal recorded from a privacy signal), and hands the actions
 * to `window.Crumb` last, running the calls that waited.
 */
export function takeOver(core: Core): Crumb {
  if ('storage' in core) return core as Crumb;
  const { win, config } = core;
  // Whole seconds, as records are stored: a decision tells the same time here, in its receipt and on the next page.
  const now = () => Math.floor(Date.now() / 1e3) * 1e3;
  completeTrackers(core.trackers);
  const crumb: Crumb = Object.assign(core, {
    model: addActions(core.model, config.revision, now, core.newId),
    storage: createConsentStorage(
      cookieStore(win.document, win.location, config.cookieDomain, core.readCookie),
      localMirror(win),
      core.reader,
      config.expiryDays,
    ),
    now,
  });
  try {
    const { model, storage } = crumb;
    // Both places back in step (Safari may have dropped the script-written cookie after 7 days), and what is stored
    // now: another tab may have decided (or reset) since the core read it.
    const { record: stored, problem } = storage.load(now());
    // The record the core read may have expired since (a moment ago, or longer if the widget was slow to arrive): that
    // is no change made in another tab, and the page keeps the decision it started with, as it does when a record
    // expires later on. Another tab leaves no expired record behind: a reset leaves none at all, a decision a new one.
    // (An unreadable value's problem carries that value, whose first character is never the word 'expired'.)
    const expired = !!problem && problem[1][0] === 'expired';
    // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
    const changed = !expired && (stored && stored.id) !== core.readId;
    // A refusal recorded from a privacy signal is stored (with its receipt) only if nothing was decided meanwhile: an
    // explicit choice made in another tab wins.
    if (changed) crumb.recordedAtStart = undefined;
    else if (crumb.recordedAtStart) {
      storage.save(crumb.recordedAtStart, now());
      // It replaces the choice the page read, if any (one made before the signal came): its receipt says so.
      (model.decision() as Decision).previousId = core.readId;
    }
    model.subscribe(createReactions(crumb));
    if (changed) adopt(crumb, stored);
    // Last: calls that waited apply on top of the latest decision.
    crumb.connect(apiActions(model));
  } catch (e) {
    // Not expected (storage and every step after a decision are guarded), but never silent.
    console.error('Crumb: the widget could not take over; decisions may not be stored on this page', e);
  }
  return crumb;
}

/**
 * Takes what another tab stored as this page would take it at start (`Core.outcomeOf`): a refusal recorded from a
 * privacy signal counts only while this page honours a signal this browser sends it, or else it is no decision and
 * the banner asks; a choice that gives way to the signal here leaves this page's refusal from it as it is. A reset is taken as it is (this page does not record a refusal of its own for it): the tab that
 * reset asks too, and a new record, with its receipt, comes only from a tab that decides.
 */
export const adopt = ({ model, outcomeOf }: Crumb, record: ConsentRecord | undefined): void => {
  const outcome = outcomeOf(record);
  const current = model.decision();
  // A choice the signal this page honours overrides (one made in a tab that did not send it): this page's refusal
  // from the signal holds, in memory; the next page records its own.
  if (outcome === 'refuse' && current && current.record.source === 'signal') return;
  model.adopt(outcome === 'keep' ? record : undefined);
};

/** `window.Crumb`'s actions, over the model: source `api`; a `set()` mistake throws before anything is decided. */
export const apiActions = (model: ConsentModel): ApiActions => ({
  acceptAll: () => model.acceptAll('api'),
  rejectAll: () => model.rejectAll('api'),
  set: (choice) => {
    checkChoice(choice, model.services);
    model.decide(choice, 'api');
  },
  open: () => model.open(),
  reset: () => model.reset(),
});
