import type { ModelState } from '../consent/model-state';
import { deepActiveElement } from '../ui/focus';
import type { BannerTexts } from '../ui/texts/types';
import { keepScrollPadding, tabToFirst } from './page-effects';
import { makePopover, showInTopLayer } from './top-layer';

/** An element with `className` (none when empty) and `children`, texts set as text. Shared with "Cookie settings". */
export const el = <K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
};

/**
 * A text to show: in a `lang="en" dir="ltr"` span when it came from the English fallback (the right voice, its
 * punctuation at the right end), so that the element holding it keeps the page's direction for its layout. Shared
 * with "Cookie settings".
 */
export const say = (doc: Document, text: string, english: boolean): Node | string =>
  __CRUMB_FALLBACK__ && english ? Object.assign(el(doc, 'span', '', text), { lang: 'en', dir: 'ltr' }) : text;

/**
 * A `type="button"` button that calls `onClick`; with `intent`, also called when it is about to be clicked (pointer
 * over it, or focus on it), so the preferences start downloading. Shared with "Cookie settings".
 */
export const button = (
  doc: Document,
  className: string,
  onClick: () => void,
  intent: (() => void) | undefined,
  ...children: (Node | string)[]
): HTMLButtonElement => {
  const b = el(doc, 'button', className, ...children);
  b.type = 'button';
  b.addEventListener('click', onClick);
  if (intent) for (const type of ['pointerenter', 'focus']) b.addEventListener(type, intent);
  return b;
};

/**
 * The first layer, built with the DOM (no Preact: a first visit shows it without downloading the UI chunk): a
 * non-modal region named by `bannerLabel`, its title and text, the policy link, and three equal buttons. Shown while
 * there is no decision; out of the top layer and inert while `covered` (the preferences are shown over it). Texts
 * are set as text, never parsed as HTML. Returns `sync`, to call after every change of the model.
 */
export function createBanner(
  root: ShadowRoot,
  model: Pick<ModelState, 'decision' | 'open'>,
  texts: BannerTexts,
  /** The privacy policy's link, when the site gave one (already checked: http, https or relative). */
  policyUrl: string | undefined,
  /** The "Cookie settings" button while it is shown: where focus goes when a keyboard decision takes the banner. */
  reopenButton: () => HTMLElement | null,
  acceptAll: () => void,
  rejectAll: () => void,
  /** The visitor is about to open the preferences (pointer over, or focus on, "Customize"): time to fetch them. */
  intent: () => void,
  /** Whether a text came from the English fallback (see `inEnglish`). */
  english: (key: keyof BannerTexts) => boolean,
): (covered: boolean) => void {
  const doc = root.ownerDocument;
  const t = (key: keyof BannerTexts) => say(doc, texts[key], english(key));

  let banner: HTMLElement | undefined;
  let undo: (() => void)[] = [];

  const build = () => {
    const text = el(doc, 'p', '', t('bannerText'));
    if (policyUrl) {
      const link = el(doc, 'a', '', t('policyLink'));
      link.href = policyUrl;
      text.append(' ', link);
    }
    const section = el(
      doc,
      'section',
      'banner',
      el(doc, 'div', 'banner-text', el(doc, 'h2', 'title', t('bannerTitle')), text),
      // Accept all and Reject all are the same in every way; the third is the same size and weight.
      el(
        doc,
        'div',
        'actions',
        button(doc, 'btn primary', acceptAll, undefined, t('acceptAll')),
        button(doc, 'btn primary', rejectAll, undefined, t('rejectAll')),
        button(doc, 'btn secondary', () => model.open(), intent, t('customize')),
      ),
    );
    // Its name is read in the region's language, even when it fell back to English: marking the region would mark
    // all it holds.
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
