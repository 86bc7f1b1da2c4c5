import type { ConsentReceipt } from './build-receipt';

type Sender = Pick<Navigator, 'sendBeacon'> & { fetch?: typeof fetch };

/**
 * Sends a receipt with `navigator.sendBeacon` (it survives the page unloading, e.g. the reload after a withdrawal),
 * falling back to `fetch` with `keepalive`. The body is JSON sent as `text/plain`, a CORS-safelisted type, so an
 * endpoint on another origin gets it without a preflight. Never throws.
 */
export function sendReceipt(
  url: string,
  receipt: ConsentReceipt,
  nav: Sender,
  fetchFn: typeof fetch | undefined,
): void {
  const body = JSON.stringify(receipt);
  const type = 'text/plain;charset=UTF-8';
  try {
    if (typeof nav.sendBeacon === 'function' && nav.sendBeacon(url, new Blob([body], { type }))) return;
  } catch {
    // Fall through to fetch.
  }
  try {
    fetchFn?.(url, {
      method: 'POST',
      body,
      keepalive: true,
      credentials: 'omit',
      headers: { 'content-type': type },
    }).catch(() => console.warn(`Crumb: the consent receipt could not be sent to ${url}.`));
  } catch {
    console.warn(`Crumb: the consent receipt could not be sent to ${url}.`);
  }
}
