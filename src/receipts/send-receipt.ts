import type { Grants } from '../consent/consent-model';
import { buildReceipt, type ConsentReceipt, type ReceiptInput, receiptType } from './build-receipt';

/** What a window sends with: its `navigator.sendBeacon`, and `fetch` where it has one. */
type Sender = { navigator: Pick<Navigator, 'sendBeacon'>; fetch?: typeof fetch };

/**
 * Sends a receipt with `navigator.sendBeacon` (it survives the page unloading, e.g. the reload after a withdrawal),
 * falling back to `fetch` with `keepalive`. The body is JSON sent as `text/plain`, a CORS-safelisted type, so an
 * endpoint on another origin gets it without a preflight. Never throws.
 */
export function sendReceipt(url: string, receipt: ConsentReceipt, win: Sender): void {
  const body = JSON.stringify(receipt);
  const type = 'text/plain;charset=UTF-8';
  const failed = () => console.warn(`Crumb: the consent receipt could not be sent to ${url}.`);
  try {
    if (win.navigator.sendBeacon(url, new Blob([body], { type }))) return;
  } catch {
    // No sendBeacon here, or it failed: fall through to fetch.
  }
  try {
    if (typeof win.fetch === 'function')
      win
        .fetch(url, {
          method: 'POST',
          body,
          keepalive: true,
          credentials: 'omit',
          headers: { 'content-type': type },
        })
        .catch(failed);
  } catch {
    failed();
  }
}

/** What the reactions know of a decision, for its receipt. */
export interface DecisionFacts extends Omit<ReceiptInput, 'type' | 'previousId'> {
  previousId?: string;
  /** Grants before and after: they name the decision (acceptance, refusal, partial, withdrawal). */
  before: Grants;
  after: Grants;
  /** The decision was forgotten (`Crumb.reset()`). */
  reset: boolean;
}

/** What follows a decision on a site with `data-receipt-url`: names the decision, builds its receipt, sends it. */
export function sendDecisionReceipt(url: string, facts: DecisionFacts, win: Window): void {
  const type = facts.reset ? 'reset' : receiptType(facts.before, facts.after, facts.source);
  sendReceipt(url, buildReceipt(facts, type, facts.location), win);
}
