import type { Tracker } from './types';

/**
 * LeadLander v3. It fingerprints the browser rather than setting cookies, so withdrawal can only stop it by
 * reloading the page.
 */
export function leadlander(accountId: string): Tracker {
  return {
    service: {
      id: 'leadlander',
      name: 'LeadLander',
      category: 'marketing',
      cookies: [],
      policyUrl: 'https://www.leadlander.com/privacy',
    },
    start({ win, load }) {
      win.llcookieless = false;
      if (!Array.isArray(win.formalyze)) win.formalyze = [];
      (win.formalyze as unknown[] & { auto?: boolean }).auto = true;
      load(`https://lltrck.com/scripts/lt-v3.js?llid=${encodeURIComponent(accountId)}`);
    },
  };
}
