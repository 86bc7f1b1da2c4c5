import type { UiMountContext } from './contract';
import { Preferences } from './Preferences';

/**
 * The widget's Preact part: the preferences, while open. Re-rendered on every change. The banner and the "Cookie
 * settings" button are the widget chunk's, built without Preact.
 */
export function App(ctx: UiMountContext) {
  return ctx.model.isOpen() ? (
    <Preferences
      {...ctx}
      fallbackFocus={() => ctx.reopenButton() ?? ctx.root.querySelector<HTMLElement>('.banner button')}
    />
  ) : null;
}
