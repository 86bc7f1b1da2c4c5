import { directionOf } from '../ui/texts/languages';
import css from './shell.css?inline';

export interface Shell {
  root: ShadowRoot;
  /** Adds a stylesheet to the shadow root: adopted where browsers can, else a `<style>` with the nonce. */
  addStyles(css: string): void;
  /** The host was put into a new `<body>` (a page that swapped it): its theme is followed there, and taken now. */
  settle(): void;
}

/**
 * `<div id="crumb" data-nosnippet>` at the end of `<body>` with an open shadow root, in the widget's language and
 * direction. Styles are constructable stylesheets (no inline styles, so a strict `style-src` holds).
 */
export function createShell(doc: Document, lang: string, nonce: string, theme: string): Shell {
  const host = doc.createElement('div');
  host.id = 'crumb';
  host.setAttribute('data-nosnippet', '');
  host.lang = lang;
  host.dir = directionOf(lang);
  // A pinned colour scheme (`auto` follows the visitor's preference, in CSS).
  if (theme !== 'auto') host.setAttribute('data-theme', theme);
  const root = host.attachShadow({ mode: 'open' });
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
  const Sheet = win && win.CSSStyleSheet;
  const addStyles = (text: string) => {
    if ('adoptedStyleSheets' in root && Sheet && typeof Sheet.prototype.replaceSync === 'function') {
      const sheet = new Sheet();
      sheet.replaceSync(text);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      const style = doc.createElement('style');
      if (nonce) style.nonce = nonce;
      style.append(text);
      root.append(style);
    }
  };
  addStyles(css);
  doc.body.append(host);
  let settle = () => {};
  if (theme === 'auto' && win) {
    const pin = () => pinSchemeToBackground(win, host, root);
    // A site that themes by the visitor's scheme changes its background with it (the system turning dark at sunset).
    // Not in jsdom, which has no matchMedia.
    if (win.matchMedia) win.matchMedia('(prefers-color-scheme:dark)').addEventListener('change', pin);
    // And one with a theme switch of its own changes it with a class or attribute on <html> or <body> (`html.dark`,
    // `data-theme`, `data-bs-theme`): only their own attributes are watched, not the page below them, and not their
    // `style`, which pages write as they scroll (and Crumb itself, for the room under the banner).
    const watch = new win.MutationObserver((records) => {
      if (records.some((r) => r.attributeName !== 'style')) pin();
    });
    watch.observe(doc.documentElement, { attributes: true });
    // A page that swaps `<body>` (Turbo) brings a new one, with the next view's theme attribute.
    settle = () => {
      watch.observe(doc.body, { attributes: true });
      pin();
    };
    settle();
  }
  return { root, addStyles, settle };
}

/**
 * A site that sets its own `--crumb-background` (and no `data-theme`) gets the defaults of the scheme that suits that
 * background for every colour it did not set: a white background keeps the light accent and focus ring even when the
 * visitor's system is dark, where the dark ones would be unreadable on it.
 */
function pinSchemeToBackground(win: Window, host: HTMLElement, root: ShadowRoot): void {
  let scheme: string | undefined;
  if (win.getComputedStyle(host).getPropertyValue('--crumb-background').trim()) {
    const probe = win.document.createElement('i');
    // Mixed into sRGB, so that any colour syntax (oklch(), lab(), color(), as design systems give them) reads as
    // `color(srgb r g b)`, channels from 0 to 1; a value that is no colour leaves the host's `rgb(0, 0, 0)`, whose
    // three words pin nothing.
    probe.style.color = 'color-mix(in srgb, var(--crumb-background), red 0%)';
    root.append(probe);
    const [, r, g, b] = win.getComputedStyle(probe).color.split(' ').map(parseFloat);
    probe.remove();
    if (b !== undefined) scheme = 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
  }
  // None (or none any more: a site that sets one in its dark scheme only): the visitor's scheme again.
  if (scheme) host.setAttribute('data-theme', scheme);
  else host.removeAttribute('data-theme');
}
