// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReopenButton } from '../../src/shell/reopen-button';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  document.documentElement.style.scrollPaddingBottom = '';
});

describe('"Cookie settings"', () => {
  it("keeps room for itself in the page's scroll-padding-bottom while shown, and gives the page's own back", () => {
    // Measured at once (no observer), 40 px high.
    vi.stubGlobal('ResizeObserver', undefined);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ height: 40 } as DOMRect);
    const root = document.createElement('div');
    document.body.append(root);
    const page = document.documentElement.style;
    page.scrollPaddingBottom = '5px';
    const reopen = createReopenButton(root as unknown as ShadowRoot, 'Cookie settings', () => {});
    reopen.show(false);
    expect(page.scrollPaddingBottom).toBe('5px');
    reopen.show(true);
    expect(page.scrollPaddingBottom).toBe('56px');
    reopen.show(true);
    expect(page.scrollPaddingBottom).toBe('56px');
    // Hidden (under the open preferences, or turned off): the page's own value.
    reopen.show(false);
    expect(page.scrollPaddingBottom).toBe('5px');
    reopen.show(true);
    expect(page.scrollPaddingBottom).toBe('56px');
  });
});
