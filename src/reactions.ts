import type { CrumbChange } from './api/types';
import { failed, warnOnce } from './chunks';
import { OPTIONAL_CATEGORIES, type Service } from './consent/categories';
import type { Decision, Grants, ModelState } from './consent/model-state';
import type { Crumb } from './control';
import { clearCookies } from './storage/clear-cookies';

/**
 * Everything that follows a decision, in the order the contract needs: store it → Consent Mode update → dataLayer
 * event → stop and clean up what was withdrawn → start what is newly granted → gated page elements → events →
 * receipt → reload after a withdrawal. Connected by the widget chunk as it takes the core over: what the page
 * started with (and started) is where it begins. A refusal recorded from a privacy signal as the page started gets
 * its receipt now. Returns the function to call on each change of the model's state.
 * Receipts are sent by their own chunk (`crumb-receipts.js`), which the core asks for with the widget on a site with
 * `data-receipt-url`: a receipt made before it arrives waits for it, and so does a reload after a withdrawal made here,
 * which comes once every receipt made so far has gone (or could not be: a chunk that did not load is reported), or
 * after 2 s at most.
 */
export function createReactions(crumb: Crumb) {
  const { win, config, model, storage, api, now, trackers, ctx, started } = crumb;
  let previous: Decision | undefined = model.decision();
  let previousGrants: Grants = model.grants();
  /** The receipts made on this page so far, sent once their chunk is there; `undefined` until one is made. */
  let sent: Promise<unknown> | undefined;

  /**
   * The receipt of `decision` (or of a reset, under consent ID `id`), granting `after`, in the `state` it made (not one
   * a page's listener or gated script made since): sent before `previous` and `previousGrants` move on to it.
   */
  const receipt = (decision: Decision | undefined, after: Grants, state: CrumbChange, id?: string) => {
    const url = config.receiptUrl;
    if (!url) return;
    // What it says is taken now, with the decision; it is sent as soon as the chunk is there (at once, once it has
    // come), with sendBeacon, which outlives the page: once sent, a reload or a link cannot lose it.
    const facts = {
      // The record's ID, time and source (its other fields go unread); a reset has no record: it goes under the
      // consent ID the model gave it.
      ...(decision ? decision.record : { id: id as string, time: now(), source: 'api' as const }),
      // A decision knows the one it replaced (none, at start); a reset's receipt follows a decision there was.
      previousId: decision ? decision.previousId : (previous as Decision).record.id,
      state,
      language: crumb.language,
      version: api.version,
      before: previousGrants,
      after,
      reset: !decision,
      // Where it was made: a single-page app may change its path before the receipts' chunk is there.
      location: { origin: win.location.origin, pathname: win.location.pathname },
    };
    sent = crumb
      .chunk('receipts')
      // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
      .then((r) => r && r.sendDecisionReceipt(url, facts, win))
      .catch(failed('the consent receipt'));
  };
  /**
   * Deletes a refused service's cookies: a withdrawal's, and those an acceptance that expired or gave way left; not
   * those a service granted by `grants` names too.
   */
  const clear = (s: Service, grants?: Grants) => {
    try {
      clearCookies(
        win.document,
        win.location,
        s.cookies,
        // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
        model.services.flatMap((g) => (grants && grants.services[g.id] ? g.cookies : [])),
      );
    } catch {
      // Cookies are blocked here: there is nothing of the vendor's to delete either.
    }
  };
  // A refusal recorded from a privacy signal as the page started: everything optional is refused.
  if (crumb.recordedAtStart && previous) {
    for (const s of model.services) clear(s);
    receipt(previous, previousGrants, api.get());
  }

  /**
   * Runs a step that calls into the page (its own `gtag` or `dataLayer`, a vendor's queue, gated scripts): a failure
   * there is reported and the steps after it still run, so the decision is followed through and the next one is
   * judged against it.
   */
  const safely = (step: () => void) => {
    try {
      step();
    } catch (e) {
      console.error('Crumb: a step after a decision failed; the others went on', e);
    }
  };

  /**
   * A change of the model as it was made: its decision, grants, origin, (frozen) state, and consent ID (a reset's, which
   * no decision carries).
   */
  type Step = [Decision | undefined, Grants, ReturnType<ModelState['lastOrigin']>, CrumbChange, string | undefined];
  /**
   * Follows the model from the decision followed last to the one of `step`; true when the page is to reload. `quiet`:
   * no listener is told (a page that keeps deciding from its listener).
   */
  const follow = ([decision, grants, origin, state, id]: Step, quiet?: boolean): boolean => {
    const before = previousGrants;
    // Made in this tab (a decision, or a reset of the one there was), not followed from another one.
    const here = decision ? decision.origin === 'local' : !!previous && origin === 'local';
    const { activation } = crumb;
    // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
    const activated = (name: string) => activation && activation.activated(name);

    // Stored, or (a reset) forgotten.
    const saved = here && (decision ? storage.save(decision.record, now()) : storage.clear());
    if (saved === 'refused')
      warnOnce('Crumb: this browser refuses cookies and localStorage here; the choice holds for this page only.');
    if (saved === 'too-long')
      console.error(
        'Crumb: this choice would take 300 characters or more stored (revision label, services granted one by one); it holds for this page only, and the next page asks again.',
      );

    // The core guards each of its calls into the page (Consent Mode, the tag-manager event, starting a vendor). A reset
    // leaves no decision: Consent Mode goes back to all denied, as before the first.
    if (decision || previous) crumb.update(decision, decision && grants);

    let reload = OPTIONAL_CATEGORIES.some((c) => before.categories[c] && !grants.categories[c] && activated(c));
    for (const s of model.services) {
      if (grants.services[s.id]) continue;
      // Only a tracker granted until now that started has anything to stop, and a page to reload, as has a gated
      // element of the service that came alive on this page. The cookies of every refused service go: an acceptance
      // that expired, or was made under another revision, left them too.
      const tracker = before.services[s.id] && started.has(s.id) && trackers.find((t) => t.service === s);
      if (tracker || activated(s.id)) reload = true;
      if (tracker)
        safely(() => {
          if (tracker.stop) tracker.stop(ctx);
        });
      clear(s, grants);
    }

    // Started, then withdrawn on this page (no reload): granted again, it resumes rather than starts twice.
    crumb.startGranted(grants, before);
    if (activation) safely(() => activation.run());

    if (!quiet) {
      win.dispatchEvent(new CustomEvent('crumb:change', { detail: state }));
      crumb.notify(state);
    }
    // Receipts come from the tab where the decision was made, never from the tabs that follow it.
    if (here) receipt(decision, grants, state, id);

    previous = decision;
    previousGrants = grants;
    return reload;
  };
  /** The changes still to follow while one is followed; `undefined` when none is. */
  let queue: Step[] | undefined;
  return () => {
    // Taken as it is made, every decision with its own state: one a page's listener makes (`Crumb.set()`) is followed
    // once the one being told is done, in order, each listener told of each, the last being what is stored. A page
    // that keeps deciding from its listener is told of nine; then only the latest is followed, without telling it.
    const state: CrumbChange = api.get();
    [state.categories, state.services, state.signals, state].map(Object.freeze);
    const step: Step = [model.decision(), model.grants(), model.lastOrigin(), state, model.lastId()];
    if (queue) return void queue.push(step);
    queue = [step];
    let reload = false;
    let told = 0;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (next[0] === previous) continue;
        if (told++ === 9) {
          // The tenth: only the latest is followed (stored, its trackers as it says, its receipt), untold.
          const last = queue.pop() || next;
          if (last[0] !== previous && follow(last, true)) reload = true;
          break;
        }
        if (follow(next)) reload = true;
      }
    } finally {
      queue = undefined;
    }
    if (reload && config.reloadOnWithdraw) {
      const again = () => win.location.reload();
      // After the receipts made so far, or 2 s at most: what was withdrawn must not run on for long.
      if (sent)
        Promise.race([sent, new Promise((resolve) => setTimeout(resolve, 2e3))])
          .then(again)
          .catch(failed('the reload after a withdrawal'));
      else again();
    }
  };
}
