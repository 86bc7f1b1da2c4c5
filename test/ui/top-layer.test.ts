// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { makePopover, showInTopLayer } from '../../src/shell/top-layer';

describe('makePopover', () => {
  it('makes a manual popover where the browser has the Popover API', () => {
    const el = document.createElement('section');
    Object.assign(el, { showPopover() {}, hidePopover() {} });
    makePopover(el);
    expect(el.getAttribute('popover')).toBe('manual');
  });

  it('leaves a plain element where there is no Popover API', () => {
    const el = document.createElement('section');
    expect('showPopover' in el).toBe(false);
    makePopover(el);
    expect(el.hasAttribute('popover')).toBe(false);
  });
});

describe('showInTopLayer', () => {
  it('does nothing to an element that is no popover', () => {
    const el = document.createElement('section');
    const showPopover = vi.fn();
    Object.assign(el, { showPopover });
    showInTopLayer(el, true);
    expect(showPopover).not.toHaveBeenCalled();
  });
});
