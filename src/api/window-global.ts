import { callEach } from '../consent/model-state';
import type { CrumbApi } from './types';

type Queued = (api: CrumbApi) => void;
type CrumbWindow = Window & { Crumb?: CrumbApi | Queued[] | unknown };

/** The running Crumb on this page, if any (the tag may be included twice). */
export function runningCrumb(win: Window): CrumbApi | undefined {
  const current = (win as CrumbWindow).Crumb as Partial<CrumbApi> | undefined;
  return current && typeof current.get === 'function' && typeof current.acceptAll === 'function'
    ? (current as CrumbApi)
    : undefined;
}

/**
 * Makes `api` the page's `window.Crumb` and returns a function that runs what the page queued before Crumb loaded
 * (`window.Crumb = window.Crumb || []; Crumb.push(api => …)`). A queued function that throws does not stop the rest.
 */
export function exposeGlobal(win: Window, api: CrumbApi): () => void {
  const previous = (win as CrumbWindow).Crumb;
  const queued = Array.isArray(previous)
    ? (previous as unknown[]).filter((f): f is Queued => typeof f === 'function')
    : [];
  (win as CrumbWindow).Crumb = api;
  return () => callEach(queued, 'a queued Crumb.push() callback threw', api);
}
