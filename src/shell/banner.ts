import type { ModelState } from '../consent/model-state';
import { deepActiveElement } from '../ui/focus';
import type { BannerTexts } from '../ui/texts/types';
import { keepScrollPadding, tabToFirst } from './page-effects';
import { makePopover, showInTopLayer } from './top-layer';

export interface BannerOptions {
  root: ShadowRoot;
  model: Pick<ModelState, 'decision' | 'open'>;
  texts: BannerTexts;
  acceptAll(): void;
  rejectAll(): void;
  /** The privacy policy's link, when the site gave one (already checked: http, https or relative). */
  policyUrl?: string;
  /** The "Cookie settings" button while it is shown: where focus goes when a keyboard decision takes the banner. */
  reopenButton(): HTMLElement | null;
  /** The visitor is about to open the preferences (pointer over, or focus on, "Customize"): time to fetch them. */
  intent(): void;
}

/**
 * The first layer, built with the DOM (no Preact: a first visit shows it without downloading the UI chunk): a
 * non-modal region named by `bannerLabel`, its title and text, the policy link, and three equal buttons. Shown while
 * there is no decision; out of the top layer and inert while `covered` (the preferences are shown over it). Texts
 * are set as text, never parsed as HTML. Returns `sync`, to call after every change of the model.
 */
export function createBanner({
  root,
  model,
  texts,
  policyUrl,
  reopenButton,
  acceptAll,
  rejectAll,
  intent,
}: BannerOptions): (covered: boolean) => void {
  const doc = root.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  };
  const button = (label: string, kind: string, onClick: () => void) => {
    const b = el('button', `btn ${kind}`, label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  };

  let banner: HTMLElement | undefined;
  let undo: (() => void)[] = [];

  const build = () => {
    const text = el('p', '', texts.bannerText);
    if (policyUrl) {
      const link = el('a', '', texts.policyLink);
      link.href = policyUrl;
      text.append(' ', link);
    }
    const customize = button(texts.customize, 'secondary', () => model.open());
    for (const type of ['pointerenter', 'focus']) customize.addEventListener(type, intent);
    const section = el(
      'section',
      'banner',
      el('div', 'banner-text', el('h2', 'title', texts.bannerTitle), text),
      // Accept all and Reject all are the same in every way; the third is the same size and weight.
      el(
        'div',
        'actions',
        button(texts.acceptAll, 'primary', acceptAll),
        button(texts.rejectAll, 'primary', rejectAll),
        customize,
      ),
    );
    section.setAttribute('aria-label', texts.bannerLabel);
    section.setAttribute('data-nosnippet', '');
    makePopover(section);
    root.append(section);
    undo = [keepScrollPadding(section), tabToFirst(section)];
    return section;
  };

  return (covered) => {
    if (!model.decision()) {
      if (!banner) banner = build();
      // Under the modal preferences: out of reach also where the browser has no popovers to take it away.
      banner.inert = covered;
      if (covered) banner.setAttribute('aria-hidden', 'true');
      else banner.removeAttribute('aria-hidden');
      showInTopLayer(banner, !covered);
    } else if (banner) {
      for (const fn of undo) fn();
      // Decided by keyboard: focus would fall to the page's start with the banner; it goes to "Cookie settings".
      const hadFocus = banner.contains(deepActiveElement(doc));
      banner.remove();
      banner = undefined;
      const reopen = hadFocus && reopenButton();
      if (reopen) reopen.focus();
    }
  };
}
