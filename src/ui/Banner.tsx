import { useRef } from 'preact/hooks';
import type { UiProps } from './types';
import { topLayer, useFirstTab, useScrollPadding, useTopLayer } from './use-page-effects';

/** The first layer: a non-modal region with three equal buttons. Never traps focus. */
export function Banner({ model, config, texts }: UiProps) {
  const ref = useRef<HTMLElement>(null);
  useTopLayer(ref, !model.preferencesOpen.value);
  useScrollPadding(ref);
  useFirstTab(ref);
  return (
    <section ref={ref} class="banner" aria-label={texts.bannerLabel} data-nosnippet="" popover={topLayer()}>
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
      <div class="actions">
        <button type="button" class="btn primary" onClick={() => model.acceptAll('banner')}>
          {texts.acceptAll}
        </button>
        <button type="button" class="btn primary" onClick={() => model.rejectAll('banner')}>
          {texts.rejectAll}
        </button>
        <button type="button" class="btn secondary" onClick={() => model.open()}>
          {texts.customize}
        </button>
      </div>
    </section>
  );
}
