import type { CrumbApi } from './api/types';
import { runningCrumb } from './api/window-global';
import type { Chunk, ChunkLoader, ChunkName } from './chunks';
import type { ParseResult } from './config/parse-config';
import { startCrumb } from './start';
import type { ScriptLoader } from './trackers/load-script';
import { builtInLanguage } from './ui/texts/languages';

export interface BootOptions {
  /** Nonce of Crumb's own script tag, put on every script it injects. */
  nonce: string;
  version: string;
  /** Fetches a chunk (a script next to crumb.js, or a dynamic import in the ES module). */
  load: (loader: ScriptLoader) => ChunkLoader;
}

/**
 * Starts Crumb on a page unless it already runs there, shows the widget once the body exists, and returns the API.
 * Never throws: a failure is logged and the page goes on without the widget (and without trackers).
 */
export function boot(win: Window, parsed: ParseResult, { nonce, version, load }: BootOptions): CrumbApi | undefined {
  const running = runningCrumb(win);
  if (running) {
    console.warn('Crumb: the script is included more than once on this page; the copy that loaded first is used.');
    return running;
  }
  try {
    const loading: Partial<Record<ChunkName, Promise<unknown>>> = {};
    /** A chunk, loaded once; `undefined` when it could not be (reported), so callers never see a rejection. */
    const chunk = <N extends ChunkName>(name: N): Promise<Chunk<N> | undefined> => {
      if (!loading[name])
        // A microtask later: a gated iframe may ask for its placeholder while `startCrumb` is still running.
        loading[name] = Promise.resolve()
          .then(() => load(crumb.loader)(name, name === 'ui' ? `ui.${builtInLanguage(crumb.language)}` : name))
          .then((c) => {
            if (c.version !== version) throw new Error(`it is version ${c.version}, not ${version}`);
            return c;
          })
          .catch((e: Error) => {
            console.error(`Crumb: a part of the widget (${name}) could not be loaded: ${e.message}.`);
          });
      return loading[name] as Promise<Chunk<N> | undefined>;
    };

    const crumb = startCrumb({ win, config: parsed.config, nonce, version, chunk });
    // A first visit's banner must not wait: the UI chunk loads at once, in parallel with the widget chunk.
    if (!crumb.model.decision()) chunk('ui');
    chunk('widget').then((w) => w?.startWidget(crumb));
    if (parsed.problems.length) chunk('diagnostics').then((d) => d?.reportProblems(parsed.problems));
    return crumb.api;
  } catch (e) {
    console.error('Crumb: could not start; no tracker will load on this page', e);
    return undefined;
  }
}
