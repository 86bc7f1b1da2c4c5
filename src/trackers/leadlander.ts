import { completeTracker, coreService, type Tracker, type TrackerCookies, type TrackerShown } from './types';

/**
 * LeadLander v3. It fingerprints the browser rather than setting cookies, so withdrawal can only stop it by
 * reloading the page.
 */
export function leadlanderStart(accountId: string): Tracker {
  return {
    service: coreService('leadlander', 'marketing'),
    start({ win, load }) {
      win.llcookieless = false;
      if (!Array.isArray(win.formalyze)) win.formalyze = [];
      (win.formalyze as unknown[] & { auto?: boolean }).auto = true;
      load(`https://lltrck.com/scripts/lt-v3.js?llid=${encodeURIComponent(accountId)}`);
    },
  };
}

/** LeadLander's cookies, deleted on withdrawal (none: it fingerprints; only a reload stops it). */
export const leadlanderCookies = (): TrackerCookies => ({ cookies: [] });
/** LeadLander as the dialog shows it. */
export const leadlanderShown = (): TrackerShown => ({
  name: 'LeadLander',
  policyUrl: 'https://www.leadlander.com/privacy',
});

export const leadlander = (accountId: string) =>
  completeTracker(leadlanderStart(accountId), { ...leadlanderCookies(), ...leadlanderShown() });
