import { render } from 'preact';
import type { Crumb } from '../start';
import { App } from './App';
import css from './styles.css?inline';
import { directionOf, resolveTexts } from './texts';

export interface MountOptions {
  doc: Document;
  crumb: Crumb;
  /** Nonce for the `<style>` fallback where constructable stylesheets are missing. */
  nonce: string;
}

/**
 * Mounts the widget in an open shadow root on `<div id="crumb" data-nosnippet>` at the end of `<body>`, styled by
 * a constructable stylesheet (no inline styles, so a strict `style-src` holds), and wires `[data-crumb-open]`.
 */
export function mountUi({ doc, crumb, nonce }: MountOptions): () => void {
  const { config, model } = crumb;
  const host = doc.createElement('div');
  host.id = 'crumb';
  host.setAttribute('data-nosnippet', '');
  const lang = crumb.language;
  host.lang = lang;
  host.dir = directionOf(lang);
  const root = host.attachShadow({ mode: 'open' });
  const win = doc.defaultView as Window & typeof globalThis;
  if ('adoptedStyleSheets' in root && typeof win.CSSStyleSheet?.prototype.replaceSync === 'function') {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = doc.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.appendChild(style);
  }
  doc.body.appendChild(host);
  render(<App model={model} config={config} texts={resolveTexts(lang, config.texts)} />, root);

  const onClick = (e: MouseEvent) => {
    const target = e.target instanceof Element ? e.target.closest('[data-crumb-open]') : null;
    if (!target) return;
    e.preventDefault();
    model.open();
  };
  doc.addEventListener('click', onClick);
  return () => {
    doc.removeEventListener('click', onClick);
    render(null, root);
    host.remove();
  };
}
