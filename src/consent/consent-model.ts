import type { PrivacySignals } from '../privacy/read-privacy-signals';
import { OPTIONAL_CATEGORIES, type Service } from './categories';
import type { ConsentRecord, DecisionSource } from './consent-record';
import { createModelState, type ModelState } from './model-state';

export type { Decision, DecisionOrigin, Grants } from './model-state';
export { resolveGrants } from './model-state';

/** A partial decision, as `Crumb.set()` takes it: what is not named stays as it is. */
export interface ChoiceInput {
  analytics?: boolean;
  marketing?: boolean;
  services?: Record<string, boolean>;
}

export interface ModelOptions {
  services: readonly Service[];
  revision: string;
  signals: PrivacySignals;
  now: () => number;
  newId: () => string;
}

/**
 * The actions that decide: in part or in whole, reset, take another tab's decision. Actions only change state and notify; persisting, trackers, events and the UI are reactions
 * subscribed elsewhere (`reactions.ts`, the widget), so a decision from another tab goes through the same path. They
 * come with the control, in the widget chunk: a returning visit's core starts its trackers from the state alone.
 */
export function addActions(state: ModelState, revision: string, now: () => number, newId: () => string) {
  const { services } = state;

  /** Applies a choice on top of the current grants and records it as a new decision. */
  const decide = (input: ChoiceInput, source: DecisionSource) => {
    const grants = state.grants();
    const chosen: Record<string, boolean> = { ...grants.services };
    // A category named sets its services; a service named on its own then goes as named.
    for (const s of services) {
      const value = input[s.category];
      if (typeof value === 'boolean') chosen[s.id] = value;
    }
    const given = input.services || {};
    for (const id of Object.keys(given)) {
      const value = given[id];
      // An id that is not one of the site's services may land in `chosen` too: only theirs are read from it.
      if (typeof value === 'boolean') chosen[id] = value;
    }
    const cats = {} as ConsentRecord['categories'];
    for (const c of OPTIONAL_CATEGORIES) {
      const members = services.filter((s) => s.category === c);
      const value = input[c];
      // A category with services counts as granted only when every one of its services is.
      cats[c] = members.length
        ? members.every((s) => chosen[s.id])
        : typeof value === 'boolean'
          ? value
          : grants.categories[c];
    }
    const record: ConsentRecord = {
      id: newId(),
      time: now(),
      revision,
      categories: cats,
      services: services.filter((s) => chosen[s.id] && !cats[s.category]).map((s) => s.id),
      source,
      signalled: state.signals.dnt || state.signals.gpc,
    };
    state.change({ record, origin: 'local', previousId: state.lastId() }, 'local');
  };
  const all = (value: boolean): ChoiceInput => ({ analytics: value, marketing: value });

  return Object.assign(state, {
    decide,
    acceptAll: (source: DecisionSource) => decide(all(true), source),
    rejectAll: (source: DecisionSource) => decide(all(false), source),
    /**
     * Forgets the decision (the banner asks again), under a consent ID of its own for the receipt. With none to forget,
     * no receipt goes, so no ID is taken: the next decision links to the last one there was.
     */
    reset: () => state.change(undefined, 'local', state.decision() ? newId() : state.lastId()),
    /** Takes a decision made in another tab. */
    adopt: (record: ConsentRecord | undefined) => {
      const current = state.decision();
      // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
      if ((record && record.id) !== (current && current.record.id))
        state.change(record && { record, origin: 'tab' }, 'tab');
    },
  });
}

/** The one consent model, state and actions (see `model-state.ts` and `addActions`). */
export function createConsentModel(options: ModelOptions, initial?: ConsentRecord) {
  return addActions(
    createModelState(options.services, options.signals, initial),
    options.revision,
    options.now,
    options.newId,
  );
}

export type ConsentModel = ReturnType<typeof createConsentModel>;
