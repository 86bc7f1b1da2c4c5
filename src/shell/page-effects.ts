/**
 * While the banner is shown, the page gets `scroll-padding-bottom` of the banner's height (so an element focused
 * in the page is never hidden behind it); the page's own value comes back when the banner goes. Returns the undo.
 */
export function keepScrollPadding(el: HTMLElement): () => void {
  const root = el.ownerDocument.documentElement;
  const before = root.style.scrollPaddingBottom;
  const apply = () => {
    const height = el.getBoundingClientRect().height;
    // Out of the top layer (the preferences are open), it takes no room: the page's own value holds meanwhile.
    root.style.scrollPaddingBottom = height ? `${Math.ceil(height) + 16}px` : before;
  };
  // The observer reports the size once laid out (no layout forced while mounting); without one, measure now.
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(apply) : undefined;
  if (observer) observer.observe(el);
  else apply();
  return () => {
    if (observer) observer.disconnect();
    root.style.scrollPaddingBottom = before;
  };
}

/**
 * Makes the banner reachable first by keyboard although it sits at the end of `<body>`: the first Tab of a page
 * where nothing has focus yet goes to the banner. Focus is never moved without a key press. Returns the undo.
 */
export function tabToFirst(el: HTMLElement): () => void {
  const doc = el.ownerDocument;
  const onKey = (e: KeyboardEvent) => {
    const active = doc.activeElement;
    if (e.key !== 'Tab' || e.shiftKey || e.defaultPrevented || (active && active !== doc.body)) return;
    // The first control in reading order (the policy link when there is one): no button is favoured.
    const first = el.querySelector<HTMLElement>('a[href], button');
    // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
    if (!first || !first.getClientRects().length) return;
    e.preventDefault();
    first.focus();
  };
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}
