import { batch, computed, signal } from '@preact/signals-core';
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
 * The one consent model: state in signals, and actions that only change them. Persisting, trackers, events and the
 * UI are reactions wired elsewhere (see `start.ts`), so a decision from another tab goes through the same path.
 */
export function createConsentModel(options: ModelOptions, initial?: ConsentRecord) {
  const { services, revision, now, newId } = options;
  const decision = signal<Decision | undefined>(initial && { record: initial, origin: 'start' });
  const preferencesOpen = signal(false);
  const grants = computed(() => resolveGrants(decision.value?.record, services));
  /** Who made the latest change, including a reset (which leaves no decision to carry it). */
  let lastOrigin: DecisionOrigin = 'start';

  /** Applies a choice on top of the current grants and records it as a new decision. */
  const decide = (input: ChoiceInput, source: DecisionSource) => {
    const current = grants.value;
    const cats = { analytics: current.categories.analytics, marketing: current.categories.marketing };
    const chosen: Record<string, boolean> = { ...current.services };
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
    lastOrigin = 'local';
    batch(() => {
      decision.value = { record, origin: 'local', previousId: decision.value?.record.id };
      preferencesOpen.value = false;
    });
  };

  const all = (value: boolean): ChoiceInput => ({ analytics: value, marketing: value });

  return {
    services,
    signals: options.signals,
    decision,
    grants,
    preferencesOpen,
    decide,
    lastOrigin: () => lastOrigin,
    acceptAll: (source: DecisionSource) => decide(all(true), source),
    rejectAll: (source: DecisionSource) => decide(all(false), source),
    /** Forgets the decision: the banner asks again. */
    reset: () => {
      lastOrigin = 'local';
      batch(() => {
        decision.value = undefined;
        preferencesOpen.value = false;
      });
    },
    /** Takes a decision made in another tab. */
    adopt: (record: ConsentRecord | undefined) => {
      if (record?.id === decision.value?.record.id) return;
      lastOrigin = 'tab';
      decision.value = record && { record, origin: 'tab' };
    },
    open: () => {
      preferencesOpen.value = true;
    },
    close: () => {
      preferencesOpen.value = false;
    },
  };
}

export type ConsentModel = ReturnType<typeof createConsentModel>;
