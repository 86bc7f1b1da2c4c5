import { callEach, type ModelState } from '../consent/model-state';
import type { CrumbApi, CrumbChange, CrumbEventMap, CrumbState } from './types';

/** The state the API and events expose, from the model. */
export function stateOf(model: ModelState, revision: string): CrumbState {
  const decision = model.decision();
  // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
  const record = decision && decision.record;
  const grants = model.grants();
  return {
    decided: !!record,
    categories: { ...grants.categories },
    services: { ...grants.services },
    id: record ? record.id : null,
    decidedAt: record ? new Date(record.time).toISOString() : null,
    revision,
    source: record ? record.source : null,
    signals: { ...model.signals },
  };
}

/** What makes decisions: the widget chunk hands it over as it starts (`connect`). */
export type ApiActions = Pick<CrumbApi, 'acceptAll' | 'rejectAll' | 'set' | 'open' | 'reset'>;
const ACTIONS = ['acceptAll', 'rejectAll', 'set', 'open', 'reset'] as const;

/** `window.Crumb`, and what only Crumb itself holds: telling listeners, and handing over the actions. */
export interface ApiHandle {
  /** The page's `window.Crumb`: nothing on it reaches inside. */
  api: CrumbApi;
  /** Tells `on('change')` listeners; called by the reactions after each change. */
  notify(state: CrumbChange): void;
  /** Takes the actions; calls made before run now, in order. */
  connect(actions: ApiActions): void;
}

/**
 * `window.Crumb`: thin over the model. Reading (`get`, `on`, `push`) works from the start; the actions come with the
 * widget chunk (its control). A call made before they are there asks for them (`wake`), waits, and then runs, in
 * order, usually within a frame.
 */
export function createPublicApi(model: ModelState, revision: string, version: string, wake: () => void): ApiHandle {
  const listeners = new Set<(state: CrumbChange) => void>();
  let actions: ApiActions | undefined;
  const waiting: (() => void)[] = [];
  const api = {
    version,
    get: () => stateOf(model, revision),
    on<K extends keyof CrumbEventMap>(type: K, fn: (state: CrumbEventMap[K]) => void) {
      if (type !== 'change' || typeof fn !== 'function')
        throw new TypeError(`Crumb.on() takes "change" and a function, not ${JSON.stringify(type)} and ${typeof fn}`);
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    push: (fn: (api: CrumbApi) => void) => {
      if (typeof fn === 'function') fn(api);
    },
  } as CrumbApi;
  for (const name of ACTIONS)
    (api as unknown as Record<string, unknown>)[name] = (arg?: unknown) => {
      const call = () => (actions as unknown as Record<string, (arg?: unknown) => void>)[name](arg);
      if (actions) call();
      else {
        waiting.push(call);
        wake();
      }
    };
  return {
    api,
    notify: (state) => callEach(listeners, 'an on("change") listener threw', state),
    connect(given) {
      actions = given;
      callEach(waiting.splice(0), 'a call made before Crumb was ready failed');
    },
  };
}
