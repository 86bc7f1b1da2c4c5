/** Origins Crumb itself may load scripts from: the four vendors, nothing else. */
export const VENDOR_ORIGINS = [
  'https://www.googletagmanager.com',
  'https://connect.facebook.net',
  'https://static.ads-twitter.com',
  'https://lltrck.com',
];

type TrustedTypesFactory = {
  createPolicy(
    name: string,
    rules: { createScriptURL(url: string): string },
  ): { createScriptURL(url: string): unknown };
};

export interface ScriptLoader {
  /** Injects `<script async src=url>` once per URL, with the nonce and through the `crumb` Trusted Types policy. */
  load(url: string): void;
  /** Lets a page's own gated script URL through the policy (it comes from the page's markup, not from config). */
  allow(url: string): void;
  /** A value for `script.src`: the URL through the `crumb` policy when Trusted Types exist. */
  scriptUrl(url: string): string;
  nonce: string;
}

/** The only place that injects scripts. */
export function createScriptLoader(doc: Document, win: Window, nonce: string): ScriptLoader {
  const loaded = new Set<string>();
  const allowed = new Set<string>();
  let policy: { createScriptURL(url: string): unknown } | null | undefined;

  const permitted = (url: string) => allowed.has(url) || VENDOR_ORIGINS.some((o) => url.startsWith(`${o}/`));
  const scriptUrl = (url: string): string => {
    if (!permitted(url)) throw new Error(`Crumb: refused to load ${url}`);
    if (policy === undefined) {
      const tt = (win as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
      try {
        policy = tt
          ? tt.createPolicy('crumb', {
              createScriptURL: (u) => {
                if (!permitted(u)) throw new TypeError(`Crumb's Trusted Types policy refuses ${u}`);
                return u;
              },
            })
          : null;
      } catch {
        // The page's CSP does not list the `crumb` policy; plain strings work where Trusted Types are not enforced.
        policy = null;
      }
    }
    return (policy ? policy.createScriptURL(url) : url) as string;
  };

  return {
    nonce,
    allow: (url) => allowed.add(url),
    scriptUrl,
    load(url) {
      if (loaded.has(url)) return;
      loaded.add(url);
      const script = doc.createElement('script');
      script.async = true;
      if (nonce) script.nonce = nonce;
      script.src = scriptUrl(url);
      (doc.head || doc.documentElement).appendChild(script);
    },
  };
}
