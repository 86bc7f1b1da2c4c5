import type { Activation } from './activation/gated-elements';
import { createPublicApi, type PublicApi } from './api/public-api';
import { exposeGlobal } from './api/window-global';
import { type Chunk, type ChunkName, failed } from './chunks';
import type { CrumbConfig } from './config/types';
import { type ConsentModel, createConsentModel } from './consent/consent-model';
import { type ConsentRecord, createConsentId } from './consent/consent-record';
import { signalOutcome } from './consent/privacy-policy';
import { readPrivacySignals } from './privacy/read-privacy-signals';
import { createReactions } from './reactions';
import type { DecisionFacts } from './receipts/send-receipt';
import { type ConsentStorage, createConsentStorage } from './storage/consent-storage';
import { cookieStore } from './storage/cookie-store';
import { localMirror } from './storage/local-mirror';
import type { ScriptLoader } from './trackers/load-script';
import { createTrackers } from './trackers/registry';
import type { TrackerWindow } from './trackers/types';

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
}

/** The running core, as its chunks see it. */
export interface Crumb extends Pick<StartOptions, 'win' | 'config' | 'nonce' | 'chunk' | 'loader' | 'language'> {
  api: PublicApi;
  model: ConsentModel;
  storage: ConsentStorage;
  now(): number;
  warnOnce(message: string): void;
  /** The page's gated markup, once the widget chunk watches it. */
  activation?: Activation;
  /**
   * A decision's receipt (with `data-receipt-url`): sent by the widget chunk, which carries the sender, at once once
   * it has started; a decision made before (an API call as the page loads, a refusal recorded from a privacy signal)
   * waits for it in a queue.
   */
  receipt(facts: DecisionFacts): void;
  /** Called by the widget chunk as it starts: sends what waited, and every receipt from then on. */
  sendReceiptsWith(send: (facts: DecisionFacts) => void): void;
  /** Runs `fn` (the reload after a withdrawal) once no receipt waits: at once, or when the widget has sent them. */
  afterReceipts(fn: () => void): void;
}

/**
 * Starts Crumb on a page, everything a returning visit needs before its trackers load: reads the privacy signals
 * and the stored decision, builds the model, sets Consent Mode's default, exposes the API, fires `crumb:ready`,
 * then connects the reactions (`reactions.ts`), which start what is granted. What the visitor sees comes after, from
 * the widget chunk.
 */
export function startCrumb({ win, config, nonce, version, chunk, loader, language }: StartOptions): Crumb {
  const doc = win.document;
  const { hostname, protocol } = win.location;
  const now = () => Date.now();
  const newId = () => createConsentId(win.crypto);
  const said = new Set<string>();
  const warnOnce = (message: string) => {
    if (!said.has(message)) console.warn(message);
    said.add(message);
  };

  const signals = readPrivacySignals(win);
  const trackers = createTrackers(config);
  const services = [...trackers.map((t) => t.service), ...config.services];
  const { revision } = config;
  const storage = createConsentStorage(
    cookieStore(doc, { domain: config.cookieDomain, secure: protocol === 'https:', hostname }),
    localMirror(win),
    revision,
    config.expiryDays,
    // Subdomains share the cookie, not their mirrors: a reset leaves its mark in the cookie.
    !!config.cookieDomain,
  );

  const stored = storage.load(now());
  const { problem } = stored;
  // One warning says why the banner asks again; its sentence comes with the diagnostics chunk.
  if (problem)
    chunk('diagnostics')
      .then((d) => d?.warnStoredProblem(problem))
      .catch(failed('the stored consent warning'));
  const outcome = signalOutcome(stored.record, signals, config.privacySignals);
  let initial: ConsentRecord | undefined = outcome === 'keep' ? stored.record : undefined;
  if (outcome === 'refuse') {
    initial = {
      id: newId(),
      time: now(),
      revision,
      categories: { analytics: false, marketing: false },
      services: [],
      source: 'signal',
    };
    storage.save(initial, now());
  }

  const model = createConsentModel({ services, revision, signals, now, newId }, initial);
  const ctx = { win: win as TrackerWindow, load: loader.load };
  // Consent Mode's default goes first, before anything else can read consent.
  for (const t of trackers) t.init?.(ctx);

  const api = createPublicApi(model, revision, version);
  const waiting: DecisionFacts[] = [];
  let send: ((facts: DecisionFacts) => void) | undefined;
  let then: (() => void) | undefined;
  const crumb: Crumb = {
    win,
    config,
    nonce,
    chunk,
    api,
    model,
    storage,
    loader,
    language,
    now,
    warnOnce,
    receipt: (facts) => (send ? send(facts) : waiting.push(facts)),
    sendReceiptsWith(sender) {
      send = sender;
      for (const facts of waiting.splice(0)) sender(facts);
      then?.();
      then = undefined;
    },
    afterReceipts(fn) {
      if (send || !waiting.length) return fn();
      then = fn;
      // A widget that cannot be loaded sends nothing: the page goes on without waiting for it.
      chunk('widget').then((w) => w || crumb.sendReceiptsWith(() => {}));
    },
  };

  const runQueue = exposeGlobal(win, api);
  win.dispatchEvent(new CustomEvent('crumb:ready', { detail: api.get() }));
  const react = createReactions(crumb, trackers, ctx, outcome === 'refuse' ? initial?.id : undefined);
  const sync = () => react(model.decision(), model.grants());
  model.subscribe(sync);
  sync();
  runQueue();
  return crumb;
}
