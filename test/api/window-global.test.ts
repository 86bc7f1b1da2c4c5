import { describe, expect, it, vi } from 'vitest';
import type { CrumbApi } from '../../src/api/types';
import { exposeGlobal, runningCrumb } from '../../src/api/window-global';

const fakeApi = (): CrumbApi => ({
  get: vi.fn(),
  acceptAll: vi.fn(),
  rejectAll: vi.fn(),
  set: vi.fn(),
  open: vi.fn(),
  reset: vi.fn(),
  on: vi.fn(() => () => {}),
  push: vi.fn(),
  version: '1.0.0',
});
const fakeWindow = (Crumb?: unknown) => ({ Crumb }) as unknown as Window & { Crumb?: unknown };

describe('runningCrumb', () => {
  it('finds a running Crumb', () => {
    const api = fakeApi();
    expect(runningCrumb(fakeWindow(api))).toBe(api);
  });

  it.each([
    ['nothing', undefined],
    ['a pre-load queue', []],
    ['a queue with functions', [() => {}]],
    ['an object without acceptAll', { get: () => ({}) }],
    ['something else', 'Crumb'],
    ['null', null],
  ])('finds none in %s', (_, value) => {
    expect(runningCrumb(fakeWindow(value))).toBeUndefined();
  });
});

describe('exposeGlobal', () => {
  it('sets window.Crumb before running anything', () => {
    const api = fakeApi();
    const queued = vi.fn();
    const win = fakeWindow([queued]);
    const run = exposeGlobal(win, api);
    expect(win.Crumb).toBe(api);
    expect(queued).not.toHaveBeenCalled();
    run();
    expect(queued).toHaveBeenCalledWith(api);
  });

  it('runs the queued functions in order, once, with window.Crumb already the API', () => {
    const api = fakeApi();
    const order: string[] = [];
    const win = fakeWindow([]);
    (win.Crumb as unknown[]).push(
      (a: CrumbApi) => order.push(`first:${a === api}:${win.Crumb === api}`),
      (a: CrumbApi) => order.push(`second:${a === api}`),
    );
    const run = exposeGlobal(win, api);
    run();
    expect(order).toEqual(['first:true:true', 'second:true']);
  });

  it('keeps going after a queued function throws, and logs it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    const win = fakeWindow([
      () => {
        throw new Error('page bug');
      },
      after,
    ]);
    exposeGlobal(win, fakeApi())();
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toContain('Crumb.push()');
  });

  it('skips queued entries that are not functions', () => {
    const fn = vi.fn();
    const win = fakeWindow(['x', 42, null, { a: 1 }, fn]);
    expect(() => exposeGlobal(win, fakeApi())()).not.toThrow();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('has nothing to run without a queue', () => {
    const api = fakeApi();
    const win = fakeWindow({ something: 'else' });
    expect(() => exposeGlobal(win, api)()).not.toThrow();
    expect(win.Crumb).toBe(api);
  });
});
