/**
 * The box shown in place of a gated `<iframe data-consent data-src>` until its consent is given: it names the
 * provider, says which purpose it needs, and offers "Allow <provider>" and "Privacy preferences". Built with
 * createElement/textContent only (no HTML, no inline style strings), styled by the site through its class names:
 * `crumb-embed`, `crumb-embed__text`, `crumb-embed__allow`, `crumb-embed__settings`.
 */
import type { ChoiceInput } from '../consent/consent-model';
import type { UiContext } from './contract';
import { fill } from './texts/fill';

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
export function choiceFor(names: string[]): ChoiceInput & { services: Record<string, boolean> } {
  const choice: ReturnType<typeof choiceFor> = { services: {} };
  for (const n of names) {
    if (n === 'analytics' || n === 'marketing') choice[n] = true;
    else if (n !== 'necessary') choice.services[n] = true;
  }
  return choice;
}

/** Builds the placeholder for one gated iframe and the names (categories or service ids) it needs. */
export function placeholder(
  { doc, model, texts, language, english }: UiContext,
  iframe: HTMLIFrameElement,
  names: string[],
): HTMLElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string) => {
    const node = doc.createElement(tag);
    node.className = className;
    node.textContent = text;
    return node;
  };
  const label = (n: string) =>
    n === 'analytics' || n === 'marketing' ? texts[n] : (model.services.find((s) => s.id === n)?.name ?? n);
  const provider = providerOf(iframe, doc.baseURI);
  const values = { provider, purpose: names.map(label).join(', ') };
  const box = el('div', 'crumb-embed', '');
  box.lang = language;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', iframe.title || provider);
  const allow = el('button', 'crumb-embed__allow', fill(texts.embedAllow, values));
  allow.type = 'button';
  allow.addEventListener('click', () => model.decide(choiceFor(names), 'api'));
  // Named as the dialog it opens, not "Cookie settings": that name stays the floating button's alone, for QA suites.
  const settings = el('button', 'crumb-embed__settings', texts.preferencesTitle);
  settings.type = 'button';
  settings.addEventListener('click', () => model.open());
  box.append(el('p', 'crumb-embed__text', fill(texts.embedNotice, values)), allow, settings);
  // In a language the site adds, what it left out is English, and said so (as in the banner and the preferences).
  if (__CRUMB_FALLBACK__)
    (['embedNotice', 'embedAllow', 'preferencesTitle'] as const).forEach((key, i) => {
      const node = box.children[i];
      if (english(key))
        node.replaceChildren(
          Object.assign(doc.createElement('span'), { lang: 'en', dir: 'ltr', textContent: node.textContent }),
        );
    });
  return box;
}
