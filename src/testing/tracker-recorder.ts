import { type BrowserContext, expect, type Request, type Route } from '@playwright/test';

export type TrackerVendor = 'google-analytics' | 'facebook' | 'twitter' | 'leadlander';

export interface TrackerRequest {
  vendor: TrackerVendor;
  url: string;
  /** `Date.now()` when it was intercepted. */
  time: number;
  /** URL of the frame that made it ('' when unknown). */
  pageUrl: string;
}

export interface TrackerRecorder {
  /** Every tracker request so far, in order. */
  readonly requests: TrackerRequest[];
  /** Requests to one vendor, or to all. */
  count(vendor?: TrackerVendor): number;
  /** Vendors contacted, sorted, each once. */
  vendors(): TrackerVendor[];
  /** Fails unless no request reached any tracker host. */
  expectNoTrackerRequests(): void;
  /**
   * Waits (up to `timeout` ms) until the vendor's script was requested, `times` times if given. Only the script counts,
   * not the hits it sends to the vendor's hosts (`count(vendor)` has every request).
   */
  expectLoaded(vendor: TrackerVendor, options?: { times?: number; timeout?: number }): Promise<void>;
  /** Fails if the vendor was requested. */
  expectNotLoaded(vendor: TrackerVendor): void;
  /** Forgets what was recorded. */
  clear(): void;
}

/** Hosts of each vendor: where its script comes from and where it sends hits (the README's CSP lists them too). */
export const TRACKER_HOSTS: Record<TrackerVendor, string[]> = {
  'google-analytics': ['googletagmanager.com', 'google-analytics.com', 'analytics.google.com'],
  facebook: ['connect.facebook.net', 'facebook.com'],
  twitter: ['ads-twitter.com', 'analytics.twitter.com', 't.co'],
  leadlander: ['lltrck.com'],
};

/** Each vendor's script, as Crumb loads it: what `expectLoaded` counts (the hits the script sends are not loads). */
const SCRIPTS: Record<TrackerVendor, RegExp> = {
  'google-analytics': /^https:\/\/www\.googletagmanager\.com\/(gtag\/js|gtm\.js)\?/,
  facebook: /^https:\/\/connect\.facebook\.net\/[a-z]{2}_[A-Z]{2}\/fbevents\.js(\?|$)/,
  twitter: /^https:\/\/static\.ads-twitter\.com\/uwt\.js(\?|$)/,
  leadlander: /^https:\/\/lltrck\.com\/scripts\/lt-v3\.js\?/,
};

/** The vendor a host belongs to, if any. */
export function vendorOfHost(hostname: string): TrackerVendor | undefined {
  for (const vendor of Object.keys(TRACKER_HOSTS) as TrackerVendor[])
    if (TRACKER_HOSTS[vendor].some((d) => hostname === d || hostname.endsWith(`.${d}`))) return vendor;
  return undefined;
}

const frameUrl = (request: Request) => {
  try {
    return request.frame().url();
  } catch {
    return '';
  }
};

/**
 * Intercepts the four vendors' hosts on `context` and records each request. With `stub` (default) their scripts
 * are answered with an empty script, so tests run offline and nothing reaches the vendors.
 */
export async function recordTrackers(
  context: BrowserContext,
  { stub = true }: { stub?: boolean } = {},
): Promise<TrackerRecorder> {
  const requests: TrackerRequest[] = [];
  await context.route(
    (url) => url.protocol.startsWith('http') && vendorOfHost(url.hostname) !== undefined,
    async (route: Route) => {
      const request = route.request();
      const vendor = vendorOfHost(new URL(request.url()).hostname) as TrackerVendor;
      requests.push({ vendor, url: request.url(), time: Date.now(), pageUrl: frameUrl(request) });
      if (!stub) return route.continue();
      await route.fulfill({
        status: 200,
        headers: { 'content-type': 'application/javascript', 'access-control-allow-origin': '*' },
        body: '/* stubbed by crumb-consent/testing */',
      });
    },
  );
  // A vendor named wrong ('meta', 'ga') was never requested: refused, or expectNotLoaded() would always pass.
  const known = (vendor: TrackerVendor) => {
    if (!Object.prototype.hasOwnProperty.call(TRACKER_HOSTS, vendor))
      throw new TypeError(
        `crumb-consent/testing: "${vendor}" is not a vendor the recorder knows; it knows ${Object.keys(TRACKER_HOSTS).join(', ')}.`,
      );
    return vendor;
  };
  const count = (vendor?: TrackerVendor) => {
    if (vendor === undefined) return requests.length;
    known(vendor);
    return requests.filter((r) => r.vendor === vendor).length;
  };
  const loads = (vendor: TrackerVendor) =>
    requests.filter((r) => r.vendor === vendor && SCRIPTS[vendor].test(r.url)).length;
  return {
    requests,
    count,
    vendors: () => [...new Set(requests.map((r) => r.vendor))].sort(),
    expectNoTrackerRequests: () =>
      expect(
        requests.map((r) => `${r.vendor}: ${r.url}`),
        'expected no request to any tracker host',
      ).toEqual([]),
    expectLoaded: async (vendor, { times, timeout } = {}) => {
      known(vendor);
      const poll = expect.poll(() => loads(vendor), {
        message: `expected ${vendor}'s script to be requested${times === undefined ? '' : ` ${times} time(s)`}`,
        timeout,
      });
      if (times === undefined) await poll.toBeGreaterThan(0);
      else await poll.toBe(times);
    },
    expectNotLoaded: (vendor) => expect(count(vendor), `expected no request to ${vendor}`).toBe(0),
    clear: () => {
      requests.length = 0;
    },
  };
}
