import type { PrivacySignals } from '../privacy/read-privacy-signals';
import type { Service } from './categories';
import type { ConsentRecord } from './consent-record';

/** What is granted right now. `necessary` is always true. */
export interface Grants {
  categories: { necessary: true; analytics: boolean; marketing: boolean };
  services: Record<string, boolean>;
}

/** Where the current decision came from: read at start, made on this page, or made in another tab. */
export type DecisionOrigin = 'start' | 'local' | 'tab';

export interface Decision {
  record: ConsentRecord;
  origin: DecisionOrigin;
  /** Consent ID of the decision this one replaced, for receipts. */
  previousId?: string;
}

/**
 * Calls each function with `args`, from a copy (one may unsubscribe another); one that throws is reported as
 * `Crumb: <what>` and does not keep the rest from their call.
 */
export function callEach<A extends unknown[]>(fns: Iterable<(...args: A) => void>, what: string, ...args: A): void {
  for (const fn of [...fns])
    try {
      fn(...args);
    } catch (e) {
      console.error(`Crumb: ${what}`, e);
    }
}

/** Grants from a record: a service is granted with its category, or on its own. */
export function resolveGrants(record: ConsentRecord | undefined, services: readonly Service[]): Grants {
  const categories = {
    necessary: true as const,
    analytics: record ? record.categories.analytics : false,
    marketing: record ? record.categories.marketing : false,
  };
  const granted: Record<string, boolean> = {};
  for (const s of services) granted[s.id] = !!record && (categories[s.category] || record.services.includes(s.id));
  return { categories, services: granted };
}

/**
 * The consent model's state: the decision, what it grants, whether the preferences are open, and who changed it
 * last. The core (`crumb.js`) needs only this to start a returning visitor's trackers and answer `Crumb.get()`; the
 * actions that make decisions (`consent-model.ts`) come with the control (in the widget chunk). `change` is for those actions.
 */
export function createModelState(services: readonly Service[], signals: PrivacySignals, initial?: ConsentRecord) {
  let decision: Decision | undefined = initial && { record: initial, origin: 'start' };
  let grants = resolveGrants(initial, services);
  let open = false;
  let lastOrigin: DecisionOrigin = 'start';
  // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
  let lastId = initial && initial.id;
  const listeners = new Set<() => void>();
  // One subscriber's failure (the widget's display, say) does not keep the others (storing, trackers) from it.
  const notify = () => callEach(listeners, 'a reaction to a change failed');
  const setOpen = (value: boolean) => {
    if (open === value) return;
    open = value;
    notify();
  };
  return {
    services,
    signals,
    /** The current decision, if any. */
    decision: () => decision,
    /** What is granted now (a new object after every change, the same one in between). */
    grants: () => grants,
    /** Whether the preferences dialog is open. */
    isOpen: () => open,
    /** Who made the latest change, including a reset (which leaves no decision to carry it). */
    lastOrigin: () => lastOrigin,
    /** Consent ID of the latest decision or reset: what the next decision's receipt links back to. */
    lastId: () => lastId,
    /** Calls `fn` after every change of state; returns the function that unsubscribes. */
    subscribe(fn: () => void): () => void {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    /** Replaces the decision (`undefined`: a reset, under consent ID `id`) and notifies. */
    // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
    change(next: Decision | undefined, origin: DecisionOrigin, id = next && next.record.id) {
      decision = next;
      lastId = id;
      // biome-ignore lint/complexity/useOptionalChain: as above
      grants = resolveGrants(next && next.record, services);
      lastOrigin = origin;
      // The preferences show a decision being made: one made here or in another tab ends them (they would show the
      // choice they opened on, beside the new one's consent ID, and saving would bring it back).
      open = false;
      notify();
    },
    /** Opens the preferences (the widget shows them once their chunk is there). */
    open: () => setOpen(true),
    close: () => setOpen(false),
  };
}

export type ModelState = ReturnType<typeof createModelState>;
