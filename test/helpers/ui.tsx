import { parseConfig } from '../../src/config/parse-config';
import type { CrumbConfig } from '../../src/config/types';
import type { Service } from '../../src/consent/categories';
import { createConsentModel } from '../../src/consent/consent-model';
import type { ConsentRecord } from '../../src/consent/consent-record';
import type { PrivacySignals } from '../../src/privacy/read-privacy-signals';
import { resolveTexts } from '../../src/ui/texts';
import type { TextOverrides } from '../../src/ui/texts/types';
import { BUILT_IN, idSequence, NOW } from './fixtures';

export interface UiSetup {
  services?: Service[];
  initial?: ConsentRecord;
  signals?: PrivacySignals;
  config?: Partial<CrumbConfig>;
  overrides?: TextOverrides;
}

/** A model, a config and English texts, as `mountUi` would pass them to the components. */
export function uiProps({ services = BUILT_IN, initial, signals, config = {}, overrides }: UiSetup = {}) {
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
  return { model, config: full, texts };
}
