import type { DecisionSource } from '../consent/consent-record';
import type { UiContext } from './contract';

interface Props extends Pick<UiContext, 'model' | 'texts'> {
  /** How a decision made here is recorded. */
  source: DecisionSource;
  /** The third button: its label and what it does (Save choices). */
  third: [label: string, action: () => void];
  class?: string;
}

/**
 * Accept all and Reject all, the same in every way, then the third choice: the dialog's row, with the classes of the
 * banner's (built by the widget chunk), so both layers look and weigh the same.
 */
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
