import type { CrumbApi } from './api/types';
import { runningCrumb } from './api/window-global';
import type { ParseResult } from './config/parse-config';
import { startWidget } from './shell/widget';
import { startCrumb } from './start';
import type { ScriptLoader } from './trackers/load-script';
import type { UiModule } from './ui/contract';
import { builtInLanguage } from './ui/texts/languages';

/** Prints configuration problems once each, errors as errors. */
export function report({ problems }: Pick<ParseResult, 'problems'>): void {
  for (const p of problems) (p.level === 'error' ? console.error : console.warn)(p.message);
}

export interface BootOptions {
  /** Nonce of Crumb's own script tag, put on every script it injects. */
  nonce: string;
  version: string;
  /** Fetches the UI chunk of a built-in language (a script next to crumb.js, or a dynamic import). */
  loadUi: (lang: string, loader: ScriptLoader) => Promise<UiModule>;
}

/**
 * Starts Crumb on a page unless it already runs there, shows the widget once the body exists, and returns the API.
 * Never throws: a failure is logged and the page goes on without the widget (and without trackers).
 */
export function boot(win: Window, parsed: ParseResult, { nonce, version, loadUi }: BootOptions): CrumbApi | undefined {
  const running = runningCrumb(win);
  if (running) {
    console.warn('Crumb: the script is included more than once on this page; the copy that loaded first is used.');
    return running;
  }
  try {
    report(parsed);
    let loading: Promise<UiModule | undefined> | undefined;
    const ui = () => {
      // A microtask later: a gated iframe may ask for its placeholder while `startCrumb` is still running.
      loading ??= Promise.resolve()
        .then(() => loadUi(builtInLanguage(crumb.language), crumb.loader))
        .then((m) => {
          if (m.version !== version) throw new Error(`it is version ${m.version}, not ${version}`);
          return m;
        })
        .catch((e: Error) => {
          console.error(`Crumb: the consent banner could not be loaded (${e.message}); nothing optional loads.`);
          return undefined;
        });
      return loading;
    };
    const crumb = startCrumb({ win, config: parsed.config, nonce, version, ui });
    startWidget({ doc: win.document, crumb, nonce, ui });
    return crumb.api;
  } catch (e) {
    console.error('Crumb: could not start; no tracker will load on this page', e);
    return undefined;
  }
}
