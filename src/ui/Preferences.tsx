import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { OPTIONAL_CATEGORIES } from '../consent/categories';
import { signalName } from '../consent/privacy-policy';
import { CategoryToggle, type Draft } from './CategoryToggle';
import { deepActiveElement, wrapTab } from './focus';
import { fill } from './texts';
import type { UiProps } from './types';

interface Props extends UiProps {
  /** Where focus goes when the opener is gone (e.g. the banner closed by the decision). */
  fallbackFocus: () => HTMLElement | null | undefined;
}

/** The preferences: an APG modal dialog (focus in, Tab wraps, Escape closes, focus returns, page inert). */
export function Preferences({ model, texts, fallbackFocus }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const grants = model.grants.peek();
  const draft = useSignal<Draft>({ ...grants.categories, services: { ...grants.services } });
  const decision = model.decision.value;
  const signal = decision?.record.source === 'signal' ? signalName(model.signals) : undefined;

  useLayoutEffect(() => {
    const el = dialog.current as HTMLDialogElement;
    const opener = deepActiveElement(el.ownerDocument);
    if (typeof el.showModal === 'function') el.showModal();
    else el.setAttribute('open', '');
    title.current?.focus();
    return () => {
      if (el.open && typeof el.close === 'function') el.close();
      // Focus goes back where it was; the banner's button may be gone after a decision.
      setTimeout(() => {
        const target = opener?.isConnected ? opener : fallbackFocus();
        target?.focus();
      });
    };
  }, []);

  const save = () => {
    const { services, analytics, marketing } = draft.value;
    model.decide({ analytics, marketing, services }, 'preferences');
  };

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-modal="true"
      aria-labelledby="crumb-prefs-title"
      data-nosnippet=""
      onCancel={(e) => {
        e.preventDefault();
        model.close();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          model.close();
        } else wrapTab(e, e.currentTarget);
      }}
    >
      <div class="dialog-head">
        <h2 id="crumb-prefs-title" class="title" tabIndex={-1} ref={title}>
          {texts.preferencesTitle}
        </h2>
        <button type="button" class="icon-btn" aria-label={texts.close} onClick={() => model.close()}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
            <path
              fill="currentColor"
              d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6Z"
            />
          </svg>
        </button>
      </div>
      <div class="dialog-body">
        <p>{texts.preferencesIntro}</p>
        {signal && (
          <p class="notice" role="note">
            {fill(texts.signalHonoured, { signal })}
          </p>
        )}
        <CategoryToggle category="necessary" services={[]} draft={draft} texts={texts} />
        {OPTIONAL_CATEGORIES.map((c) => (
          <CategoryToggle key={c} category={c} services={model.services} draft={draft} texts={texts} />
        ))}
        {decision && (
          <p class="consent-id">
            <span class="label">{texts.consentId}</span> <code>{decision.record.id}</code>
          </p>
        )}
      </div>
      <div class="actions dialog-actions">
        <button type="button" class="btn primary" onClick={() => model.acceptAll('preferences')}>
          {texts.acceptAll}
        </button>
        <button type="button" class="btn primary" onClick={() => model.rejectAll('preferences')}>
          {texts.rejectAll}
        </button>
        <button type="button" class="btn secondary" onClick={save}>
          {texts.save}
        </button>
      </div>
    </dialog>
  );
}
