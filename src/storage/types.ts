/** One place a record can be kept. Any method may throw (blocked cookies, private modes, sandboxed frames, quota). */
export interface RecordStore {
  get(): string | undefined;
  set(value: string, maxAgeSeconds: number): void;
  remove(): void;
}

/** Name of the cookie and of the localStorage key. */
export const STORAGE_KEY = 'crumb_consent';

/** A store in memory, for tests. */
export function memoryStore(initial?: string): RecordStore & { value: string | undefined } {
  return {
    value: initial,
    get() {
      return this.value;
    },
    set(value) {
      this.value = value;
    },
    remove() {
      this.value = undefined;
    },
  };
}
