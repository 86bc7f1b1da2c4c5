import type { Grants } from '../../src/consent/consent-model';
import type { TrackerContext, TrackerWindow } from '../../src/trackers/types';

/** A fake window (a plain object) and a `load` that records the URLs it is asked for. */
export function fakeContext(globals: Record<string, unknown> = {}) {
  const win = { ...globals } as unknown as TrackerWindow;
  const loaded: string[] = [];
  const ctx: TrackerContext = { win, load: (url) => loaded.push(url) };
  return { win, loaded, ctx };
}

export const isArguments = (value: unknown): boolean => Object.prototype.toString.call(value) === '[object Arguments]';

/** `arguments` objects as arrays, for comparing. */
export const asArrays = (entries: unknown[]): unknown[][] => entries.map((e) => Array.from(e as ArrayLike<unknown>));

export function grants(analytics: boolean, marketing: boolean, services: Record<string, boolean> = {}): Grants {
  return { categories: { necessary: true, analytics, marketing }, services };
}
