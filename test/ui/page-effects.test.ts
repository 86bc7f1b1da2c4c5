// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepScrollPadding, tabToFirst } from '../../src/shell/page-effects';

/** Marks an element as rendered: tabToFirst ignores a first control without client rects. */
function shown<T extends HTMLElement>(el: T): T {
  el.getClientRects = () => [{}] as unknown as DOMRectList;
  return el;
}

/** A banner at the end of the page: text, a link without href, the policy link, then the buttons. */
function banner(withPolicyLink = true) {
  const el = document.createElement('div');
  const text = document.createElement('p');
  text.textContent = 'We use cookies.';
  const anchor = shown(document.createElement('a'));
  const policy = shown(document.createElement('a'));
  policy.href = '/privacy';
  const accept = shown(document.createElement('button'));
  const reject = shown(document.createElement('button'));
  el.append(text, anchor, ...(withPolicyLink ? [policy] : []), accept, reject);
  const pageButton = shown(document.createElement('button'));
  document.body.append(pageButton, el);
  return { el, policy, accept, pageButton };
}

function press(options: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true, ...options });
  document.body.dispatchEvent(e);
  return e;
}

const undos: (() => void)[] = [];

afterEach(() => {
  for (const undo of undos.splice(0)) undo();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  document.documentElement.style.scrollPaddingBottom = '';
});

