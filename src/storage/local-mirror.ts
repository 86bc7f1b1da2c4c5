import { type RecordStore, STORAGE_KEY } from './types';

/**
 * The localStorage mirror of the cookie. Reading `window.localStorage` itself can throw (SecurityError), so it is
 * looked up on every call, inside the caller's guard.
 */
export function localMirror(win: Window): RecordStore & { watch(fn: (value: string | undefined) => void): () => void } {
  return {
    get: () => win.localStorage.getItem(STORAGE_KEY) ?? undefined,
    set: (value) => win.localStorage.setItem(STORAGE_KEY, value),
    remove: () => win.localStorage.removeItem(STORAGE_KEY),
    /** Calls `fn` when another tab of the site writes or removes the record. */
    watch(fn) {
      const listener = (e: StorageEvent) => {
        if (e.key === STORAGE_KEY || e.key === null) fn(e.newValue ?? undefined);
      };
      win.addEventListener('storage', listener);
      return () => win.removeEventListener('storage', listener);
    },
  };
}
