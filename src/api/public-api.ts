import { isPlainObject } from '../config/parse-config';
import type { ChoiceInput, ConsentModel } from '../consent/consent-model';
import type { CrumbApi, CrumbEventMap, CrumbState } from './types';

/** The state the API and events expose, from the model. */
export function stateOf(model: ConsentModel, revision: string): CrumbState {
  const record = model.decision()?.record;
  const grants = model.grants();
  return {
    decided: !!record,
    categories: { ...grants.categories },
    services: { ...grants.services },
    id: record?.id ?? null,
    decidedAt: record ? new Date(record.time).toISOString() : null,
    revision,
    source: record?.source ?? null,
    signals: { ...model.signals },
  };
}

export interface PublicApi extends CrumbApi {
  /** Tells `on('change')` listeners; called by the wiring after each change. */
  notify(state: CrumbState): void;
}

/** `window.Crumb`: thin over the model; every action goes through it. */
export function createPublicApi(model: ConsentModel, revision: string, version: string): PublicApi {
  const listeners = new Set<(state: CrumbState) => void>();
  const api: PublicApi = {
    version,
    get: () => stateOf(model, revision),
    acceptAll: () => model.acceptAll('api'),
    rejectAll: () => model.rejectAll('api'),
    set: (choice) => {
      checkChoice(choice, model.services);
      model.decide(choice, 'api');
    },
    open: () => model.open(),
    reset: () => model.reset(),
    on<K extends keyof CrumbEventMap>(type: K, fn: (state: CrumbEventMap[K]) => void) {
      if (type !== 'change') throw new TypeError(`Crumb.on() knows the event "change", not ${JSON.stringify(type)}`);
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    push: (fn) => {
      if (typeof fn === 'function') fn(api);
    },
    notify(state) {
      for (const fn of [...listeners]) {
        try {
          fn(state);
        } catch (e) {
          console.error('Crumb: an on("change") listener threw', e);
        }
      }
    },
  };
  return api;
}

/**
 * Refuses a `set()` argument with anything it would otherwise skip in silence (a mistyped key or service id, a value
 * that is not a boolean): a TypeError naming it, before anything is decided, so a typo never records a refusal.
 */
function checkChoice(choice: unknown, services: readonly { id: string }[]): asserts choice is ChoiceInput {
  const ids = services.map((s) => s.id);
  const bad = (key: string, value: unknown) => {
    throw new TypeError(
      `Crumb.set(): ${key} = ${JSON.stringify(value)} is not allowed; nothing was changed. Expected { analytics?: boolean, marketing?: boolean, services?: { [id]: boolean } }, ids: ${ids.join(', ') || 'none'}.`,
    );
  };
  if (!isPlainObject(choice)) return bad('the argument', choice);
  for (const key of Object.keys(choice)) {
    const value = choice[key];
    if (key === 'services' && isPlainObject(value)) {
      for (const id of Object.keys(value))
        if (!ids.includes(id) || typeof value[id] !== 'boolean') bad(`services["${id}"]`, value[id]);
    } else if (
      !(/^(analytics|marketing)$/.test(key) ? typeof value === 'boolean' : key === 'necessary' && value === true)
    )
      bad(key, value);
  }
}
