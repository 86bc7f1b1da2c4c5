import type { DecisionSource } from '../consent/consent-record';
import type { UiContext } from './contract';

interface Props extends Pick<UiContext, 'model' | 'texts'> {
  /** How a decision made here is recorded. */
  source: DecisionSource;
  /** The third button: its label and what it does (Customize in the banner, Save choices in the dialog). */
  third: [label: string, action: () => void];
  class?: string;
}

/** Accept all and Reject all, the same in every way (one definition for both layers), then the third choice. */
export function Choices({ model, texts, source, third: [label, action], class: extra }: Props) {
  return (
    <div class={extra ? `actions ${extra}` : 'actions'}>
      <button type="button" class="btn primary" onClick={() => model.acceptAll(source)}>
        {texts.acceptAll}
      </button>
      <button type="button" class="btn primary" onClick={() => model.rejectAll(source)}>
        {texts.rejectAll}
      </button>
      <button type="button" class="btn secondary" onClick={action}>
        {label}
      </button>
    </div>
  );
}
