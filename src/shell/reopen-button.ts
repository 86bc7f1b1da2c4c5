import { button, el } from './banner';
import { keepScrollPadding } from './page-effects';
import { makePopover, showInTopLayer } from './top-layer';

const SVG = 'http://www.w3.org/2000/svg';
const COOKIE =
  'M12 2a10 10 0 1 0 10 10 4 4 0 0 1-4-4 4 4 0 0 1-4-4 2 2 0 0 0-2-2Zm-3.5 8a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm5 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3ZM8 15.5a1 1 0 1 1 0 2 1 1 0 0 1 0-2Z';

/**
 * The always-reachable way back to the preferences after a decision: a small "Cookie settings" pill, built by the
 * widget itself (no Preact), so a returning visitor's page never loads the UI chunk for it.
 */
export function createReopenButton(
  root: ShadowRoot,
  /** Its text, marked when it came from the English fallback (see `say`). */
  label: Node | string,
  onClick: () => void,
  intent?: () => void,
) {
  let button: HTMLButtonElement | undefined;
  /** Gives the page back its own scroll padding, while the button is shown. */
  let undo: (() => void) | undefined;
  return {
    /** The button while it is shown, else null. */
    current: () => (button && !button.hidden ? button : null),
    /**
     * Shows or hides it: built when first shown (not on a first visit's way to its banner); top layer while shown,
     * and room kept for it at the bottom of the page (as for the banner) so it never covers what has focus there.
     */
    show(shown: boolean) {
      if (shown && !button) {
        button = build(root, label, onClick, intent);
      }
      if (!button) return;
      showInTopLayer(button, shown);
      button.hidden = !shown;
      if (shown && !undo) undo = keepScrollPadding(button);
      else if (!shown && undo) {
        undo();
        undo = undefined;
      }
    },
  };
}

/** Builds the button, first in `root`. */
function build(root: ShadowRoot, label: Node | string, onClick: () => void, intent?: () => void): HTMLButtonElement {
  const doc = root.ownerDocument;
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', COOKIE);
  svg.append(path);
  const pill = button(doc, 'reopen', onClick, intent, svg, el(doc, 'span', '', label));
  makePopover(pill);
  root.prepend(pill);
  return pill;
}
