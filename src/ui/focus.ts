/** The focused element, looking inside shadow roots. */
export function deepActiveElement(doc: Document): HTMLElement | null {
  let el = doc.activeElement as HTMLElement | null;
  // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
  return el;
}

const FOCUSABLE =
  'button:not([disabled]),input:not([disabled]),a[href],select:not([disabled]),textarea:not([disabled]),[tabindex]';

/** Keeps Tab and Shift+Tab inside `container`, wrapping at both ends (the APG modal dialog pattern). */
export function wrapTab(e: KeyboardEvent, container: HTMLElement): void {
  if (e.key !== 'Tab') return;
  // In the Tab order: not taken out with tabindex="-1" (native controls included), and rendered.
  const items = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
  if (!items.length) return;
  const first = items[0];
  const last = items[items.length - 1];
  const active = (container.getRootNode() as ShadowRoot | Document).activeElement;
  const outside = !active || !items.includes(active as HTMLElement);
  if (e.shiftKey && (active === first || outside)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || outside)) {
    e.preventDefault();
    first.focus();
  }
}
