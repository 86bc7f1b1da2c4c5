import { createActivation } from './activation/gated-elements';
import { createPublicApi, type PublicApi, stateOf } from './api/public-api';
import { exposeGlobal } from './api/window-global';
import type { CrumbConfig } from './config/types';
import { type ConsentModel, createConsentModel } from './consent/consent-model';
import { type ConsentRecord, createConsentId } from './consent/consent-record';
import { signalOutcome } from './consent/privacy-policy';
import { readPrivacySignals } from './privacy/read-privacy-signals';
import { createReactions } from './reactions';
import { createConsentStorage } from './storage/consent-storage';
import { cookieStore } from './storage/cookie-store';
import { localMirror } from './storage/local-mirror';
import { createScriptLoader, type ScriptLoader } from './trackers/load-script';
import { createTrackers } from './trackers/registry';
import type { TrackerContext, TrackerWindow } from './trackers/types';
import type { UiContext, UiModule } from './ui/contract';
import { availableLanguages, pickLanguage, withOverrides } from './ui/texts/languages';

export interface StartOptions {
  win: Window;
  config: CrumbConfig;
  /** Nonce of Crumb's own script tag, put on every script it injects. */
  nonce: string;
  version: string;
  /** The UI chunk, loaded on first use (never rejects: a failure is reported and gives `undefined`). */
  ui: () => Promise<UiModule | undefined>;
}

export interface Crumb {
  api: PublicApi;
  model: ConsentModel;
  config: CrumbConfig;
  /** The UI language, also named in receipts. */
  language: string;
  loader: ScriptLoader;
  /** What a loaded UI chunk works from: this widget, in its language, with the site's texts applied. */
  uiContext(ui: UiModule): UiContext;
}

/**
 * Starts Crumb on a page: reads the stored decision and the privacy signals, builds the model, exposes the API,
 * then connects the reactions (see `reactions.ts`). The UI is mounted separately (see `ui/mount.tsx`).
 */
export function startCrumb({ win, config, nonce, version, ui }: StartOptions): Crumb {
  const doc = win.document;
  const now = () => Date.now();
  const newId = () => createConsentId(win.crypto);
  const said = new Set<string>();
  const warnOnce = (message: string) => {
    if (said.has(message)) return;
    said.add(message);
    console.warn(message);
  };

  const signals = readPrivacySignals(win as unknown as Parameters<typeof readPrivacySignals>[0]);
  const trackers = createTrackers(config);
  const services = [...trackers.map((t) => t.service), ...config.services];
  const mirror = localMirror(win);
  const storage = createConsentStorage(
    cookieStore({ domain: config.cookieDomain, secure: win.location.protocol === 'https:' }),
    mirror,
    config.revision,
    config.expiryDays,
  );

  const stored = storage.load(now());
  if (stored.warning) warnOnce(stored.warning);
  let initial: ConsentRecord | undefined;
  let recordedAtStart: string | undefined;
  switch (signalOutcome(stored.record, signals, config.privacySignals)) {
    case 'keep':
      initial = stored.record;
      break;
    case 'refuse':
      initial = {
        id: newId(),
        time: now(),
        revision: config.revision,
        categories: { analytics: false, marketing: false },
        services: [],
        source: 'signal',
      };
      recordedAtStart = initial.id;
      storage.save(initial, now());
      break;
  }

  const model = createConsentModel({ services, revision: config.revision, signals, now, newId }, initial);
  const loader = createScriptLoader(doc, win, nonce);
  const ctx: TrackerContext = { win: win as TrackerWindow, load: loader.load };
  // Consent Mode's default goes first, before anything else can read consent.
  for (const t of trackers) t.init?.(ctx);

  const api = createPublicApi(model, config.revision, version);
  const state = () => stateOf(model, config.revision);
  const isGranted = (name: string): boolean | undefined => {
    const { categories, services: granted } = model.grants();
    if (name in granted) return granted[name];
    return name === 'necessary' || name === 'analytics' || name === 'marketing' ? categories[name] : undefined;
  };
  const language = pickLanguage(
    [config.lang, doc.documentElement.lang, win.navigator.language],
    availableLanguages(config.texts),
  );
  const uiContext = (m: UiModule): UiContext => ({
    doc,
    model,
    config,
    language,
    texts: withOverrides(m.texts, language, config.texts),
  });
  const activation = createActivation({
    doc,
    loader,
    isGranted,
    report: { error: (m) => console.error(m), warn: warnOnce },
    // The placeholder is UI: it comes with the UI chunk; the iframe is hidden meanwhile.
    placeholder: (frame, names) => ui().then((m) => m?.placeholder(uiContext(m), frame, names)),
  });

  const runQueue = exposeGlobal(win, api);
  win.dispatchEvent(new CustomEvent('crumb:ready', { detail: state() }));

  const react = createReactions({
    win,
    config,
    model,
    storage,
    trackers,
    ctx,
    activation,
    api,
    state,
    language,
    version,
    now,
    newId,
    warnOnce,
    recordedAtStart,
  });
  const sync = () => react(model.decision(), model.grants());
  model.subscribe(sync);
  sync();

  // Another tab decided: take its decision (that tab stored it and sent its receipt).
  mirror.watch((raw) => model.adopt(storage.parse(raw, now()).record));

  runQueue();
  return { api, model, config, language, loader, uiContext };
}
