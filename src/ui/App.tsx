import { useRef } from 'preact/hooks';
import { Banner } from './Banner';
import { Preferences } from './Preferences';
import { ReopenButton } from './ReopenButton';
import type { UiProps } from './types';

/** The widget: banner until a decision, the preferences on demand, then the reopen button. */
export function App(props: UiProps) {
  const { model, config } = props;
  const host = useRef<HTMLDivElement>(null);
  const decided = !!model.decision.value;
  const open = model.preferencesOpen.value;
  // While the modal is open, the rest of the widget is hidden from assistive technology like the page is.
  const behind = open ? { 'aria-hidden': 'true' as const, inert: true } : {};
  return (
    <div ref={host} class="root">
      {!decided && (
        <div {...behind}>
          <Banner {...props} />
        </div>
      )}
      {decided && config.reopenButton && (
        <div {...behind}>
          <ReopenButton model={model} texts={props.texts} />
        </div>
      )}
      {open && (
        <Preferences
          {...props}
          fallbackFocus={() => host.current?.querySelector<HTMLElement>('.reopen, .banner button')}
        />
      )}
    </div>
  );
}
