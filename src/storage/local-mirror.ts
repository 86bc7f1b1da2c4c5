import { type RecordStore, STORAGE_KEY } from './types';

/**
 * The localStorage mirror of the cookie. Reading `window.localStorage` itself can throw (SecurityError), so it is
 * looked up on every call, inside the caller's guard. An empty item reads as none, like a missing one.
 */
export const localMirror = (win: Window): RecordStore => ({
  get: () => win.localStorage.getItem(STORAGE_KEY) || undefined,
  set: (value) => win.localStorage.setItem(STORAGE_KEY, value),
  remove: () => win.localStorage.removeItem(STORAGE_KEY),
});
