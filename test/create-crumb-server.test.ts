import { describe, expect, it, vi } from 'vitest';
import { createCrumb } from '../src/index';

describe('createCrumb() where there is no window (server rendering)', () => {
  it('says so in one clear error and gives undefined, touching nothing', () => {
    expect(typeof window).toBe('undefined');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(createCrumb({ googleAnalytics: 'G-ABCDEF1' })).toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toMatch(/^Crumb: createCrumb\(\) runs in a browser: there is no window/);
    expect('Crumb' in globalThis).toBe(false);
  });
});
