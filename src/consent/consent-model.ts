import type { PrivacySignals } from '../privacy/read-privacy-signals';
import { OPTIONAL_CATEGORIES, type OptionalCategory, type Service } from './categories';
import type { ConsentRecord, DecisionSource } from './consent-record';

/** What is granted right now. `necessary` is always true. */
export interface Grants {
  categories: { necessary: true } & Record<OptionalCategory, boolean>;
  services: Record<string, boolean>;
}

/** A partial decision, as `Crumb.set()` takes it: what is not named stays as it is. */
export interface ChoiceInput {
  analytics?: boolean;
  marketing?: boolean;
  services?: Record<string, boolean>;
}

/** Where the current decision came from: read at start, made on this page, or made in another tab. */
export type DecisionOrigin = 'start' | 'local' | 'tab';

export interface Decision {
  record: ConsentRecord;
  origin: DecisionOrigin;
  /** Consent ID of the decision this one replaced, for receipts. */
  previousId?: string;
}

export interface ModelOptions {
  services: readonly Service[];
  revision: string;
  signals: PrivacySignals;
  now: () => number;
  newId: () => string;
}

/** Grants from a record: a service is granted with its category, or on its own. */
export function resolveGrants(record: ConsentRecord | undefined, services: readonly Service[]): Grants {
  const categories = {
    necessary: true as const,
    analytics: !!record?.categories.analytics,
    marketing: !!record?.categories.marketing,
  };
  const granted: Record<string, boolean> = {};
  for (const s of services) granted[s.id] = !!record && (categories[s.category] || record.services.includes(s.id));
  return { categories, services: granted };
}

/**
 * The one consent model: its state (the decision, whether the preferences are open) and the actions that change it.
 * Actions only change state and notify; persisting, trackers, events and the UI are reactions subscribed elsewhere
 * (see `start.ts`), so a decision from another tab goes through the same path. A plain store rather than a signals
 * library: three values do not need one, and the returning-visit budget (5 kB) cannot afford it.
 */
export function createConsentModel(options: ModelOptions, initial?: ConsentRecord) {
  const { services, revision, now, newId } = options;
  let decision: Decision | undefined = initial && { record: initial, origin: 'start' };
  let grants = resolveGrants(initial, services);
  let open = false;
  /** Who made the latest change, including a reset (which leaves no decision to carry it). */
  let lastOrigin: DecisionOrigin = 'start';
  /** Consent ID of the latest decision or reset: what the next decision's receipt links back to. */
  let lastId = initial?.id;
  const listeners = new Set<() => void>();

  const change = (next: Decision | undefined, origin: DecisionOrigin, id = next?.record.id) => {
    decision = next;
    lastId = id;
    grants = resolveGrants(next?.record, services);
    lastOrigin = origin;
    if (origin !== 'tab') open = false;
    for (const fn of [...listeners]) fn();
  };

  /** Applies a choice on top of the current grants and records it as a new decision. */
  const decide = (input: ChoiceInput, source: DecisionSource) => {
    const cats = { analytics: grants.categories.analytics, marketing: grants.categories.marketing };
    const chosen: Record<string, boolean> = { ...grants.services };
    for (const c of OPTIONAL_CATEGORIES) {
      const value = input[c];
      if (typeof value !== 'boolean') continue;
      cats[c] = value;
      for (const s of services) if (s.category === c) chosen[s.id] = value;
    }
    for (const id of Object.keys(input.services ?? {})) {
      const value = input.services?.[id];
      if (typeof value === 'boolean' && Object.prototype.hasOwnProperty.call(chosen, id)) chosen[id] = value;
    }
    // A category with services counts as granted only when every one of its services is.
    for (const c of OPTIONAL_CATEGORIES) {
      const members = services.filter((s) => s.category === c);
      if (members.length) cats[c] = members.every((s) => chosen[s.id]);
    }
    const record: ConsentRecord = {
      id: newId(),
      time: now(),
      revision,
      categories: cats,
      services: services.filter((s) => chosen[s.id] && !cats[s.category]).map((s) => s.id),
      source,
    };
    change({ record, origin: 'local', previousId: lastId }, 'local');
  };

  const setOpen = (value: boolean) => {
    if (open === value) return;
    open = value;
    for (const fn of [...listeners]) fn();
  };
  const all = (value: boolean): ChoiceInput => ({ analytics: value, marketing: value });

  return {
    services,
    signals: options.signals,
    /** The current decision, if any. */
    decision: () => decision,
    /** What is granted now (a new object after every change, the same one in between). */
    grants: () => grants,
    /** Whether the preferences dialog is open. */
    isOpen: () => open,
    lastOrigin: () => lastOrigin,
    lastId: () => lastId,
    /** Calls `fn` after every change of state; returns the function that unsubscribes. */
    subscribe(fn: () => void): () => void {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    decide,
    acceptAll: (source: DecisionSource) => decide(all(true), source),
    rejectAll: (source: DecisionSource) => decide(all(false), source),
    /** Forgets the decision (the banner asks again), under a consent ID of its own for the receipt. */
    reset: () => change(undefined, 'local', newId()),
    /** Takes a decision made in another tab. */
    adopt: (record: ConsentRecord | undefined) => {
      if (record?.id !== decision?.record.id) change(record && { record, origin: 'tab' }, 'tab');
    },
    open: () => setOpen(true),
    close: () => setOpen(false),
  };
}

export type ConsentModel = ReturnType<typeof createConsentModel>;
