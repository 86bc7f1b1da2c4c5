// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { deepActiveElement, wrapTab } from '../../src/ui/focus';

/** Marks an element as rendered: wrapTab skips elements without client rects (hidden ones). */
function shown<T extends HTMLElement>(el: T): T {
  el.getClientRects = () => [{}] as unknown as DOMRectList;
  return el;
}

function hidden<T extends HTMLElement>(el: T): T {
  el.getClientRects = () => [] as unknown as DOMRectList;
  return el;
}

/**
 * A dialog-like container, like the preferences dialog: a title with tabindex=-1 first, then the first control; then
 * controls wrapTab must skip (disabled, a without href) around a link and a tabindex=0 div; then the last control,
 * followed by more that must be skipped (disabled, tabindex=-1, not rendered).
 */
function setup() {
  const container = document.createElement('div');
  const title = shown(document.createElement('h2'));
  title.tabIndex = -1;
  const first = shown(document.createElement('button'));
  first.textContent = 'first';
  const disabledInput = shown(document.createElement('input'));
  disabledInput.disabled = true;
  const link = shown(document.createElement('a'));
  link.href = '/privacy';
  const noHref = shown(document.createElement('a'));
  const middle = shown(document.createElement('div'));
  middle.tabIndex = 0;
  const last = shown(document.createElement('button'));
  last.textContent = 'last';
  const disabledButton = shown(document.createElement('button'));
  disabledButton.disabled = true;
  const disabledSelect = shown(document.createElement('select'));
  disabledSelect.disabled = true;
  const minusOne = shown(document.createElement('span'));
  minusOne.setAttribute('tabindex', '-1');
  // A native control taken out of the Tab order.
  const minusOneButton = shown(document.createElement('button'));
  minusOneButton.setAttribute('tabindex', '-1');
  const invisible = hidden(document.createElement('button'));
  container.append(
    title,
    first,
    disabledInput,
    link,
    noHref,
    middle,
    last,
    disabledButton,
    disabledSelect,
    minusOne,
    minusOneButton,
    invisible,
  );
  const outside = shown(document.createElement('button'));
  document.body.append(outside, container);
  return { container, title, first, link, middle, last, outside, minusOne };
}

function tab(shiftKey = false, key = 'Tab'): KeyboardEvent {
  return new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('wrapTab', () => {
  it('wraps Tab from the last focusable element to the first, preventing the default', () => {
    const { container, first, last } = setup();
    last.focus();
    expect(document.activeElement).toBe(last);
    const e = tab();
    wrapTab(e, container);
    expect(e.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(first);
  });

  it('wraps Shift+Tab from the first focusable element to the last', () => {
    const { container, first, last } = setup();
    first.focus();
    const e = tab(true);
    wrapTab(e, container);
    expect(e.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(last);
  });

  it('leaves Tab and Shift+Tab in the middle to the browser', () => {
    const { container, first, link, middle, last } = setup();
    for (const [el, shift] of [
      [link, false],
      [link, true],
      [middle, false],
      [middle, true],
      [first, false],
      [last, true],
    ] as const) {
      el.focus();
      const e = tab(shift);
      wrapTab(e, container);
      expect(e.defaultPrevented, `${el.tagName} shift=${shift}`).toBe(false);
      expect(document.activeElement).toBe(el);
    }
  });

  it('brings focus from outside the container to the first (Tab) or the last (Shift+Tab)', () => {
    const { container, first, last, outside } = setup();
    outside.focus();
    const forward = tab();
    wrapTab(forward, container);
    expect(forward.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(first);

    outside.focus();
    const back = tab(true);
    wrapTab(back, container);
    expect(back.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(last);
  });

  it('treats nothing focused (body) as outside', () => {
    const { container, first } = setup();
    (document.activeElement as HTMLElement | null)?.blur();
    const e = tab();
    wrapTab(e, container);
    expect(e.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(first);
  });

  it('ignores keys other than Tab', () => {
    const { container, last } = setup();
    last.focus();
    for (const key of ['Enter', 'Escape', 'ArrowDown', ' ', 'tab']) {
      const e = tab(false, key);
      wrapTab(e, container);
      expect(e.defaultPrevented, key).toBe(false);
      expect(document.activeElement).toBe(last);
    }
  });

  it('skips disabled controls, tabindex=-1 and unrendered elements when finding the ends', () => {
    const { container, first, last } = setup();
    // Were a disabled, tabindex=-1 or unrendered element after `last` counted, Tab from `last` would be left alone.
    last.focus();
    const e = tab();
    wrapTab(e, container);
    expect(e.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(first);
    // Were the tabindex=-1 title counted as the first, Shift+Tab from `first` would be left alone.
    first.focus();
    const back = tab(true);
    wrapTab(back, container);
    expect(back.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(last);
  });

  it('treats focus on a skipped element (the title, tabindex=-1) as outside', () => {
    const { container, title, first, last, minusOne } = setup();
    for (const [el, shift, to] of [
      [title, false, first],
      [title, true, last],
      [minusOne, false, first],
      [minusOne, true, last],
    ] as const) {
      el.focus();
      expect(document.activeElement).toBe(el);
      const e = tab(shift);
      wrapTab(e, container);
      expect(e.defaultPrevented).toBe(true);
      expect(document.activeElement).toBe(to);
    }
  });

  it('does nothing when the container has nothing focusable', () => {
    const container = document.createElement('div');
    const b = shown(document.createElement('button'));
    b.disabled = true;
    container.append(b, hidden(document.createElement('button')));
    document.body.append(container);
    const e = tab();
    expect(() => wrapTab(e, container)).not.toThrow();
    expect(e.defaultPrevented).toBe(false);
  });

  it('works inside a shadow root, reading the focus from the root', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const container = document.createElement('div');
    const a = shown(document.createElement('button'));
    const b = shown(document.createElement('button'));
    container.append(a, b);
    root.append(container);
    b.focus();
    expect(root.activeElement).toBe(b);
    const e = tab();
    wrapTab(e, container);
    expect(e.defaultPrevented).toBe(true);
    expect(root.activeElement).toBe(a);
  });
});

describe('deepActiveElement', () => {
  it('returns the focused element of the document', () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    expect(deepActiveElement(document)).toBe(button);
  });

  it('finds the focused element inside an open shadow root, not its host', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('button');
    root.append(inner);
    inner.focus();
    expect(document.activeElement).toBe(host);
    expect(deepActiveElement(document)).toBe(inner);
  });

  it('follows nested shadow roots', () => {
    const outerHost = document.createElement('div');
    document.body.append(outerHost);
    const outer = outerHost.attachShadow({ mode: 'open' });
    const innerHost = document.createElement('div');
    outer.append(innerHost);
    const inner = innerHost.attachShadow({ mode: 'open' });
    const input = document.createElement('input');
    inner.append(input);
    input.focus();
    expect(deepActiveElement(document)).toBe(input);
  });

  it('returns the body when nothing is focused', () => {
    expect(deepActiveElement(document)).toBe(document.body);
  });
});
