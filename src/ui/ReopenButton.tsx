import { useRef } from 'preact/hooks';
import type { UiProps } from './types';
import { topLayer, useTopLayer } from './use-page-effects';

/** After a decision: the always-reachable way back to the preferences. */
export function ReopenButton({ model, texts }: Pick<UiProps, 'model' | 'texts'>) {
  const ref = useRef<HTMLButtonElement>(null);
  useTopLayer(ref, !model.preferencesOpen.value);
  return (
    <button ref={ref} type="button" class="reopen" popover={topLayer()} onClick={() => model.open()}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
        <path
          fill="currentColor"
          d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-4-4 4 4 0 0 1-4-4 2 2 0 0 0-2-2Zm-3.5 8a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm5 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3ZM8 15.5a1 1 0 1 1 0 2 1 1 0 0 1 0-2Z"
        />
      </svg>
      <span>{texts.reopen}</span>
    </button>
  );
}
