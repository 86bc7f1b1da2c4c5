import type { Service } from '../consent/categories';
import type { Grants } from '../consent/model-state';

/** The globals vendors queue into. */
export type TrackerWindow = Window & Record<string, unknown>;

export interface TrackerContext {
  win: TrackerWindow;
  /** Injects a vendor script (nonce, Trusted Types, once per URL). */
  load: (url: string) => void;
}

/**
 * One vendor's facts: its service, queue stub, loader and consent calls. Nothing else. Each vendor file gives them in
 * parts: what runs it (`Tracker`, in the core, which a returning visit runs before its trackers), what withdrawal
 * deletes (`TrackerCookies`, with the control) and what the dialog shows (`TrackerShown`, with the UI chunk);
 * `completeTracker` adds them to the tracker's service.
 */
export interface Tracker {
  /** The service; the core knows its `id` and `category`, `completeTracker` adds the rest (name, cookies, policy). */
  service: Service;
  /** At start, before any decision is known (Consent Mode's default). */
  init?(ctx: TrackerContext): void;
  /**
   * After every decision, granted or not, before `start` (Consent Mode's update); `undefined` after a reset: no
   * decision, as before the first.
   */
  update?(ctx: TrackerContext, grants: Grants | undefined): void;
  /** The first time the service is granted on this page. Never called twice. */
  start(ctx: TrackerContext): void;
  /** When consent is withdrawn after `start` ran. Cookies are deleted by the caller. */
  stop?(ctx: TrackerContext): void;
  /** Granted again after `stop`, on the same page (no reload after the withdrawal): undoes what `stop` did. */
  resume?(ctx: TrackerContext): void;
}

/** What withdrawal deletes (added by the control). */
export type TrackerCookies = Pick<Service, 'cookies'>;
/** What the dialog shows: its name and policy (added by the UI chunk). */
export type TrackerShown = Pick<Service, 'name' | 'policyUrl'>;

/** Adds facts to a tracker's service (the same object, so the model's services are completed too). */
export function completeTracker(tracker: Tracker, rest: Partial<TrackerCookies & TrackerShown>): Tracker {
  Object.assign(tracker.service, rest);
  return tracker;
}

/** A built-in service as the core knows it: its cookies, name and policy come with the chunks that use them. */
export const coreService = (id: string, category: Service['category']): Service => ({ id, category }) as Service;

/** A queue function as vendors define it: calls before the script loads are kept as `arguments` objects. */
export type QueueFunction = ((...args: unknown[]) => void) & Record<string, unknown>;
