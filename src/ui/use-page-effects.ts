import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * While the banner is shown, the page gets `scroll-padding-bottom` of the banner's height (so an element focused
 * in the page is never hidden behind it); the page's own value comes back when the banner goes.
 */
export function useScrollPadding(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = ref.current;
    const root = el?.ownerDocument.documentElement;
    if (!el || !root) return;
    const before = root.style.scrollPaddingBottom;
    const apply = () => {
      root.style.scrollPaddingBottom = `${Math.ceil(el.getBoundingClientRect().height) + 16}px`;
    };
    apply();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(apply) : undefined;
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      root.style.scrollPaddingBottom = before;
    };
  }, []);
}

/**
 * Makes the banner reachable first by keyboard although it sits at the end of `<body>`: the first Tab of a page
 * where nothing has focus yet goes to the banner. Focus is never moved without a key press.
 */
export function useFirstTab(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const doc = ref.current?.ownerDocument;
    if (!doc) return;
    const onKey = (e: KeyboardEvent) => {
      const active = doc.activeElement;
      if (e.key !== 'Tab' || e.shiftKey || e.defaultPrevented || (active && active !== doc.body)) return;
      // The first control in reading order (the policy link when there is one): no button is favoured.
      const first = ref.current?.querySelector<HTMLElement>('a[href], button');
      if (!first) return;
      e.preventDefault();
      first.focus();
    };
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, []);
}

/** `popover="manual"` where the browser has the Popover API; elsewhere nothing (the element stays `position: fixed`). */
export const topLayer = (): 'manual' | undefined =>
  typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype ? 'manual' : undefined;

/**
 * Shows a `popover="manual"` element in the top layer: above every z-index of the page and out of reach of an
 * ancestor's `transform`, `filter` or `overflow` that would otherwise move or clip a fixed element. Non-modal: focus
 * stays where it is and the page stays usable. `shown = false` takes it out of the top layer (while the modal
 * preferences are open, so their backdrop covers it like the rest of the page); it stays in the DOM, so focus can
 * come back to it.
 */
export function useTopLayer(ref: RefObject<HTMLElement | null>, shown = true): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el?.hasAttribute('popover') || el.matches(':popover-open') === shown) return;
    try {
      if (shown) el.showPopover();
      else el.hidePopover();
    } catch {
      // Not connected yet, or a browser quirk: it stays a fixed element, which works on most pages.
    }
  }, [shown]);
}
