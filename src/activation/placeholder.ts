/**
 * The box shown in place of a gated `<iframe data-consent data-src>` until its consent is given: it names the
 * provider, says which purpose it needs, and offers "Allow <provider>" and "Cookie settings". Built with
 * createElement/textContent only (no HTML, no inline style strings), styled by the site through its class names:
 * `crumb-embed`, `crumb-embed__text`, `crumb-embed__allow`, `crumb-embed__settings`.
 */
import { fill } from '../ui/texts';

/** Texts of the placeholder, per widget language; `{provider}` and `{purpose}` are filled in. */
export interface EmbedTexts {
  embedNotice: string;
  embedAllow: string;
}

export const EMBED_TEXTS: Record<string, EmbedTexts> = {
  en: {
    embedNotice: 'This content is hosted by {provider}, which may set cookies ({purpose}).',
    embedAllow: 'Allow {provider}',
  },
  de: {
    embedNotice: 'Dieser Inhalt wird von {provider} bereitgestellt, das Cookies setzen kann ({purpose}).',
    embedAllow: '{provider} erlauben',
  },
  fr: {
    embedNotice: 'Ce contenu est hébergé par {provider}, qui peut déposer des cookies ({purpose}).',
    embedAllow: 'Autoriser {provider}',
  },
  es: {
    embedNotice: 'Este contenido está alojado por {provider}, que puede instalar cookies ({purpose}).',
    embedAllow: 'Permitir {provider}',
  },
};

/** Well-known embed hosts and the names visitors know them by. */
const PROVIDERS: [RegExp, string][] = [
  [/(^|\.)(youtube(-nocookie)?\.com|youtu\.be)$/, 'YouTube'],
  [/(^|\.)vimeo\.com$/, 'Vimeo'],
  [/(^|\.)google\.com$/, 'Google'],
];

/** The provider of a gated iframe: its `data-consent-provider`, else a known name for its host, else the host. */
export function providerOf(iframe: Element, baseUrl: string): string {
  const given = iframe.getAttribute('data-consent-provider')?.trim();
  if (given) return given;
  let host = '';
  try {
    host = new URL(iframe.getAttribute('data-src') || '', baseUrl).hostname.toLowerCase();
  } catch {
    // An unparsable URL is reported and never loaded; name it by nothing better.
  }
  const known = PROVIDERS.find(([re]) => re.test(host));
  return known ? known[1] : host.replace(/^www\./, '');
}

/** The `Crumb.set()` argument that grants every name of a `data-consent` attribute. */
export function choiceFor(names: string[]): {
  analytics?: boolean;
  marketing?: boolean;
  services: Record<string, boolean>;
} {
  const choice: ReturnType<typeof choiceFor> = { services: {} };
  for (const n of names) {
    if (n === 'analytics' || n === 'marketing') choice[n] = true;
    else if (n !== 'necessary') choice.services[n] = true;
  }
  return choice;
}

export interface PlaceholderOptions {
  doc: Document;
  /** The widget's language (`crumb.language`). */
  language: string;
  /** Overrides per language, e.g. from the site's config; English and the built-in table fill the rest. */
  texts?: Record<string, Partial<EmbedTexts>>;
  /** What a visitor calls a category or service: "Marketing", "Google Analytics". */
  label: (name: string) => string;
  /** The "Cookie settings" button's text. */
  settings: string;
  /** Grants the names, as the "Allow" button does. */
  grant: (names: string[]) => void;
}

/** Returns the function that builds the placeholder for one gated iframe and the names it needs. */
export function placeholderFactory(options: PlaceholderOptions) {
  const { doc, language } = options;
  const t: EmbedTexts = { ...EMBED_TEXTS.en, ...EMBED_TEXTS[language], ...options.texts?.[language] };
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  return (iframe: HTMLIFrameElement, names: string[]): HTMLElement => {
    const provider = providerOf(iframe, doc.baseURI);
    const values = { provider, purpose: names.map(options.label).join(', ') };
    const box = el('div', 'crumb-embed');
    box.lang = language;
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', iframe.title || provider);
    const allow = el('button', 'crumb-embed__allow', fill(t.embedAllow, values));
    allow.type = 'button';
    allow.addEventListener('click', () => options.grant(names));
    const settings = el('button', 'crumb-embed__settings', options.settings);
    settings.type = 'button';
    // Opens the preferences through the widget's page-wide `[data-crumb-open]` handler.
    settings.setAttribute('data-crumb-open', '');
    box.append(el('p', 'crumb-embed__text', fill(t.embedNotice, values)), allow, settings);
    return box;
  };
}