describe('tabToFirst', () => {
  it("moves the first Tab of a page with nothing focused to the banner's first link or button", () => {
    const { el, policy } = banner();
    undos.push(tabToFirst(el));
    expect(document.activeElement).toBe(document.body);
    const e = press();
    expect(e.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(policy);
  });

  it('goes to the first button when there is no policy link', () => {
    const { el, accept } = banner(false);
    undos.push(tabToFirst(el));
    const e = press();
    expect(e.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(accept);
  });

  it('does nothing when something else already has focus', () => {
    const { el, pageButton } = banner();
    undos.push(tabToFirst(el));
    pageButton.focus();
    const e = press();
    expect(e.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(pageButton);
  });

  it('does nothing on Shift+Tab or on other keys', () => {
    const { el } = banner();
    undos.push(tabToFirst(el));
    for (const init of [{ shiftKey: true }, { key: 'Enter' }, { key: 'ArrowDown' }]) {
      const e = press(init);
      expect(e.defaultPrevented, JSON.stringify(init)).toBe(false);
      expect(document.activeElement).toBe(document.body);
    }
  });

  it('does nothing when the page already handled the Tab', () => {
    const { el } = banner();
    undos.push(tabToFirst(el));
    const handledByPage = (e: Event) => e.preventDefault();
    document.body.addEventListener('keydown', handledByPage);
    try {
      const e = press();
      expect(e.defaultPrevented).toBe(true);
      expect(document.activeElement).toBe(document.body);
    } finally {
      document.body.removeEventListener('keydown', handledByPage);
    }
  });

  it('does nothing when the first control is not rendered', () => {
    const { el, policy } = banner();
    policy.getClientRects = () => [] as unknown as DOMRectList;
    undos.push(tabToFirst(el));
    const e = press();
    expect(e.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });

  it('moves focus once: a later Tab from nothing focused, or the first after a click, is left to the browser', () => {
    const { el, policy } = banner();
    undos.push(tabToFirst(el));
    expect(press().defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(policy);
    policy.blur();
    expect(press().defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(document.body);

    document.body.innerHTML = '';
    const second = banner();
    undos.push(tabToFirst(second.el));
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(press().defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });

  it('stops listening once undone', () => {
    const { el } = banner();
    const undo = tabToFirst(el);
    undo();
    const e = press();
    expect(e.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });
});

/** An element whose height the test sets. */
function sized(height: number) {
  const el = document.createElement('div');
  document.body.append(el);
  const box = { height };
  el.getBoundingClientRect = () => ({ height: box.height }) as DOMRect;
  return { el, box };
}

/** A ResizeObserver the test drives: `notify()` stands for the browser reporting the observed sizes. */
function stubObserver() {
  const observers: { callback: () => void; observed: Element[]; disconnect: ReturnType<typeof vi.fn> }[] = [];
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observed: Element[] = [];
      disconnect = vi.fn();
      constructor(public callback: () => void) {
        observers.push(this);
      }
      observe(target: Element) {
        this.observed.push(target);
      }
      unobserve() {}
    },
  );
  return { observers, notify: () => observers[observers.length - 1]?.callback() };
}

describe('keepScrollPadding', () => {
  it("sets the page's scroll-padding-bottom to the element's height (rounded up) plus 16px, once laid out", () => {
    const { notify } = stubObserver();
    const root = document.documentElement;
    root.style.scrollPaddingBottom = '40px';
    const { el } = sized(100.2);
    undos.push(keepScrollPadding(el));
    // Nothing is measured while mounting (no layout forced): the observer's first report sets it.
    expect(root.style.scrollPaddingBottom).toBe('40px');
    notify();
    expect(root.style.scrollPaddingBottom).toBe('117px');
  });

  it("keeps the page's own value while the element takes no room", () => {
    const { notify } = stubObserver();
    const root = document.documentElement;
    root.style.scrollPaddingBottom = '40px';
    const { el } = sized(0);
    undos.push(keepScrollPadding(el));
    notify();
    expect(root.style.scrollPaddingBottom).toBe('40px');
  });

  it("restores the page's original value when undone", () => {
    const { notify } = stubObserver();
    const root = document.documentElement;
    root.style.scrollPaddingBottom = '2rem';
    const { el } = sized(64);
    const undo = keepScrollPadding(el);
    notify();
    expect(root.style.scrollPaddingBottom).toBe('80px');
    undo();
    expect(root.style.scrollPaddingBottom).toBe('2rem');
  });

  it('restores an empty value when the page had none', () => {
    const { notify } = stubObserver();
    const root = document.documentElement;
    const { el } = sized(50);
    const undo = keepScrollPadding(el);
    notify();
    expect(root.style.scrollPaddingBottom).toBe('66px');
    undo();
    expect(root.style.scrollPaddingBottom).toBe('');
  });

  it("follows size changes (its own and the page's) through the ResizeObserver, and disconnects it when undone", () => {
    const { observers, notify } = stubObserver();
    const root = document.documentElement;
    root.style.scrollPaddingBottom = '10px';
    const { el, box } = sized(100);
    const undo = keepScrollPadding(el);
    expect(observers).toHaveLength(1);
    expect(observers[0].observed).toEqual([el, root, document.body]);
    notify();
    expect(root.style.scrollPaddingBottom).toBe('116px');

    box.height = 200;
    notify();
    expect(root.style.scrollPaddingBottom).toBe('216px');

    // Moved out of the top layer: the page's own value comes back meanwhile.
    box.height = 0;
    notify();
    expect(root.style.scrollPaddingBottom).toBe('10px');

    undo();
    expect(observers[0].disconnect).toHaveBeenCalledTimes(1);
    expect(root.style.scrollPaddingBottom).toBe('10px');
  });

  it("takes the page's own value when it first applies: after the one it follows (the banner) has given it back", () => {
    const { observers } = stubObserver();
    const root = document.documentElement;
    root.style.scrollPaddingBottom = '7px';
    const banner = sized(200);
    const undoBanner = keepScrollPadding(banner.el);
    observers[0].callback();
    expect(root.style.scrollPaddingBottom).toBe('216px');
    // A decision: "Cookie settings" is shown before the banner goes (focus moves to it), then measured.
    const pill = sized(40);
    const undoPill = keepScrollPadding(pill.el);
    undoBanner();
    expect(root.style.scrollPaddingBottom).toBe('7px');
    observers[1].callback();
    expect(root.style.scrollPaddingBottom).toBe('56px');
    undoPill();
    expect(root.style.scrollPaddingBottom).toBe('7px');
  });

  it('gives a page that scrolls as much room to scroll past its end, in a box after the element, gone when undone', () => {
    const { notify } = stubObserver();
    const root = document.documentElement;
    vi.spyOn(root, 'scrollHeight', 'get').mockReturnValue(2000);
    vi.spyOn(root, 'clientHeight', 'get').mockReturnValue(600);
    const { el } = sized(40);
    const undo = keepScrollPadding(el);
    notify();
    const room = el.nextElementSibling as HTMLElement;
    expect(room.tagName).toBe('I');
    expect(room.style.position).toBe('absolute');
    expect(room.style.height).toBe('56px');
    expect(room.textContent).toBe('');
    undo();
    expect(room.isConnected).toBe(false);
  });

  it('adds no room to a page that fits its window (a scroll bar would narrow and reflow it)', () => {
    const { notify } = stubObserver();
    const root = document.documentElement;
    vi.spyOn(root, 'scrollHeight', 'get').mockReturnValue(600);
    vi.spyOn(root, 'clientHeight', 'get').mockReturnValue(600);
    const { el } = sized(40);
    undos.push(keepScrollPadding(el));
    notify();
    expect(el.nextElementSibling).toBeNull();
    expect(root.style.scrollPaddingBottom).toBe('56px');
  });

  it('measures at once where there is no ResizeObserver', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    const { el } = sized(30);
    const undo = keepScrollPadding(el);
    expect(document.documentElement.style.scrollPaddingBottom).toBe('46px');
    undo();
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
  });
});

describe('keepScrollPadding on a page that scrolls in a box of its own', () => {
  /** A banner from 400 to 584 px, across; `<main>` scrolling 1000 px of links, one of them 450–470 px, under it. */
  function shell() {
    vi.stubGlobal('ResizeObserver', undefined);
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => frames.push(fn));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames[id - 1] = () => {};
    });
    const el = document.createElement('div');
    const rect = (top: number, bottom: number, left = 0, right = 800) =>
      ({ top, bottom, left, right, height: bottom - top, width: right - left }) as DOMRect;
    el.getBoundingClientRect = () => rect(400, 584, 16, 784);
    const main = document.createElement('main');
    main.style.overflowY = 'auto';
    vi.spyOn(main, 'scrollHeight', 'get').mockReturnValue(1600);
    vi.spyOn(main, 'clientHeight', 'get').mockReturnValue(600);
    main.getBoundingClientRect = () => rect(0, 600);
    const before = document.createElement('a');
    const link = document.createElement('a');
    before.href = link.href = '#';
    /** Whether the link scrolls with `<main>` (not when it is sticky or fixed in it). */
    const scrolls = { with: true };
    link.getBoundingClientRect = () => {
      const y = scrolls.with ? main.scrollTop : 0;
      return rect(450 - y, 470 - y, 20, 120);
    };
    main.append(before, link);
    // In the widget's shadow root, as the banner is.
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(el);
    document.body.append(main, host);
    /** Tab from the link before, focus moving to the link, then (`between` done first) the next frame. */
    const tab = (key = 'Tab', between = () => {}) => {
      before.focus();
      press({ key });
      link.focus();
      between();
      for (const fn of frames.splice(0)) fn(0);
    };
    return { el, main, tab, scrolls };
  }

  it('scrolls the box after Tab by as much as brings the focused element 16px above the banner', () => {
    const { el, main, tab } = shell();
    undos.push(keepScrollPadding(el));
    tab();
    expect(main.scrollTop).toBe(470 - 384);
  });

  it('does nothing when the banner goes before the next frame (a decision right after the Tab)', () => {
    const { el, main, tab } = shell();
    const undo = keepScrollPadding(el);
    expect(() =>
      tab('Tab', () => {
        undo();
        el.remove();
      }),
    ).not.toThrow();
    expect(main.scrollTop).toBe(0);
  });

  it('leaves an element that does not scroll with its box (sticky or fixed in it) and the box as they were', () => {
    const { el, main, tab, scrolls } = shell();
    undos.push(keepScrollPadding(el));
    scrolls.with = false;
    tab();
    tab();
    expect(main.scrollTop).toBe(0);
  });

  it('leaves a Tab the page handled itself (it prevented the default) to the page', () => {
    const { el, main, tab } = shell();
    undos.push(keepScrollPadding(el));
    const own = (e: Event) => e.preventDefault();
    document.addEventListener('keydown', own);
    try {
      tab();
    } finally {
      document.removeEventListener('keydown', own);
    }
    expect(main.scrollTop).toBe(0);
  });

  it('leaves focus that no Tab moved where it is, and stops listening when undone', () => {
    const { el, main, tab } = shell();
    const undo = keepScrollPadding(el);
    tab('Enter');
    expect(main.scrollTop).toBe(0);
    tab();
    expect(main.scrollTop).toBe(86);
    main.scrollTop = 0;
    undo();
    tab();
    expect(main.scrollTop).toBe(0);
  });
});
