import type { CrumbApi } from './api/types';
import { runningCrumb } from './api/window-global';
import type { ParseResult } from './config/parse-config';
import { startCrumb } from './start';
import { mountUi } from './ui/mount';

/** Prints configuration problems once each, errors as errors. */
export function report({ problems }: Pick<ParseResult, 'problems'>): void {
  for (const p of problems) (p.level === 'error' ? console.error : console.warn)(p.message);
}

/**
 * Starts Crumb on a page unless it already runs there, mounts the UI once the body exists, and returns the API.
 * Never throws: a failure is logged and the page goes on without the widget (and without trackers).
 */
export function boot(win: Window, parsed: ParseResult, nonce: string, version: string): CrumbApi | undefined {
  const running = runningCrumb(win);
  if (running) {
    console.warn('Crumb: the script is included more than once on this page; the copy that loaded first is used.');
    return running;
  }
  try {
    report(parsed);
    const crumb = startCrumb({ win, config: parsed.config, nonce, version });
    const doc = win.document;
    const mount = () => {
      try {
        mountUi({ doc, crumb, nonce });
      } catch (e) {
        console.error('Crumb: the consent banner could not be shown', e);
      }
    };
    if (doc.body) mount();
    else doc.addEventListener('DOMContentLoaded', mount, { once: true });
    return crumb.api;
  } catch (e) {
    console.error('Crumb: could not start; no tracker will load on this page', e);
    return undefined;
  }
}
