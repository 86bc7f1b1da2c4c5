import { GATED } from './activation/selector';
import type { CrumbApi } from './api/types';
import { runningCrumb } from './api/window-global';
import { type Chunk, type ChunkLoader, type ChunkName, failed } from './chunks';
import type { ParseResult } from './config/parse-config';
import { type StartOptions, startCrumb } from './start';
import { createScriptLoader, type ScriptLoader } from './trackers/load-script';
import { builtInLanguage, pageLanguage } from './ui/texts/languages';

export interface BootOptions {
  /** Nonce of Crumb's own script tag, put on every script it injects. */
  nonce: string;
  version: string;
  /**
   * A likely first visit: the widget (with the banner the page waits for) is asked for before the core starts, so
   * its download overlaps the core's work. Left out on a returning visit, whose page fetches nothing before its
   * trackers.
   */
  early?: boolean;
  /** The script loader to use, when the page made one already (with its Trusted Types policy, made once per page). */
  loader?: ScriptLoader;
  /** What the entry read already (`StartOptions.read`). */
  read?: StartOptions['read'];
  /** Fetches a chunk (a script next to crumb.js, or a dynamic import in the ES module). */
  load: (loader: ScriptLoader) => ChunkLoader;
}

/**
 * Starts Crumb on a page unless it already runs there, then the widget, and returns the API. Chunks are loaded once,
 * on demand. Never throws: a failure is logged and the page goes on without the widget (and without trackers).
 */
export function boot(
  win: Window,
  parsed: ParseResult,
  { nonce, version, early, load, loader: made, read }: BootOptions,
): CrumbApi | undefined {
  const running = runningCrumb(win);
  if (running) {
    console.warn('Crumb: the script is included more than once on this page; the copy that loaded first is used.');
    return running;
  }
  try {
    const doc = win.document;
    const { config } = parsed;
    const loader = made || createScriptLoader(doc, win, nonce);
    const language = pageLanguage(config.lang, config.texts, doc);
    const fetchChunk = load(loader);
    const loading: Partial<Record<ChunkName, Promise<unknown>>> = {};
    /** A chunk, loaded once; `undefined` when it could not be (reported), so callers never see a rejection. */
    const chunk = <N extends ChunkName>(name: N): Promise<Chunk<N> | undefined> => {
      loading[name] =
        loading[name] ||
        fetchChunk(name, name === 'ui' || name === 'widget' ? `${name}.${builtInLanguage(language)}` : name)
          .then((c) => {
            if (c.version !== version) throw new Error(`it is version ${c.version}, not ${version}`);
            return c;
          })
          .catch((e: Error) => {
            console.error(`Crumb: a part of the widget (${name}) could not be loaded: ${e.message}.`);
            // Asked for again, it is tried again (the preferences, after a network blip).
            delete loading[name];
          });
      return loading[name] as Promise<Chunk<N> | undefined>;
    };

    if (early) chunk('widget');
    const crumb = startCrumb({ win, config, nonce, version, chunk, loader, language, read });
    // What the page needs next, all at once: the activation (gated markup is already there: the widget would only
    // ask for it a step later), the widget (with the banner), the receipts.
    if (doc.querySelector(GATED)) chunk('activation');
    chunk('widget')
      // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
      .then((w) => w && w.startWidget(crumb, w.texts))
      .catch(failed('the widget'));
    // With the widget: a receipt made as the control takes over (a refusal from a privacy signal, calls that waited)
    // is then sent at once, not a download later, which a visitor leaving at once would cut short.
    if (config.receiptUrl) chunk('receipts');
    if (parsed.problems.length)
      chunk('diagnostics')
        // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
        .then((d) => d && d.reportProblems(parsed.problems))
        .catch(failed('the configuration report'));
    return crumb.api;
  } catch (e) {
    console.error('Crumb: could not start; no tracker will load on this page', e);
    return undefined;
  }
}
