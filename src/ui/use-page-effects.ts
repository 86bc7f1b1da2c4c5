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
      const first = ref.current?.querySelector('button');
      if (!first) return;
      e.preventDefault();
      first.focus();
    };
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, []);
}
