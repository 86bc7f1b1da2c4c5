import type { CrumbConfig } from '../config/types';
import type { ConsentModel } from '../consent/consent-model';
import type { Texts } from './texts/types';

/** Everything the components need; passed down as props, no globals. */
export interface UiProps {
  model: ConsentModel;
  config: CrumbConfig;
  texts: Texts;
}
