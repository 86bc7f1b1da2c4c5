import { render } from 'preact';
import { parseConfig } from '../../src/config/parse-config';
import type { CrumbConfig } from '../../src/config/types';
import type { Service } from '../../src/consent/categories';
import { createConsentModel } from '../../src/consent/consent-model';
import type { ConsentRecord } from '../../src/consent/consent-record';
import type { PrivacySignals } from '../../src/privacy/read-privacy-signals';
import { createBanner, say } from '../../src/shell/banner';
import { createReopenButton } from '../../src/shell/reopen-button';
import { showsReopenButton } from '../../src/shell/widget';
import { ui } from '../../src/ui/index';
import { resolveTexts } from '../../src/ui/texts';
import type { TextKey, TextOverrides } from '../../src/ui/texts/types';
import { BUILT_IN, idSequence, NOW } from './fixtures';

export interface UiSetup {
  services?: Service[];
  initial?: ConsentRecord;
  signals?: PrivacySignals;
  config?: Partial<CrumbConfig>;
  overrides?: TextOverrides;
  /** Which texts came from the English fallback (as the widget says of a language Crumb has no texts for). */
  english?: (key: TextKey) => boolean;
}

/** A model, a config and English texts, as the core hands them to the UI chunk. */
export function uiProps({
  services = BUILT_IN,
  initial,
  signals,
  config = {},
  overrides,
  english = () => false,
}: UiSetup = {}) {
  const model = createConsentModel(
    {
      services,
      revision: '1',
      signals: signals ?? { dnt: false, gpc: false },
      now: () => NOW,
      newId: idSequence('ui'),
    },
    initial,
  );
  const full: CrumbConfig = { ...parseConfig({}).config, ...config };
  const texts = resolveTexts('en', overrides ? { en: overrides } : {});
  return { model, config: full, texts, english };
}

const mounted: HTMLElement[] = [];

/**
 * The widget as a page gets it: the widget chunk's "Cookie settings" button (shown by the widget's own rule) and
 * banner, and the UI chunk mounted with `ui.mount`, in a plain element standing in for the shadow root so Testing
 * Library sees it.
 */
export function mountUi(setup: UiSetup = {}) {
  const props = uiProps(setup);
  const { model, texts } = props;
  const root = document.createElement('div');
  document.body.appendChild(root);
  mounted.push(root);
  const shadow = root as unknown as ShadowRoot;
  const reopen = createReopenButton(shadow, say(document, texts.reopen, props.english('reopen')), () => model.open());
  const reopenButton = reopen.current;
  const banner = createBanner(
    shadow,
    model,
    texts,
    props.config.policyUrl,
    reopenButton,
    () => model.acceptAll('banner'),
    () => model.rejectAll('banner'),
    () => {},
    props.english,
  );
  // The UI chunk is mounted below, synchronously: the preferences are shown as soon as they are open.
  const sync = () => {
    reopen.show(showsReopenButton(model, props.config, model.isOpen()));
    banner(model.isOpen());
  };
  model.subscribe(sync);
  sync();
  ui.mount({ ...props, doc: document, language: 'en', root: shadow, addStyles: () => {}, reopenButton });
  return { ...props, root };
}

/** Unmounts what `mountUi` mounted (components' cleanups run). */
export function unmountUi(): void {
  for (const root of mounted.splice(0)) {
    const preact = root.querySelector('.ui');
    if (preact) render(null, preact);
    root.remove();
  }
}
