import { OPTIONAL_CATEGORIES } from './consent/categories';
import type { Decision, Grants } from './consent/consent-model';
import type { Crumb } from './start';
import { clearCookies } from './storage/clear-cookies';
import type { Tracker, TrackerContext, TrackerWindow } from './trackers/types';

/**
 * Everything that follows a decision, in the order the contract needs: store it → Consent Mode update → dataLayer
 * event → stop and clean up what was withdrawn → start what is newly granted → gated page elements → events →
 * receipt → reload after a withdrawal. Returns the function to call on each change (the first call is the page's
 * start). `recordedAtStart` is the id of a refusal recorded from a privacy signal, which gets a receipt too.
 */
export function createReactions(crumb: Crumb, trackers: Tracker[], ctx: TrackerContext, recordedAtStart?: string) {
  const { win, config, model, storage, api, now } = crumb;
  const started = new Set<string>();
  let previous: Decision | undefined;
  let previousGrants: Grants | undefined;

  return (decision: Decision | undefined, grants: Grants) => {
    const first = !previousGrants;
    if (!first && decision === previous) return;
    const before = previousGrants ?? grants;
    const hadDecision = !!previous;
    const local = model.lastOrigin() === 'local';
    const activated = (name: string) => !!crumb.activation?.activated(name);

    const saved = decision?.origin === 'local' && storage.save(decision.record, now());
    if (saved === 'refused')
      crumb.warnOnce('Crumb: this browser refuses cookies and localStorage here; the choice holds for this page only.');
    if (saved === 'too-long')
      console.error(
        'Crumb: this choice is over 300 characters stored (revision label, services granted one by one); it holds for this page only.',
      );
    if (!decision && hadDecision && local) storage.clear();

    if (decision || hadDecision) for (const t of trackers) t.update?.(ctx, grants);
    const layer = (win as TrackerWindow).dataLayer;
    if (decision && Array.isArray(layer)) layer.push(dataLayerEvent(grants, decision));

    let reload = OPTIONAL_CATEGORIES.some((c) => before.categories[c] && !grants.categories[c] && activated(c));
    for (const s of model.services) {
      if (!before.services[s.id] || grants.services[s.id]) continue;
      const tracker = trackers.find((t) => t.service === s);
      if ((tracker && started.has(s.id)) || activated(s.id)) reload = true;
      if (started.has(s.id)) tracker?.stop?.(ctx);
      try {
        clearCookies(win.document, win.location, s.cookies);
      } catch {
        // Cookies are blocked here: there is nothing of the vendor's to delete either.
      }
    }

    for (const t of trackers) {
      const id = t.service.id;
      if (!grants.services[id]) continue;
      if (started.has(id)) {
        // Started, then withdrawn on this page (no reload): granted again, it resumes rather than starts twice.
        if (!before.services[id]) t.resume?.(ctx);
      } else {
        started.add(id);
        t.start(ctx);
      }
    }
    crumb.activation?.run();

    const state = api.get();
    if (!first) {
      win.dispatchEvent(new CustomEvent('crumb:change', { detail: state }));
      api.notify(state);
    }
    // Receipts come from the tab where the decision was made, never from the tabs that follow it.
    const made = decision
      ? decision.origin === 'local' || decision.record.id === recordedAtStart
      : hadDecision && local;
    // Sent at once, with the decision (once the widget is there): sendBeacon outlives the page, so a reload or a
    // link cannot lose it.
    if (made && config.receiptUrl) {
      const record = decision?.record;
      crumb.receipt({
        // A reset has no record: it goes under the consent ID the model gave it.
        id: record?.id ?? (model.lastId() as string),
        previousId: decision ? decision.previousId : previous?.record.id,
        time: record?.time ?? now(),
        state,
        source: record?.source ?? 'api',
        language: crumb.language,
        version: api.version,
        before,
        after: grants,
        reset: !decision,
      });
    }

    previous = decision;
    previousGrants = grants;
    // After the receipt has gone: a withdrawal made before the widget arrived waits for it to send the receipt.
    if (reload && config.reloadOnWithdraw) crumb.afterReceipts(() => win.location.reload());
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
