import { describe, expect, it } from 'vitest';
import { encodeRecord } from '../../src/consent/consent-record';
import { createConsentStorage } from '../../src/storage/consent-storage';
import { localMirror } from '../../src/storage/local-mirror';
import { recordReader } from '../../src/storage/read-decision';
import { memoryStore } from '../../src/storage/types';
import { DAY, NOW, record } from '../helpers/fixtures';

/** A window whose localStorage keeps its items in a map. */
function fakeWindow(items: Record<string, string> = {}) {
  const map = new Map(Object.entries(items));
  const localStorage = {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => map.set(key, value),
    removeItem: (key: string) => map.delete(key),
  };
  return { win: { localStorage } as unknown as Window, map };
}

describe('localMirror', () => {
  it('reads, writes and removes the crumb_consent item', () => {
    const { win, map } = fakeWindow();
    const mirror = localMirror(win);
    expect(mirror.get()).toBeUndefined();
    mirror.set('1|x', 60);
    expect(map.get('crumb_consent')).toBe('1|x');
    expect(mirror.get()).toBe('1|x');
    mirror.remove();
    expect(map.has('crumb_consent')).toBe(false);
  });

  it('gives an empty item as no record: a lost cookie is not restored from it, and nothing is written', () => {
    const { win, map } = fakeWindow({ crumb_consent: '' });
    const cookie = memoryStore();
    const storage = createConsentStorage(cookie, localMirror(win), recordReader('1', 182), 182);
    expect(storage.load(NOW)).toEqual({});
    expect(cookie.value).toBeUndefined();
    expect(map.get('crumb_consent')).toBe('');
  });

  it('restores a lost cookie from a valid item', () => {
    const fresh = record({ time: NOW - DAY });
    const { win } = fakeWindow({ crumb_consent: encodeRecord(fresh) });
    const cookie = memoryStore();
    const storage = createConsentStorage(cookie, localMirror(win), recordReader('1', 182), 182);
    expect(storage.load(NOW)).toEqual({ record: fresh });
    expect(cookie.value).toBe(encodeRecord(fresh));
  });
});
