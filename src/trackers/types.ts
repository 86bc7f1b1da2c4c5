import type { Service } from '../consent/categories';
import type { Grants } from '../consent/consent-model';

/** The globals vendors queue into. */
export type TrackerWindow = Window & Record<string, unknown>;

export interface TrackerContext {
  win: TrackerWindow;
  /** Injects a vendor script (nonce, Trusted Types, once per URL). */
  load: (url: string) => void;
}

/** One vendor's facts: its service, queue stub, loader and consent calls. Nothing else. */
export interface Tracker {
  service: Service;
  /** At start, before any decision is known (Consent Mode's default). */
  init?(ctx: TrackerContext): void;
  /** After every decision, granted or not, before `start` (Consent Mode's update). */
  update?(ctx: TrackerContext, grants: Grants): void;
  /** The first time the service is granted on this page. Never called twice. */
  start(ctx: TrackerContext): void;
  /** When consent is withdrawn after `start` ran. Cookies are deleted by the caller. */
  stop?(ctx: TrackerContext): void;
  /** Granted again after `stop`, on the same page (no reload after the withdrawal): undoes what `stop` did. */
  resume?(ctx: TrackerContext): void;
}

/** A queue function as vendors define it: calls before the script loads are kept as `arguments` objects. */
export type QueueFunction = ((...args: unknown[]) => void) & Record<string, unknown>;
