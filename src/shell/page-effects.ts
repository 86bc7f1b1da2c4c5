/**
 * While the banner, or after a decision "Cookie settings", is shown at the bottom, the page gets `scroll-padding-bottom`
 * of its height and inset, so an element focused in the page is never hidden behind it (WCAG 2.4.11), and as much
 * room to scroll past its end, so that its last elements can come out from under it too: an empty, absolutely
 * positioned box in the widget, from the page's end down, which moves nothing of the page. The page's own value comes back when it goes.
 * Returns the undo.
 */
export function keepScrollPadding(el: HTMLElement): () => void {
  const doc = el.ownerDocument;
  const root = doc.documentElement;
  const room = doc.createElement('i');
  room.style.position = 'absolute';
  // An empty box adds nothing to what scrolls: a pixel wide.
  room.style.width = '1px';
  // The page's own value, taken when first applying: by then the one this takes over from (the banner, as
  // "Cookie settings" comes after a decision) has put it back.
  let before: string | undefined;
  const apply = () => {
    if (before === undefined) before = root.style.scrollPaddingBottom;
    const height = el.getBoundingClientRect().height;
    // Out of the top layer (the preferences are open), it takes no room: the page's own value holds meanwhile.
    const value = height ? `${Math.ceil(height) + 16}px` : before;
    root.style.scrollPaddingBottom = value;
    // Measured without the room it gave before.
    room.remove();
    // Room only on a page that scrolls already: one that fits would get a scroll bar, narrower, and reflow.
    if (root.scrollHeight > root.clientHeight) {
      room.style.height = value;
      // From the page's end down: its offsets are from the host, a box of no size at the page's top left.
      const host = (el.getRootNode() as ShadowRoot).host || el;
      room.style.top = `${root.scrollHeight - host.getBoundingClientRect().top - (doc.defaultView as Window).scrollY}px`;
      el.after(room);
    }
  };
  // The observer reports the size once laid out (no layout forced while mounting); without one, measure now. The
  // page's own boxes too: one that grows (a feed, content loaded late) gets the room at its new end, also where
  // `<html>` is as tall as the window (`height: 100%`) and only `<body>` grows.
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(apply) : undefined;
  if (observer) for (const box of [el, root, doc.body]) observer.observe(box);
  else apply();
  return () => {
    if (observer) observer.disconnect();
    room.remove();
    if (before !== undefined) root.style.scrollPaddingBottom = before;
  };
}

/**
 * Makes the banner reachable first by keyboard although it sits at the end of `<body>`: the first Tab of a page
 * where nothing has focus yet goes to the banner. Focus is never moved without a key press, and only once: after the
 * first Tab or a click, Tab goes on from where the visitor is, through the page (the banner stays in its Tab order,
 * at the end). Returns the undo.
 */
export function tabToFirst(el: HTMLElement): () => void {
  const doc = el.ownerDocument;
  const stop = () => {
    doc.removeEventListener('keydown', onKey);
    doc.removeEventListener('mousedown', stop);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    stop();
    const active = doc.activeElement;
    if (e.shiftKey || e.defaultPrevented || (active && active !== doc.body)) return;
    // The first control in reading order (the policy link when there is one): no button is favoured.
    const first = el.querySelector<HTMLElement>('a[href], button');
    // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
    if (!first || !first.getClientRects().length) return;
    e.preventDefault();
    first.focus();
  };
  doc.addEventListener('keydown', onKey);
  doc.addEventListener('mousedown', stop);
  return stop;
}
