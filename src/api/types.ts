import type { OptionalCategory } from '../consent/categories';
import type { ChoiceInput } from '../consent/consent-model';
import type { DecisionSource } from '../consent/consent-record';
import type { PrivacySignals } from '../privacy/read-privacy-signals';

/** What `Crumb.get()` returns and what every event carries. */
export interface CrumbState {
  /** A decision is known (made by the visitor, or a refusal recorded from a privacy signal). */
  decided: boolean;
  categories: { necessary: true } & Record<OptionalCategory, boolean>;
  /** Every present service, granted or not. */
  services: Record<string, boolean>;
  /** Consent ID of the decision, or null before one. */
  id: string | null;
  /** ISO time of the decision, or null. */
  decidedAt: string | null;
  /** The site's current revision. */
  revision: string;
  source: DecisionSource | null;
  signals: PrivacySignals;
}

/**
 * The state as `on('change')` listeners and `crumb:change` get it: frozen (one object for every listener of one
 * change, and the receipt's), so the types say it cannot be written to. `get()` gives a fresh, writable copy.
 */
export type CrumbChange = { readonly [K in keyof CrumbState]: Readonly<CrumbState[K]> };

/** `window.Crumb`, also returned by `createCrumb()`. */
export interface CrumbApi {
  get(): CrumbState;
  /** Grants everything, as the "Accept all" button does (source `api`). */
  acceptAll(): void;
  /** Refuses everything optional, as the "Reject all" button does (source `api`). */
  rejectAll(): void;
  /** Decides in part; what is not named stays as it is. */
  set(choice: ChoiceInput): void;
  /** Opens the preferences dialog. */
  open(): void;
  /** Forgets the decision and shows the banner again. */
  reset(): void;
  /** Calls `fn` after every change; returns a function that unsubscribes. */
  on<K extends keyof CrumbEventMap>(type: K, fn: (state: CrumbEventMap[K]) => void): () => void;
  /** Runs `fn(api)` now; the pre-load queue's `push`, kept so `Crumb.push(…)` works before and after loading. */
  push(fn: (api: CrumbApi) => void): void;
  readonly version: string;
}

export interface CrumbEventMap {
  change: CrumbChange;
}

declare global {
  interface WindowEventMap {
    'crumb:ready': CustomEvent<CrumbState>;
    'crumb:change': CustomEvent<CrumbChange>;
  }
}
