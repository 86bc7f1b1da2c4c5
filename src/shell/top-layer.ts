/** Gives `el` `popover="manual"` where the browser has the Popover API; elsewhere nothing (it stays `position: fixed`). */
export function makePopover(el: HTMLElement): void {
  if ('showPopover' in el) el.setAttribute('popover', 'manual');
}

/**
 * Puts a `popover="manual"` element in the top layer, or takes it out: above every z-index of the page and out of
 * reach of an ancestor's `transform`, `filter` or `overflow` that would otherwise move or clip a fixed element.
 * Non-modal: focus stays where it is. Taken out (while the modal preferences are open, so their backdrop covers it
 * like the rest of the page), it stays in the DOM, so focus can come back to it.
 */
export function showInTopLayer(el: HTMLElement, shown: boolean): void {
  if (!el.hasAttribute('popover') || el.matches(':popover-open') === shown) return;
  try {
    if (shown) el.showPopover();
    else el.hidePopover();
  } catch {
    // Not connected yet, or a browser quirk: it stays a fixed element, which works on most pages.
  }
}
