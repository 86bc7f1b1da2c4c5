import { watchGated } from '../activation/watch-gated';
import { failed } from '../chunks';
import type { Crumb } from '../start';
import { STORAGE_KEY } from '../storage/types';
import { directionOf, reopenLabel } from '../ui/texts/languages';
import { createReopenButton } from './reopen-button';
import { createShell } from './shell';

/** The "Cookie settings" button shows after a decision, unless turned off, and never over the open preferences. */
export const showsReopenButton = ({ model, config }: Pick<Crumb, 'model' | 'config'>): boolean =>
  !!model.decision() && config.reopenButton && !model.isOpen();

/** Whether the UI chunk is needed: to ask (no decision yet) or to show the preferences. */
export const needsUi = ({ model }: Pick<Crumb, 'model'>): boolean => !model.decision() || model.isOpen();

/**
 * What a page shows and watches, started by the core once its trackers are under way (`crumb-widget.js`): the host
 * element and the "Cookie settings" button (no Preact: a returning visitor's page never loads the UI chunk for it),
 * the UI chunk when something must be shown, anything with `data-crumb-open`, the page's gated markup, and the
 * decisions of the site's other tabs.
 */
export function startWidget(crumb: Crumb): void {
  const { win, model, config, language, storage, now } = crumb;
  const doc = win.document;
  const ui = () => crumb.chunk('ui');

  crumb.activation = watchGated(doc, () => crumb.chunk('activation'), {
    doc,
    loader: crumb.loader,
    isGranted: crumb.isGranted,
    report: { error: (m) => console.error(m), warn: crumb.warnOnce },
    // The placeholder is UI: it comes with the UI chunk.
    placeholder: (frame, names) => ui().then((m) => m?.placeholder(crumb.uiContext(m), frame, names)),
  });
  crumb.activation.run();

  // Another tab decided or reset: read the stored decision again (the cookie wins, so a site clearing its
  // localStorage is not taken for a withdrawal) and take it; that tab stored it and sent its receipt.
  win.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY || e.key === null) model.adopt(storage.load(now()).record);
  });

  const mount = () => {
    const shell = createShell(doc, language, directionOf(language), crumb.nonce, config.theme);
    const reopen = createReopenButton(shell.root, reopenLabel(language, config.texts), () => model.open());
    let mounted = false;
    const sync = () => {
      reopen.show(showsReopenButton(crumb));
      if (mounted || !needsUi(crumb)) return;
      mounted = true;
      ui()
        .then((m) =>
          m?.mount({
            ...crumb.uiContext(m),
            root: shell.root,
            addStyles: shell.addStyles,
            reopenButton: () => (reopen.element.hidden ? null : reopen.element),
          }),
        )
        .catch(failed('the banner'));
    };
    model.subscribe(sync);
    sync();
    doc.addEventListener('click', (e) => {
      if (!(e.target instanceof Element && e.target.closest('[data-crumb-open]'))) return;
      e.preventDefault();
      model.open();
    });
  };
  if (doc.body) mount();
  else doc.addEventListener('DOMContentLoaded', mount, { once: true });
}
