import { Component, createRef } from 'preact';
import { OPTIONAL_CATEGORIES } from '../consent/categories';
import { signalName } from '../consent/privacy-policy';
import { CategoryToggle, type Draft } from './CategoryToggle';
import type { UiMountContext } from './contract';
import { deepActiveElement, wrapTab } from './focus';
import { sayer } from './marks';
import { fill } from './texts/fill';

interface Props extends UiMountContext {
  /** Where focus goes when the opener is gone (e.g. the banner closed by the decision). */
  fallbackFocus: () => HTMLElement | null | undefined;
}

/** The preferences: an APG modal dialog (focus in, Tab wraps, Escape closes, focus returns, page inert). */
export class Preferences extends Component<Props, { draft: Draft }> {
  dialog = createRef<HTMLDialogElement>();
  title = createRef<HTMLHeadingElement>();
  opener: HTMLElement | null = null;

  constructor(props: Props) {
    super(props);
    const { categories, services } = props.model.grants();
    // The dialog starts from the current choice; nothing changes until a button says so.
    this.state = {
      draft: { analytics: categories.analytics, marketing: categories.marketing, services: { ...services } },
    };
  }

  override componentDidMount() {
    const el = this.dialog.current as HTMLDialogElement;
    this.opener = this.props.opener ? this.props.opener() : deepActiveElement(el.ownerDocument);
    if (typeof el.showModal === 'function') el.showModal();
    else el.setAttribute('open', '');
    this.title.current?.focus();
  }

  override componentWillUnmount() {
    const el = this.dialog.current;
    if (el?.open && typeof el.close === 'function') el.close();
    // Focus goes back where it was. The opener may be gone (the banner's button, after a decision) or have lost focus
    // as the dialog opened ("Cookie settings" hides under the modal), leaving <body>: then to the way back in.
    const { opener } = this;
    const back = opener?.isConnected && opener !== opener.ownerDocument.body ? opener : undefined;
    setTimeout(() => (back ?? this.props.fallbackFocus())?.focus());
  }

  render({ model, texts, english }: Props, { draft }: { draft: Draft }) {
    const say = sayer(texts, english);
    const decision = model.decision();
    const signal = decision?.record.source === 'signal' ? signalName(model.signals) : undefined;
    const setDraft = (next: Draft) => this.setState({ draft: next });
    const close = () => model.close();
    return (
      <dialog
        ref={this.dialog}
        class="dialog"
        aria-modal="true"
        aria-labelledby="crumb-prefs-title"
        data-nosnippet=""
        onCancel={(e) => {
          e.preventDefault();
          close();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          } else wrapTab(e, e.currentTarget);
        }}
      >
        <div class="dialog-head">
          <h2 id="crumb-prefs-title" class="title" tabIndex={-1} ref={this.title}>
            {say('preferencesTitle')}
          </h2>
          <button
            type="button"
            class="icon-btn"
            aria-label={texts.close}
            // Its name is in English when the text fell back to it.
            lang={__CRUMB_FALLBACK__ && english('close') ? 'en' : undefined}
            onClick={close}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
              <path
                fill="currentColor"
                d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6Z"
              />
            </svg>
          </button>
        </div>
        <div class="dialog-body">
          <p>{say('preferencesIntro')}</p>
          {signal && (
            <p class="notice" role="note">
              {say('signalHonoured', fill(texts.signalHonoured, { signal }))}
            </p>
          )}
          {(['necessary', ...OPTIONAL_CATEGORIES] as const).map((c) => (
            <CategoryToggle
              key={c}
              category={c}
              services={model.services}
              draft={draft}
              setDraft={setDraft}
              texts={texts}
              say={say}
            />
          ))}
          {decision && (
            <p class="consent-id">
              <span class="label">{say('consentId')}</span> <code>{decision.record.id}</code>
            </p>
          )}
        </div>
        {/* The banner's row (built by the widget chunk) in the same classes: both layers look and weigh the same. */}
        <div class="actions dialog-actions">
          <button type="button" class="btn primary" onClick={() => model.acceptAll('preferences')}>
            {say('acceptAll')}
          </button>
          <button type="button" class="btn primary" onClick={() => model.rejectAll('preferences')}>
            {say('rejectAll')}
          </button>
          <button type="button" class="btn secondary" onClick={() => model.decide(draft, 'preferences')}>
            {say('save')}
          </button>
        </div>
      </dialog>
    );
  }
}
