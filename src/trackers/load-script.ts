/** Origins Crumb itself may load scripts from: the four vendors, nothing else. */
export const VENDOR_ORIGINS = [
  'https://www.googletagmanager.com',
  'https://connect.facebook.net',
  'https://static.ads-twitter.com',
  'https://lltrck.com',
];

interface Rules {
  createScriptURL(url: string): string;
  createScript(text: string): string;
}
type Policy = { [K in keyof Rules]: (value: string) => unknown };
type TrustedTypesFactory = { createPolicy(name: string, rules: Rules): Policy };

export interface ScriptLoader {
  /**
   * Injects `<script async src=url>` once per URL, with the nonce and through the `crumb` Trusted Types policy;
   * `setup` sees the element before it is added (to listen for its load). False when it was not injected (already
   * loaded, or refused by the page's Trusted Types), which is reported.
   */
  load(url: string, setup?: (script: HTMLScriptElement) => void): boolean;
  /**
   * Lets a URL through the policy: a page's own gated script (from the page's markup, never from config) or one of
   * Crumb's own files (next to its script).
   */
  allow(url: string): void;
  /** Lets one of Crumb's own files that failed be loaded again (the next time it is asked for). */
  forget(url: string): void;
  /** A value for `script.src`: the URL through the `crumb` policy when Trusted Types exist. */
  scriptUrl(url: string): string;
  /**
   * A value for `script.text`: the code of one of the page's own gated inline scripts, through the `crumb` policy.
   * The policy accepts exactly the texts passed here and nothing else.
   */
  scriptText(text: string): string;
  nonce: string;
}

/**
 * The only place that injects scripts. Its one Trusted Types policy, `crumb`, is created on first use and accepts
 * only the four vendors' URLs plus the URLs and texts of the page's own gated scripts.
 */
export function createScriptLoader(doc: Document, win: Window, nonce: string): ScriptLoader {
  const loaded = new Set<string>();
  const allowed = new Set<string>();
  const texts = new Set<string>();
  let policy: Policy | null | undefined;

  const permitted = (url: string) => allowed.has(url) || VENDOR_ORIGINS.some((o) => url.startsWith(`${o}/`));
  const through = (kind: keyof Rules, value: string): string => {
    if (policy === undefined) {
      const tt = (win as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
      try {
        policy = tt
          ? tt.createPolicy('crumb', {
              createScriptURL: (u) => {
                if (!permitted(u)) throw new TypeError(`Crumb's Trusted Types policy refuses ${u}`);
                return u;
              },
              createScript: (t) => {
                if (!texts.has(t)) throw new TypeError("Crumb's Trusted Types policy refuses a script text");
                return t;
              },
            })
          : null;
      } catch {
        // The page's CSP does not list the `crumb` policy; plain strings work where Trusted Types are not enforced.
        policy = null;
      }
    }
    return (policy ? policy[kind](value) : value) as string;
  };
  const scriptUrl = (url: string): string => {
    if (!permitted(url)) throw new Error(`Crumb: refused to load ${url}`);
    return through('createScriptURL', url);
  };

  return {
    nonce,
    allow: (url) => allowed.add(url),
    forget: (url) => loaded.delete(url),
    scriptUrl,
    scriptText(text) {
      texts.add(text);
      return through('createScript', text);
    },
    load(url, setup) {
      if (loaded.has(url)) return false;
      const src = scriptUrl(url);
      loaded.add(url);
      const script = doc.createElement('script');
      script.async = true;
      if (nonce) script.nonce = nonce;
      try {
        script.src = src;
      } catch (e) {
        // Trusted Types are enforced but the page's `trusted-types` directive does not list `crumb`.
        console.error(
          `Crumb: ${url} was not loaded: the page's Content-Security-Policy must allow the Trusted Types policy "crumb" (trusted-types crumb).`,
          e,
        );
        return false;
      }
      if (setup) setup(script);
      (doc.head || doc.documentElement).appendChild(script);
      return true;
    },
  };
}
