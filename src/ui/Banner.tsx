import { Component, createRef } from 'preact';
import { popoverAttr, showInTopLayer } from '../shell/top-layer';
import { Choices } from './Choices';
import type { UiMountContext } from './contract';
import { deepActiveElement } from './focus';
import { keepScrollPadding, tabToFirst } from './page-effects';

interface Props extends Pick<UiMountContext, 'model' | 'config' | 'texts' | 'reopenButton'> {
  /** The preferences are open over it: out of the top layer meanwhile. */
  covered: boolean;
}

/** The first layer: a non-modal region with three equal buttons. Never traps focus. */
export class Banner extends Component<Props> {
  ref = createRef<HTMLElement>();
  undo: (() => void)[] = [];

  override componentDidMount() {
    const el = this.ref.current as HTMLElement;
    this.componentDidUpdate();
    this.undo = [keepScrollPadding(el), tabToFirst(el)];
  }

  override componentDidUpdate() {
    showInTopLayer(this.ref.current as HTMLElement, !this.props.covered);
  }

  override componentWillUnmount() {
    for (const fn of this.undo) fn();
    // Decided by keyboard: focus would fall to the page's start with the banner; it goes to "Cookie settings".
    const el = this.ref.current as HTMLElement;
    if (el.contains(deepActiveElement(el.ownerDocument))) this.props.reopenButton()?.focus();
  }

  render({ model, config, texts, covered }: Props) {
    return (
      <section
        ref={this.ref}
        class="banner"
        aria-label={texts.bannerLabel}
        data-nosnippet=""
        popover={popoverAttr()}
        // Under the modal preferences: out of reach also where the browser has no popovers to take it away.
        inert={covered}
        aria-hidden={covered ? 'true' : undefined}
      >
        <div class="banner-text">
          <h2 class="title">{texts.bannerTitle}</h2>
          <p>
            {texts.bannerText}
            {config.policyUrl && (
              <>
                {' '}
                <a href={config.policyUrl}>{texts.policyLink}</a>
              </>
            )}
          </p>
        </div>
        <Choices model={model} texts={texts} source="banner" third={[texts.customize, () => model.open()]} />
      </section>
    );
  }
}
