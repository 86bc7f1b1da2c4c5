import { warnOnce } from './chunks';
import { OPTIONAL_CATEGORIES } from './consent/categories';
import type { Decision, Grants } from './consent/model-state';
import type { Crumb } from './control';
import { sendDecisionReceipt } from './receipts/send-receipt';
import { clearCookies } from './storage/clear-cookies';

/**
 * Everything that follows a decision, in the order the contract needs: store it → Consent Mode update → dataLayer
 * event → stop and clean up what was withdrawn → start what is newly granted → gated page elements → events →
 * receipt → reload after a withdrawal. Connected by the widget chunk as it takes the core over: what the page
 * started with (and started) is where it begins. A refusal recorded from a privacy signal as the page started gets
 * its receipt now. Returns the function to call on each change.
 */
export function createReactions(crumb: Crumb) {
  const { win, config, model, storage, api, now, trackers, ctx, started } = crumb;
  let previous: Decision | undefined = model.decision();
  let previousGrants: Grants = model.grants();

  const receipt = (decision: Decision | undefined, before: Grants, after: Grants, previousId?: string) => {
    if (!config.receiptUrl) return;
    const record = decision?.record;
    // Sent at once, with the decision: sendBeacon outlives the page, so a reload or a link cannot lose it.
    sendDecisionReceipt(
      config.receiptUrl,
      {
        // A reset has no record: it goes under the consent ID the model gave it.
        id: record?.id ?? (model.lastId() as string),
        previousId,
        time: record?.time ?? now(),
        state: api.get(),
        source: record?.source ?? 'api',
        language: crumb.language,
        version: api.version,
        before,
        after,
        reset: !decision,
      },
      win,
    );
  };
  if (crumb.recordedAtStart && previous) receipt(previous, previousGrants, previousGrants, undefined);

  return (decision: Decision | undefined, grants: Grants) => {
    if (decision === previous) return;
    const before = previousGrants;
    const hadDecision = !!previous;
    const local = model.lastOrigin() === 'local';
    const activated = (name: string) => !!crumb.activation?.activated(name);

    const saved = decision?.origin === 'local' && storage.save(decision.record, now());
    if (saved === 'refused')
      warnOnce('Crumb: this browser refuses cookies and localStorage here; the choice holds for this page only.');
    if (saved === 'too-long')
      console.error(
        'Crumb: this choice is over 300 characters stored (revision label, services granted one by one); it holds for this page only.',
      );
    if (!decision && hadDecision && local) storage.clear();

    if (decision || hadDecision) crumb.update(decision, grants);

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

    // Started, then withdrawn on this page (no reload): granted again, it resumes rather than starts twice.
    crumb.startGranted(grants, before);
    crumb.activation?.run();

    const state = api.get();
    win.dispatchEvent(new CustomEvent('crumb:change', { detail: state }));
    api.notify(state);
    // Receipts come from the tab where the decision was made, never from the tabs that follow it.
    if (decision ? decision.origin === 'local' : hadDecision && local)
      receipt(decision, before, grants, decision ? decision.previousId : previous?.record.id);

    previous = decision;
    previousGrants = grants;
    if (reload && config.reloadOnWithdraw) win.location.reload();
  };
}
