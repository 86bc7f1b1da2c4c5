import type { Activation } from './activation/gated-elements';
import { type ApiHandle, createPublicApi } from './api/public-api';
import type { CrumbApi } from './api/types';
import { exposeGlobal } from './api/window-global';
import { type Chunk, type ChunkName, failed } from './chunks';
import type { CrumbConfig } from './config/types';
import { type ConsentRecord, createConsentId } from './consent/consent-record';
import type { Decision, Grants } from './consent/model-state';
import { callEach, createModelState, type ModelState } from './consent/model-state';
import { type SignalOutcome, signalOutcome } from './consent/privacy-policy';
import type { Crumb } from './control';
import { prerendering, whenShown } from './prerender';
import { type PrivacySignals, readPrivacySignals } from './privacy/read-privacy-signals';
import { readCookie } from './storage/cookie-store';
import { type RecordReader, readDecision, recordReader, type StoredProblem } from './storage/read-decision';
import { STORAGE_KEY } from './storage/types';
import { pushDecisionEvent } from './trackers/data-layer';
import type { ScriptLoader } from './trackers/load-script';
import { createTrackers } from './trackers/registry';
import type { Tracker, TrackerContext, TrackerWindow } from './trackers/types';

export interface StartOptions {
  win: Window;
  config: CrumbConfig;
  /** Nonce of Crumb's own script tag, put on every script it injects. */
  nonce: string;
  version: string;
  /** A chunk, loaded on first use (never rejects: a failure is reported and gives `undefined`). */
  chunk: <N extends ChunkName>(name: N) => Promise<Chunk<N> | undefined>;
  /** The only script injector (nonce, Trusted Types policy `crumb`). */
  loader: ScriptLoader;
  /** The UI language, also named in receipts. */
  language: string;
  /**
   * What the script tag's entry read as it ran, each read again being one more call into the browser before the banner
   * or the trackers (3–20 ms at 4× CPU throttling): the privacy signals (they hold for the page), and the consent
   * cookie's value when the core starts in that same task. A core that starts once the page is parsed reads the cookie
   * again: another tab may have decided (or withdrawn) meanwhile, and no tracker may start on a decision that no
   * longer holds.
   */
  read?: [PrivacySignals] | [PrivacySignals, string | undefined];
}

/** The running core, as the widget chunk takes it over. */
export interface Core extends StartOptions, Omit<ApiHandle, 'api'> {
  api: CrumbApi;
  model: ModelState;
  trackers: Tracker[];
  ctx: TrackerContext;
  /** Services whose tracker has started on this page. */
  started: Set<string>;
  /** Decodes and encodes records under the site's revision and expiry. */
  reader: RecordReader;
  /** The consent cookie's value as stored (`readCookie`), for the widget's cookie store: of this page, or of `jar`. */
  readCookie(jar?: Pick<Document, 'cookie'>): string | undefined;
  newId(): string;
  /**
   * Consent Mode's update with what is granted now (`undefined` after a reset: all denied, as before a decision), and
   * the tag-manager event for a decision.
   */
  update(decision: Decision | undefined, grants?: Grants): void;
  /**
   * Starts each granted tracker that has not started on this page; one that has, and that `before` did not grant
   * (withdrawn, then granted again without a reload), resumes.
   */
  startGranted(grants: Grants, before?: Grants): void;
  /** Why a stored record that was there is not used, for the widget's one warning. */
  problem?: StoredProblem;
  /** A refusal recorded from a privacy signal as the page started: the control stores it and sends its receipt. */
  recordedAtStart?: ConsentRecord;
  /** Consent ID of the valid record read at start, if any: the control tells from it whether another tab has decided. */
  readId?: string;
  /**
   * What this page's privacy signals and mode make of a stored record (`signalOutcome`): the rule the core applies at
   * start, which the control applies again to a record another tab stores, so the page takes it as if it had read it.
   */
  outcomeOf(record: ConsentRecord | undefined): SignalOutcome;
  /**
   * The control (`control.ts`, in the widget chunk, which the core loads once its trackers are under way): what
   * decides, stores and reacts, taking this core over. An API call made before it is there waits for it.
   * `undefined` when it could not be loaded.
   */
  control(): Promise<Crumb | undefined>;
  /** The page's gated markup, once the widget watches it. */
  activation?: Activation;
}

/**
 * Everything a returning visit needs before its trackers load, and nothing more: reads the privacy signals and the
 * stored decision (without writing), builds the model's state, sets Consent Mode's default, exposes the API, fires
 * `crumb:ready`, then starts what the decision grants. Deciding, storing, withdrawing, receipts, the other tabs and
 * everything the visitor sees come after, with the widget chunk (`shell/widget.ts`), which takes this core over.
 */
