import type { Crumb } from '../start';
import type { UiModule } from '../ui/contract';
import { directionOf, reopenLabel } from '../ui/texts/languages';
import { createReopenButton } from './reopen-button';
import { createShell } from './shell';

/** The "Cookie settings" button shows after a decision, unless turned off, and never over the open preferences. */
export const showsReopenButton = ({ model, config }: Pick<Crumb, 'model' | 'config'>): boolean =>
  !!model.decision() && config.reopenButton && !model.isOpen();

export interface WidgetOptions {
  doc: Document;
  crumb: Crumb;
  nonce: string;
  /** The UI chunk (memoized; `undefined` when it could not load, already reported). */
  ui: () => Promise<UiModule | undefined>;
}

/**
 * The visible part of the widget, as cheap as it can be: a first visit starts loading the UI chunk at once, in
 * parallel with the page; a returning visitor gets the host element and the "Cookie settings" button only, and the
 * UI chunk loads when they open the preferences. Anything with `data-crumb-open` opens them too.
 */
export function startWidget({ doc, crumb, nonce, ui }: WidgetOptions): void {
  const { model, config, language } = crumb;
  const needsUi = () => !model.decision() || model.isOpen();
  // Before the body exists: a first visit's banner must not wait for DOMContentLoaded to start downloading.
  if (needsUi()) ui();

  const mount = () => {
    const shell = createShell(doc, language, directionOf(language), nonce);
    const reopen = createReopenButton(shell.root, reopenLabel(language, config.texts), () => model.open());
    let mounted = false;
    const sync = () => {
      reopen.show(showsReopenButton(crumb));
      if (mounted || !needsUi()) return;
      mounted = true;
      ui().then((m) =>
        m?.mount({
          ...crumb.uiContext(m),
          root: shell.root,
          addStyles: shell.addStyles,
          reopenButton: () => (reopen.element.hidden ? null : reopen.element),
        }),
      );
    };
    model.subscribe(sync);
    sync();
    doc.addEventListener('click', (e) => {
      const target = e.target instanceof Element ? e.target.closest('[data-crumb-open]') : null;
      if (!target) return;
      e.preventDefault();
      model.open();
    });
  };
  if (doc.body) mount();
  else doc.addEventListener('DOMContentLoaded', mount, { once: true });
}
