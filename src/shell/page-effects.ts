import { deepActiveElement } from '../ui/focus';

/**
 * While the banner, or after a decision "Cookie settings", is shown at the bottom, the page gets `scroll-padding-bottom`
 * of its height and inset, so an element focused in the page is never hidden behind it (WCAG 2.4.11), and as much
 * room to scroll past its end, so that its last elements can come out from under it too: an empty, absolutely
 * positioned box in the widget, from the page's end down, which moves nothing of the page. The page's own value comes back when it goes.
 * A page that scrolls in a box of its own (an app shell: `<main>` with `overflow: auto`) has no use of that padding:
 * there, after Tab or Shift+Tab, once the browser has scrolled to what took focus, an element still under the box
 * (across and down: beside "Cookie settings" is clear) is scrolled up out of it, see `clear`.
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
  /**
   * When the page element that has focus (also in a web component's open shadow root) is under `el`, in part or in
   * whole, scrolls the boxes it scrolls in, from the nearest, by no more than brings its bottom 16px above `el` (as the
   * padding does): only boxes that scroll (`overflow` `auto` or `scroll`, never `hidden` or `clip`), each no further than
   * its top edge, and never the page itself, which the padding keeps clear. An element taller than the room above `el`
   * cannot be cleared: it is left where it is.
   */
  const clear = (was: Element | null) => {
    const focused = deepActiveElement(doc);
    // Taken away meanwhile (a decision in the frame after the key): nothing is under it.
    if (!el.isConnected) return;
    const box = el.getBoundingClientRect();
    const top = box.top - 16;
    // Focus that Tab did not move is left alone; so are the widget's own controls (`el` is in its shadow root), and
    // every element while `el` is hidden (its box then measures nothing).
    if (!focused || focused === was || (el.parentNode as Node).contains(focused)) return;
    let r = focused.getBoundingClientRect();
    if (r.bottom <= box.top || r.top >= box.bottom || r.right <= box.left || r.left >= box.right || r.height > top)
      return;
    // Up the flat tree: a slotted element scrolls with its slot, a shadow root's children with its host.
    const up = (c: Element): Element | null => c.assignedSlot || c.parentElement || (c.parentNode as ShadowRoot).host;
    for (let c = up(focused); r.bottom > top && c && c !== doc.scrollingElement; c = up(c)) {
      if (/auto|scroll/.test(getComputedStyle(c).overflowY)) {
        // No further than it can scroll, nor than keeps the element's top in it (in the window: it fits above `el`).
        const by = Math.min(r.bottom - top, r.top - c.getBoundingClientRect().top);
        const at = c.scrollTop;
        if (by > 0) {
          c.scrollTop = at + by;
          const moved = focused.getBoundingClientRect();
          // An element that does not scroll with this box (sticky or fixed in it: a bar of buttons at its bottom), or a
          // box that did not scroll (its overflow is the viewport's), is left as it was.
          if (moved.top < r.top) r = moved;
          else c.scrollTop = at;
        }
      }
    }
  };
  let frame = 0;
  // Only where Tab or Shift+Tab moved focus, once the browser has scrolled to it (in the same task as the key): neither
  // a click's focus nor a script's, which may have asked for no scrolling, nor a Tab the page took for its own focus
  // handling (it prevented the browser's).
  const onKey = (e: KeyboardEvent) => {
    const was = deepActiveElement(doc);
    if (e.key === 'Tab')
      frame = requestAnimationFrame(() => {
        if (!e.defaultPrevented) clear(was);
      });
  };
  doc.addEventListener('keydown', onKey, true);
  return () => {
    doc.removeEventListener('keydown', onKey, true);
    cancelAnimationFrame(frame);
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
