import { checkChoice } from './api/check-choice';
import type { ApiActions } from './api/public-api';
import { addActions, type ConsentModel } from './consent/consent-model';
import type { ConsentRecord } from './consent/consent-record';
import type { Decision } from './consent/model-state';
import { createReactions } from './reactions';
import type { Core } from './start';
import { type ConsentStorage, createConsentStorage } from './storage/consent-storage';
import { cookieStore } from './storage/cookie-store';
import { localMirror } from './storage/local-mirror';
import { attempt } from './storage/read-decision';
import { STORAGE_KEY } from './storage/types';
import { completeTrackers } from './trackers/registry';

/** The running Crumb once the control has taken the core over: what the widget and the UI work with. */
export interface Crumb extends Omit<Core, 'model'> {
  model: ConsentModel;
  storage: ConsentStorage;
  now(): number;
}

/**
 * The control, in the widget chunk: takes over a started core, once (the widget, after the banner's first frame or on
 * first use, or `Core.control` for an API call). Completes the trackers' services with their cookies and the model
 * with its actions, gives storage its writes, then reads storage again, connects the reactions, takes in what another
 * tab stored since the core read it (or else stores a refusal recorded from a privacy signal), follows the other tabs
 * from then on, and hands the actions to `window.Crumb` last, running the calls that waited.
 */
export function takeOver(core: Core): Crumb {
  if ('storage' in core) return core as Crumb;
  const { win, config } = core;
  // Whole seconds, as records are stored: a decision tells the same time here, in its receipt and on the next page.
  const now = () => Math.floor(Date.now() / 1e3) * 1e3;
  completeTrackers(core.trackers);
  const cookies = cookieStore(win.document, win.location, config.cookieDomain, core.readCookie);
  const crumb: Crumb = Object.assign(core, {
    model: addActions(core.model, config.revision, now, core.newId),
    storage: createConsentStorage(cookies, localMirror(win), core.reader, config.expiryDays),
    now,
  });
  try {
    const { model, storage } = crumb;
    // Both places back in step (Safari may have dropped the script-written cookie after 7 days), and what is stored
    // now: another tab may have decided (or reset) since the core read it.
    const { record: stored, problem } = storage.load(now());
    // The record the core read may have expired since (a moment ago, or longer if the widget was slow to arrive): that
    // is no change made in another tab, and the page keeps the decision it started with, as it does when a record
    // expires later on. Another tab leaves no expired record behind: a reset leaves none at all, a decision a new one.
    // (An unreadable value's problem carries that value, whose first character is never the word 'expired'.)
    const expired = !!problem && problem[1][0] === 'expired';
    // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
    const changed = !expired && (stored && stored.id) !== core.readId;
    // A refusal recorded from a privacy signal is stored (with its receipt) only if nothing was decided meanwhile: an
    // explicit choice made in another tab wins.
    if (changed) crumb.recordedAtStart = undefined;
    else if (crumb.recordedAtStart) {
      storage.save(crumb.recordedAtStart, now());
      // It replaces the choice the page read, if any (one made before the signal came): its receipt says so.
      (model.decision() as Decision).previousId = core.readId;
    }
    model.subscribe(createReactions(crumb));
    if (changed) adopt(crumb, stored);
    // From the cookie as the load found it: this page's own writes since are told apart by `wrote()`.
    followOtherTabs(crumb, cookies.last());
    // Last: calls that waited apply on top of the latest decision.
    crumb.connect(apiActions(model));
  } catch (e) {
    // Not expected (storage and every step after a decision are guarded), but never silent.
    console.error('Crumb: the widget could not take over; decisions may not be stored on this page', e);
  }
  return crumb;
}

/**
 * Follows what the site's other tabs store from the take-over on (which has read what is stored, and taken in what
 * another tab stored since the core read it): not from the widget's start, as listening would hold back the banner's
 * first frame (a `storage` listener opens the page's localStorage, slow the first time; the cookie is read again).
 * `found`: the cookie as the take-over's load read it, where a change of it is looked for from.
 * Another tab decided or reset: the stored decision is read again (the cookie wins, so a site clearing its
 * localStorage is not taken for a withdrawal) and taken, as this page would at start; that tab stored it and sent its
 * receipt.
 */
function followOtherTabs(crumb: Crumb, found: string | undefined): void {
  const { win, storage } = crumb;
  const follow = () => {
    const { record, problem } = storage.load(crumb.now());
    // A record that expired while the page was open (the browser then drops the cookie) is no other tab's doing: the
    // page keeps the decision it has, as at the take-over (another tab leaves no expired record behind).
    // biome-ignore lint/complexity/useOptionalChain: the ES2019 build would lower `?.` into longer code.
    if (!problem || problem[1][0] !== 'expired') adopt(crumb, record);
  };
  win.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY || e.key === null) follow();
  });
  // No localStorage event tells of a decision when localStorage refuses writes (quota, private modes), nor on a
  // sibling subdomain (`cookie-domain`), whose events stay on one origin: a tab follows the cookie when it changes (the
  // Cookie Store API's event, in secure contexts), and where that is missing, when it comes back into view or focus.
  // Cookies blocked (a sandboxed frame): nothing is shared either.
  const read = () => attempt(crumb.readCookie);
  let seen = found;
  const check = () => {
    const value = read();
    if (value === seen) return;
    seen = value;
    // This page's own write (a decision, a reset's mark) is no news.
    if (value !== storage.wrote()) follow();
  };
  const cookies = (win as Window & { cookieStore?: EventTarget }).cookieStore;
  // Only a change of Crumb's own cookie: the page's other cookies (a session's, a tag's, written often) cost no read.
  type Change = Event & Record<'changed' | 'deleted', { name: string }[]>;
  if (cookies)
    cookies.addEventListener('change', (e) => {
      if ([...(e as Change).changed, ...(e as Change).deleted].some((c) => c.name === STORAGE_KEY)) check();
    });
  win.document.addEventListener('visibilitychange', check);
  win.addEventListener('focus', check);
  // Back from the back/forward cache: no event of the storage or cookie kind came while the page was in it.
  win.addEventListener('pageshow', check);
}

/**
 * Takes what another tab stored as this page would take it at start (`Core.outcomeOf`): a refusal recorded from a
 * privacy signal counts only while this page honours a signal this browser sends it, or else it is no decision and
 * the banner asks; a choice that gives way to the signal here leaves this page's refusal from it as it is. A reset is taken as it is (this page does not record a refusal of its own for it): the tab that
 * reset asks too, and a new record, with its receipt, comes only from a tab that decides.
 */
export const adopt = ({ model, outcomeOf }: Crumb, record: ConsentRecord | undefined): void => {
  const outcome = outcomeOf(record);
  const current = model.decision();
  // A choice the signal this page honours overrides (one made in a tab that did not send it): this page's refusal
  // from the signal holds, in memory; the next page records its own.
  if (outcome === 'refuse' && current && current.record.source === 'signal') return;
  model.adopt(outcome === 'keep' ? record : undefined);
};

/** `window.Crumb`'s actions, over the model: source `api`; a `set()` mistake throws before anything is decided. */
export const apiActions = (model: ConsentModel): ApiActions => ({
  acceptAll: () => model.acceptAll('api'),
  rejectAll: () => model.rejectAll('api'),
  set: (choice) => {
    checkChoice(choice, model.services);
    model.decide(choice, 'api');
  },
  open: () => model.open(),
  reset: () => model.reset(),
});
