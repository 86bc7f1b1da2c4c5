import type { ScriptLoader } from '../trackers/load-script';

/** Gated markup: `<script type="text/plain" data-consent>` and `<iframe data-consent data-src>`. */
const SELECTOR = 'script[type="text/plain"][data-consent],iframe[data-consent][data-src]';
const DONE = 'data-crumb-activated';

export interface Activation {
  /** Activates what is now granted, once, in document order. */
  run(): void;
  /** True when a gated element of this category or service has been activated on this page. */
  activated(name: string): boolean;
  dispose(): void;
}

/**
 * Brings gated page scripts and iframes to life when their consent is granted: each is replaced by a live copy
 * with all its attributes (nonce included), external scripts one after another so the page's order holds.
 * `isGranted(name)` answers for a category or service id, `undefined` when the name is unknown.
 */
export function createActivation(
  doc: Document,
  loader: ScriptLoader,
  isGranted: (name: string) => boolean | undefined,
  reportError: (message: string) => void,
): Activation {
  const ran = new Set<string>();
  const reported = new WeakSet<Element>();
  /** The chain that keeps external scripts in order. */
  let queue: Promise<void> = Promise.resolve();

  const activateScript = (old: HTMLScriptElement): Promise<void> => {
    const script = doc.createElement('script');
    for (const { name, value } of Array.from(old.attributes)) {
      if (name === 'type' || name === 'src') continue;
      script.setAttribute(name, value);
    }
    const type = old.getAttribute('data-type');
    if (type) script.type = type;
    script.nonce = old.nonce || loader.nonce;
    script.setAttribute(DONE, '');
    const src = old.getAttribute('src');
    const done = new Promise<void>((resolve) => {
      if (src) {
        script.async = false;
        script.addEventListener('load', () => resolve());
        script.addEventListener('error', () => resolve());
        // The page's own markup named this URL: let it through the policy exactly as written.
        loader.allow(src);
        script.src = loader.scriptUrl(src);
      } else {
        script.text = old.text;
        resolve();
      }
    });
    old.replaceWith(script);
    return done;
  };

  const run = () => {
    for (const el of Array.from(doc.querySelectorAll<HTMLElement>(SELECTOR))) {
      if (el.hasAttribute(DONE)) continue;
      const names = (el.getAttribute('data-consent') || '').trim().split(/\s+/);
      const answers = names.map(isGranted);
      if (answers.some((a) => a === undefined)) {
        if (!reported.has(el)) {
          reported.add(el);
          reportError(
            `Crumb: data-consent="${el.getAttribute('data-consent')}" on a <${el.tagName.toLowerCase()}> names no category or service of this site; expected "analytics", "marketing" or a service id. It stays off.`,
          );
        }
        continue;
      }
      if (!answers.every(Boolean)) continue;
      el.setAttribute(DONE, '');
      for (const n of names) ran.add(n);
      if (el instanceof HTMLIFrameElement) {
        el.src = el.getAttribute('data-src') as string;
      } else {
        const script = el as HTMLScriptElement;
        queue = queue.then(() => activateScript(script));
      }
    }
  };

  const observer = typeof MutationObserver === 'function' ? new MutationObserver(run) : undefined;
  observer?.observe(doc.documentElement, { childList: true, subtree: true });

  return {
    run,
    activated: (name) => ran.has(name),
    dispose: () => observer?.disconnect(),
  };
}
