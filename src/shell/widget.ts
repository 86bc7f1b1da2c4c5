import { watchGated } from '../activation/watch-gated';
import { failed, warnOnce } from '../chunks';
import { checkTextEntries } from '../config/text-entries';
import { isOptionalCategory } from '../consent/categories';
import type { ModelState } from '../consent/model-state';
import { type Crumb, takeOver } from '../control';
import { prerendering, whenShown } from '../prerender';
import type { Core } from '../start';
import type { UiContext, UiModule } from '../ui/contract';
import { deepActiveElement } from '../ui/focus';
import { inEnglish, withOverrides } from '../ui/texts/languages';
import type { BannerTexts } from '../ui/texts/types';
import { createBanner, say } from './banner';
import { createReopenButton } from './reopen-button';
import { createShell } from './shell';

/** The "Cookie settings" button shows after a decision, unless turned off, and never under the shown preferences. */
export const showsReopenButton = (
  model: Pick<Core['model'], 'decision'>,
  config: Pick<Core['config'], 'reopenButton'>,
  preferencesShown: boolean,
): boolean => !!model.decision() && config.reopenButton && !preferencesShown;

/** Whether a category or service id is granted; `undefined` for a name the site does not have. */
export function grantOf(model: Pick<ModelState, 'grants'>, name: string): boolean | undefined {
  const { categories, services } = model.grants();
  // Own keys only: `constructor` or `__proto__` in a page's data-consent is no category and no service.
  if (Object.prototype.hasOwnProperty.call(services, name)) return services[name];
  return name === 'necessary' || isOptionalCategory(name) ? categories[name] : undefined;
}

/**
 * What a page shows and watches, started by the core once its trackers are under way (`crumb-widget.<lang>.js`, with
 * `texts`, its language's banner texts): the host element, the banner and the "Cookie settings" button (no Preact:
 * neither a first nor a returning visit loads the UI chunk for them), the UI chunk (the preferences) when they must
 * be shown, anything with `data-crumb-open`, and the page's gated markup. Deciding, storing, reacting and following
 * the site's other tabs are the control's (`control.ts`), which takes the core over once the banner has had its first
 * frame, or at once when something needs it earlier (a click, the preferences, an API call).
 */
