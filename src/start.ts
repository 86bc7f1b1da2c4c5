import { effect, untracked } from '@preact/signals-core';
import { createActivation } from './activation/gated-elements';
import { createPublicApi, type PublicApi, stateOf } from './api/public-api';
import { exposeGlobal } from './api/window-global';
import type { CrumbConfig } from './config/types';
import { type ConsentModel, createConsentModel, type Decision, type Grants } from './consent/consent-model';
import { type ConsentRecord, createConsentId } from './consent/consent-record';
import { signalOutcome } from './consent/privacy-policy';
import { readPrivacySignals } from './privacy/read-privacy-signals';
import { clearCookies } from './storage/clear-cookies';
import { createConsentStorage } from './storage/consent-storage';
import { cookieStore } from './storage/cookie-store';
import { localMirror } from './storage/local-mirror';
import { createScriptLoader } from './trackers/load-script';
import { createTrackers } from './trackers/registry';
import type { TrackerContext, TrackerWindow } from './trackers/types';

export interface StartOptions {
  win: Window;
  config: CrumbConfig;
  /** Nonce of Crumb's own script tag, put on every script it injects. */
  nonce: string;
  version: string;
}

export interface Crumb {
  api: PublicApi;
  model: ConsentModel;
  config: CrumbConfig;
}

/**
 * Starts Crumb on a page: reads the stored decision and the privacy signals, builds the model, and wires every
 * reaction to it in one place, in a fixed order (store → Consent Mode → dataLayer → trackers → gated elements →
 * events → reload). The UI is mounted separately (see `ui/mount.ts`).
 */
export function startCrumb({ win, config, nonce, version }: StartOptions): Crumb {
  const doc = win.document;
  const now = () => Date.now();
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
  const newId = () => createConsentId(win.crypto);
  const warnOnce = (() => {
    const said = new Set<string>();
    return (message: string) => {
      if (said.has(message)) return;
      said.add(message);
      console.warn(message);
    };
  })();

  const stored = storage.load(now());
  if (stored.warning) warnOnce(stored.warning);
  let initial: ConsentRecord | undefined = stored.record;
  const outcome = signalOutcome(stored.record, signals, config.privacySignals);
  if (outcome === 'ask') initial = undefined;
  if (outcome === 'refuse') {
    initial = {
      id: newId(),
      time: now(),
      revision: config.revision,
      categories: { analytics: false, marketing: false },
      services: [],
      source: 'signal',
    };
    storage.save(initial, now());
  }

  const model = createConsentModel({ services, revision: config.revision, signals, now, newId }, initial);
  const loader = createScriptLoader(doc, win, nonce);
  const ctx: TrackerContext = { win: win as TrackerWindow, load: loader.load };
  for (const t of trackers) t.init?.(ctx);

  const api = createPublicApi(model, config.revision, version);
  const state = () => stateOf(model, config.revision);
  const isGranted = (name: string): boolean | undefined => {
    const { categories, services: granted } = model.grants.peek();
    if (name in granted) return granted[name];
    return name === 'necessary' || name === 'analytics' || name === 'marketing' ? categories[name] : undefined;
  };
  const activation = createActivation(doc, loader, isGranted, (m) => console.error(m));
  const started = new Set<string>();

  const runQueue = exposeGlobal(win, api);
  win.dispatchEvent(new CustomEvent('crumb:ready', { detail: state() }));

  let previous: Decision | undefined = model.decision.peek();
  let previousGrants: Grants = model.grants.peek();
  let first = true;
  const react = (decision: Decision | undefined, grants: Grants) => {
    if (!first && decision === previous) return;
    const changed = !first;
    const hadDecision = !!previous;
    first = false;
    previous = decision;
    const before = previousGrants;
    previousGrants = grants;

    if (decision?.origin === 'local' && !storage.save(decision.record, now()))
      warnOnce('Crumb: this browser refuses cookies and localStorage here; the choice holds for this page only.');
    if (!decision && hadDecision) storage.clear();

    const withdrawnServices = services.filter((s) => before.services[s.id] && !grants.services[s.id]);
    const withdrawnCategories = (['analytics', 'marketing'] as const).filter(
      (c) => before.categories[c] && !grants.categories[c],
    );

    if (decision || hadDecision) for (const t of trackers) t.update?.(ctx, grants);
    const layer = (win as TrackerWindow).dataLayer;
    if (decision && Array.isArray(layer)) layer.push(dataLayerEvent(grants, decision));

    let reload = false;
    for (const s of withdrawnServices) {
      const tracker = trackers.find((t) => t.service === s);
      if (tracker && started.has(s.id)) {
        tracker.stop?.(ctx);
        reload = true;
      }
      if (activation.activated(s.id)) reload = true;
      clearCookies(doc, win.location.hostname, s.cookies);
    }
    if (withdrawnCategories.some((c) => activation.activated(c))) reload = true;

    for (const t of trackers) {
      if (grants.services[t.service.id] && !started.has(t.service.id)) {
        started.add(t.service.id);
        t.start(ctx);
      }
    }
    activation.run();

    if (changed) {
      const detail = state();
      win.dispatchEvent(new CustomEvent('crumb:change', { detail }));
      api.notify(detail);
    }
    if (reload && config.reloadOnWithdraw) win.location.reload();
  };
  effect(() => {
    const decision = model.decision.value;
    const grants = model.grants.value;
    untracked(() => react(decision, grants));
  });

  // Another tab decided: take its decision (it stored it already).
  try {
    mirror.watch((raw) => model.adopt(storage.parse(raw, now()).record));
  } catch {
    // No storage events in this frame; tabs cannot be kept in step.
  }

  runQueue();
  return { api, model, config };
}

/** The tag-manager event pushed on every decision. */
function dataLayerEvent(grants: Grants, decision: Decision) {
  const granted = (v: boolean) => (v ? 'granted' : 'denied');
  return {
    event: 'crumb_consent',
    crumb_analytics: granted(grants.categories.analytics),
    crumb_marketing: granted(grants.categories.marketing),
    crumb_services: Object.keys(grants.services)
      .filter((id) => grants.services[id])
      .join(','),
    crumb_consent_id: decision.record.id,
    crumb_source: decision.record.source,
  };
}
