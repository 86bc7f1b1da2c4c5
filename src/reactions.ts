import type { Activation } from './activation/gated-elements';
import type { PublicApi } from './api/public-api';
import type { CrumbState } from './api/types';
import type { CrumbConfig } from './config/types';
import type { ConsentModel, Decision, Grants } from './consent/consent-model';
import { buildReceipt, receiptType } from './receipts/build-receipt';
import { sendReceipt } from './receipts/send-receipt';
import { clearCookies } from './storage/clear-cookies';
import type { ConsentStorage } from './storage/consent-storage';
import type { Tracker, TrackerContext, TrackerWindow } from './trackers/types';

export interface ReactionDeps {
  win: Window;
  config: CrumbConfig;
  model: ConsentModel;
  storage: ConsentStorage;
  trackers: Tracker[];
  ctx: TrackerContext;
  activation: Activation;
  api: PublicApi;
  state: () => CrumbState;
  language: string;
  version: string;
  now: () => number;
  newId: () => string;
  warnOnce: (message: string) => void;
  /** Id of a record made while starting (a refusal from a privacy signal), which gets a receipt too. */
  recordedAtStart?: string;
}

/**
 * Everything that follows a decision, in the order the contract needs: store it → Consent Mode update → dataLayer
 * event → stop and clean up what was withdrawn → start what is newly granted → gated page elements → events → receipt
 * → reload after a withdrawal. Returns the function to call on each change (the first call is the page's start).
 */
export function createReactions(deps: ReactionDeps) {
  const { win, config, model, storage, trackers, ctx, activation, api, now } = deps;
  const doc = win.document;
  const services = model.services;
  const started = new Set<string>();
  let previous: Decision | undefined;
  let previousGrants: Grants | undefined;

  const receipt = (decision: Decision | undefined, before: Grants, after: Grants) => {
    if (!config.receiptUrl) return;
    const forgotten = !decision;
    const record = decision?.record;
    const source = record?.source ?? 'api';
    sendReceipt(
      config.receiptUrl,
      buildReceipt({
        // A reset has no record: it goes under the consent ID the model gave it.
        id: record?.id ?? model.lastId() ?? deps.newId(),
        previousId: forgotten ? previous?.record.id : decision.previousId,
        type: forgotten ? 'reset' : receiptType(before, after, source),
        time: record?.time ?? now(),
        state: deps.state(),
        source,
        language: deps.language,
        location: win.location,
        version: deps.version,
      }),
      win.navigator,
      typeof win.fetch === 'function' ? win.fetch.bind(win) : undefined,
    );
  };

  return (decision: Decision | undefined, grants: Grants) => {
    const first = previousGrants === undefined;
    if (!first && decision === previous) return;
    const before = previousGrants ?? grants;
    const hadDecision = !!previous;
    const local = model.lastOrigin() === 'local';

    if (decision?.origin === 'local' && !storage.save(decision.record, now()))
      deps.warnOnce('Crumb: this browser refuses cookies and localStorage here; the choice holds for this page only.');
    if (!decision && hadDecision && local) storage.clear();

    if (decision || hadDecision) for (const t of trackers) t.update?.(ctx, grants);
    const layer = (win as TrackerWindow).dataLayer;
    if (decision && Array.isArray(layer)) layer.push(dataLayerEvent(grants, decision));

    let reload = false;
    for (const s of services) {
      if (!before.services[s.id] || grants.services[s.id]) continue;
      const tracker = trackers.find((t) => t.service === s);
      if (tracker && started.has(s.id)) {
        tracker.stop?.(ctx);
        reload = true;
      }
      if (activation.activated(s.id)) reload = true;
      try {
        clearCookies(doc, win.location.hostname, s.cookies);
      } catch {
        // Cookies are blocked here: there is nothing of the vendor's to delete either.
      }
    }
    if (
      (['analytics', 'marketing'] as const).some(
        (c) => before.categories[c] && !grants.categories[c] && activation.activated(c),
      )
    )
      reload = true;

    for (const t of trackers) {
      if (grants.services[t.service.id] && !started.has(t.service.id)) {
        started.add(t.service.id);
        t.start(ctx);
      }
    }
    activation.run();

    if (!first) {
      const detail = deps.state();
      win.dispatchEvent(new CustomEvent('crumb:change', { detail }));
      api.notify(detail);
    }
    // Receipts come from the tab where the decision was made, never from the tabs that follow it.
    const made = decision
      ? decision.origin === 'local' || decision.record.id === deps.recordedAtStart
      : hadDecision && local;
    if (made) receipt(decision, before, grants);

    previous = decision;
    previousGrants = grants;
    if (reload && config.reloadOnWithdraw) win.location.reload();
  };
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