export function startWidget(core: Core, builtIn: BannerTexts): void {
  const { win, model, config, language } = core;
  const doc = win.document;
  let crumb: Crumb | undefined;
  /** The control, taken over on first use (synchronous: it is in this chunk). */
  const control = () => (crumb = crumb || takeOver(core));

  // Only good texts are shown; a mistake in them, or in the stored record, is said once.
  const textProblems = checkTextEntries({ config, problems: [] });
  const { problem } = core;
  // Whether the banner asks for it: not where a privacy signal this page honours decides instead.
  const asks = core.outcomeOf(undefined) !== 'refuse';
  if (textProblems.length || problem)
    core
      .chunk('diagnostics')
      .then((d) => {
        if (!d) return;
        if (problem) d.warnStoredProblem(problem, asks);
        if (textProblems.length) d.reportProblems(textProblems);
      })
      .catch(failed('the configuration report'));

  const ui = () => core.chunk('ui');
  /** Puts the host back at the end of `<body>` when the page took it away; set once it is mounted. */
  let keep = () => {};
  const english = inEnglish(language, config.texts);
  /** What a loaded UI chunk works from: this widget, in its language, with the site's texts applied. */
  const uiContext = ({ texts }: Pick<UiModule, 'texts'>): UiContext => ({
    doc,
    model: control().model,
    config,
    language,
    texts: withOverrides(texts, language, config.texts),
    english,
  });
  const activation = watchGated(
    doc,
    () => core.chunk('activation'),
    {
      doc,
      loader: core.loader,
      // Nothing comes alive on a page prerendered ahead of a click (as the trackers wait): it runs once shown.
      isGranted: (name) => !prerendering(doc) && grantOf(model, name),
      report: { error: (m) => console.error(m), warn: warnOnce },
      // The placeholder is UI: it comes with the UI chunk (and its "Allow" button decides).
      // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
      placeholder: (frame, names) => ui().then((m) => m && m.placeholder(uiContext(m), frame, names)),
    },
    (elements) =>
      core
        .chunk('diagnostics')
        // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
        .then((d) => d && d.reportMisgated(elements))
        .catch(failed('the markup report')),
    () => keep(),
  );
  core.activation = activation;
  whenShown(doc, () => activation.run());

  const mount = () => {
    const shell = createShell(doc, language, core.nonce, config.theme);
    const texts = withOverrides(builtIn, language, config.texts);
    const reopen = createReopenButton(shell.root, say(doc, texts.reopen, english('reopen')), () => model.open(), ui);
    const reopenButton = reopen.current;
    const banner = createBanner(
      shell.root,
      model,
      texts,
      config.policyUrl,
      reopenButton,
      () => control().model.acceptAll('banner'),
      () => control().model.rejectAll('banner'),
      ui,
      english,
    );
    /** The UI chunk was asked to mount; it has mounted (from then on it shows the preferences as they open). */
    let mounting = false;
    let mounted = false;
    let open = false;
    let opener: HTMLElement | null = null;
    const sync = () => {
      // Taken as the preferences are asked for, before anything under them goes inert and loses focus.
      if (model.isOpen() !== open) {
        open = model.isOpen();
        if (open) opener = deepActiveElement(doc);
      }
      // The banner and "Cookie settings" stay as they are, usable, until the preferences are there to cover them.
      const shown = open && mounted;
      reopen.show(showsReopenButton(model, config, shown));
      banner(shown);
      if (mounting || !open) return;
      mounting = true;
      ui()
        .then((m) => {
          if (m) {
            m.mount({
              ...uiContext(m),
              root: shell.root,
              addStyles: shell.addStyles,
              reopenButton,
              opener: () => opener,
            });
            mounted = true;
            sync();
          } else {
            // Not loaded (reported; tried again next time): nothing opens, and focus goes back where it was.
            mounting = false;
            model.close();
            // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
            if (opener && opener.isConnected && opener !== doc.body) opener.focus();
          }
        })
        .catch(failed('the preferences'));
    };
    model.subscribe(sync);
    sync();
    // A single-page app that swaps the body (Turbo) or replaces its content takes the host along: it comes back,
    // with what it showed.
    const { host } = shell.root;
    keep = () => {
      if (host.isConnected || !doc.body) return;
      // A copy the page made of it, without its shadow root (Turbo's snapshot of a page it shows again), gives way; an
      // element of the page's own that has the id (its breadcrumb) stays.
      for (const copy of doc.querySelectorAll('div#crumb[data-nosnippet]')) if (!copy.shadowRoot) copy.remove();
      doc.body.append(host);
      shell.settle();
      // Taken out, open preferences left the top layer (no longer modal, focus on <body>): modal again, focus in them
      // (closed first: showModal() throws on a dialog already open).
      const prefs = shell.root.querySelector('dialog');
      // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
      if (prefs && prefs.open) {
        prefs.close();
        prefs.showModal();
      }
      sync();
    };
    doc.addEventListener('click', (e) => {
      // Also inside the page's own web components (their open shadow roots), where `target` is the component.
      if (!e.composedPath().some((n) => n instanceof Element && n.hasAttribute('data-crumb-open'))) return;
      e.preventDefault();
      model.open();
    });
  };
  if (doc.body) mount();
  else doc.addEventListener('DOMContentLoaded', mount, { once: true });
  // After the first frame (the banner's, on a first visit), and in any case soon (a tab in the background has no
  // frames): what the start left to store is stored, the API's actions are connected. On a page prerendered ahead of
  // a click, once it is shown: a refusal recorded from a privacy signal is no visit's, nor its receipt, until then
  // (a call of the page's or a click take the control over at once all the same; another tab's decision is read then).
  whenShown(doc, () => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(control));
    setTimeout(control, 300);
  });
}