export function startCrumb(options: StartOptions): Core {
  const { win, config, chunk, read } = options;
  const doc = win.document;
  const now = Date.now();
  const signals = read ? read[0] : readPrivacySignals(win);
  const trackers = createTrackers(config);
  const { revision } = config;
  const reader = recordReader(revision, config.expiryDays);
  const newId = () => createConsentId(win.crypto);
  const cookie = (jar: Pick<Document, 'cookie'> = doc) => readCookie(jar);
  const stored = readDecision(
    read && read.length > 1 ? () => read[1] : cookie,
    () => win.localStorage.getItem(STORAGE_KEY) || undefined,
    reader,
    now,
  );
  const outcomeOf = (record: ConsentRecord | undefined) => signalOutcome(record, signals, config.privacySignals);
  const outcome = outcomeOf(stored.record);
  const recordedAtStart: ConsentRecord | undefined =
    outcome === 'refuse'
      ? {
          id: newId(),
          // Whole seconds, as it is stored: the next page tells the same time.
          time: now - (now % 1e3),
          revision,
          categories: { analytics: false, marketing: false },
          services: [],
          source: 'signal',
        }
      : undefined;

  const model = createModelState(
    [...trackers.map((t) => t.service), ...config.services],
    signals,
    outcome === 'keep' ? stored.record : recordedAtStart,
  );
  const ctx: TrackerContext = { win: win as TrackerWindow, load: options.loader.load };
  /**
   * Runs one step per tracker that calls into the page (its own `gtag` or `dataLayer`, a vendor's queue): one that
   * throws is reported and the others, and everything after them, still run.
   */
  const guard = (steps: (() => unknown)[]) =>
    callEach(steps, "a call into the page's gtag, dataLayer or a vendor's queue failed; the rest went on");
  const each = (step: (t: Tracker) => unknown) => guard(trackers.map((t) => () => step(t)));
  // Consent Mode's default goes first, before anything else can read consent.
  // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
  each((t) => t.init && t.init(ctx));

  let taking: Promise<Crumb | undefined> | undefined;
  // The core it takes over is read only once the widget chunk has arrived (after `startCrumb` has returned).
  const control = (): Promise<Crumb | undefined> =>
    (taking =
      taking ||
      (chunk('widget')
        .then((w) => {
          // Not loaded (reported): asked for again, it is tried again.
          if (!w) taking = undefined;
          // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
          return w && w.takeOver(core);
        })
        // `failed` gives `undefined`: the control, when it could not be had.
        .catch(failed('the control')) as Promise<Crumb | undefined>));
  const handle = createPublicApi(model, revision, options.version, control);
  const { api } = handle;
  const runQueue = exposeGlobal(win, api);
  win.dispatchEvent(new CustomEvent('crumb:ready', { detail: api.get() }));

  const started = new Set<string>();
  const update = (decision: Decision | undefined, grants?: Grants) => {
    // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
    each((t) => t.update && t.update(ctx, grants));
    if (decision) guard([() => pushDecisionEvent(win as TrackerWindow, grants as Grants, decision)]);
  };
  const startGranted = (grants: Grants, before?: Grants): void => {
    // A page prerendered ahead of a click (Speculation Rules) may never be seen: the visitor has not visited it, so its
    // trackers wait until it is shown, and then start what is granted by then (once: `started` holds them).
    if (prerendering(doc)) {
      whenShown(doc, () => startGranted(model.grants()));
      return;
    }
    each((t) => {
      const id = t.service.id;
      if (!grants.services[id]) return;
      if (!started.has(id)) {
        started.add(id);
        t.start(ctx);
      } else if (before && !before.services[id] && t.resume) t.resume(ctx);
    });
  };
  // A decision known at start: Consent Mode's update, the tag-manager event, then what it grants.
  const decision = model.decision();
  if (decision) {
    update(decision, model.grants());
    startGranted(model.grants());
  }
  const core: Core = {
    ...options,
    ...handle,
    model,
    trackers,
    ctx,
    started,
    reader,
    readCookie: cookie,
    newId,
    update,
    startGranted,
    problem: stored.problem,
    recordedAtStart,
    // biome-ignore lint/complexity/useOptionalChain: shorter than `?.` once built for ES2019, in the core
    readId: stored.record && stored.record.id,
    outcomeOf,
    control,
  };
  runQueue();
  return core;
}
