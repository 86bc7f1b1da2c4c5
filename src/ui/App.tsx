import { Banner } from './Banner';
import type { UiMountContext } from './contract';
import { Preferences } from './Preferences';

/** The widget's Preact part: the banner until a decision, the preferences on demand. Re-rendered on every change. */
export function App(ctx: UiMountContext) {
  const { model } = ctx;
  const open = model.isOpen();
  return (
    <div class="root">
      {!model.decision() && <Banner {...ctx} covered={open} />}
      {open && (
        <Preferences
          {...ctx}
          fallbackFocus={() => ctx.reopenButton() ?? ctx.root.querySelector<HTMLElement>('.banner button')}
        />
      )}
    </div>
  );
}
