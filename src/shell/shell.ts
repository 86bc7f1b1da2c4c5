import css from './shell.css?inline';

export interface Shell {
  host: HTMLElement;
  root: ShadowRoot;
  /** Adds a stylesheet to the shadow root: adopted where browsers can, else a `<style>` with the nonce. */
  addStyles(css: string): void;
}

/**
 * `<div id="crumb" data-nosnippet>` at the end of `<body>` with an open shadow root, in the widget's language and
 * direction. Styles are constructable stylesheets (no inline styles, so a strict `style-src` holds).
 */
export function createShell(doc: Document, lang: string, dir: 'ltr' | 'rtl', nonce: string): Shell {
  const host = doc.createElement('div');
  host.id = 'crumb';
  host.setAttribute('data-nosnippet', '');
  host.lang = lang;
  host.dir = dir;
  const root = host.attachShadow({ mode: 'open' });
  const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
  const addStyles = (text: string) => {
    if ('adoptedStyleSheets' in root && typeof Sheet?.prototype.replaceSync === 'function') {
      const sheet = new Sheet();
      sheet.replaceSync(text);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      const style = doc.createElement('style');
      if (nonce) style.nonce = nonce;
      style.textContent = text;
      root.appendChild(style);
    }
  };
  addStyles(css);
  doc.body.appendChild(host);
  return { host, root, addStyles };
}
