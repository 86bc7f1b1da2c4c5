import { failed } from '../chunks';
import { INVALID, safeUrl } from '../config/validators';
import type { ScriptLoader } from '../trackers/load-script';
import { GATED } from './selector';

const DONE = 'data-crumb-activated';
/** The categories or service ids an element's `data-consent` names, as it says now. */
const namesOf = (el: Element) => (el.getAttribute('data-consent') || '').trim().split(/\s+/);

export interface Activation {
  /** Activates what is now granted, once, in document order. */
  run(): void;
  /** True when a gated element of this category or service has been activated on this page. */
  activated(name: string): boolean;
}

interface Cover {
  box?: HTMLElement;
  /** The `data-consent` its box asks for. */
  consent: string;
  hidden: HTMLElement['hidden'];
  display: [string, string];
  styled: boolean;
}

export interface ActivationOptions {
  doc: Document;
  loader: ScriptLoader;
  /** Answers for a category or service id; `undefined` when the name is unknown. */
  isGranted: (name: string) => boolean | undefined;
  /** Where mistakes in the page's gated markup are reported (the console). */
  report: { error: (message: string) => void; warn: (message: string) => void };
  /**
   * Builds the box shown in place of a gated iframe until it is allowed. It comes with the UI chunk, so it may arrive
   * later; the iframe (empty: no `src`) is swapped for it when it does.
   */
  placeholder?: (iframe: HTMLIFrameElement, names: string[]) => Promise<HTMLElement | undefined>;
}

/**
 * Brings gated page scripts and iframes to life when their consent is granted: each script is replaced by a live
 * copy with all its attributes (its own nonce included), external scripts one after another so the page's order
 * holds; an iframe gets its `data-src` as `src`. The `crumb-activation.js` chunk: the widget's `watchGated` loads it
 * when the page has gated markup and calls `run` after every change, of consent or of the page.
 */
export function createActivation({ doc, loader, isGranted, report: log, placeholder }: ActivationOptions): Activation {
  const ran = new Set<string>();
  const reported = new WeakSet<Element>();
  /**
   * Gated iframes waiting for consent: their placeholder (once built), their own `hidden` and inline `display`, and
   * whether they had a `style` attribute (the CSSOM leaves an empty one behind once a property was set and removed).
   */
  const covered = new Map<HTMLIFrameElement, Cover>();
  /** The chain that keeps external scripts in order. */
  let queue: Promise<void> = Promise.resolve();

  const report = (el: Element, message: string) => {
    if (reported.has(el)) return;
    reported.add(el);
    log.error(message);
  };
  /** True (and said, once) when `names` holds one that is no category or service of this site. */
  const unknown = (el: Element, names: string[]) => {
    const wrong = names.some((n) => isGranted(n) === undefined);
    if (wrong)
      report(
        el,
        `Crumb: data-consent="${el.getAttribute('data-consent') || ''}" on a <${el.localName}> names no category or service of this site; expected "analytics", "marketing" or a service id. It stays off.`,
      );
    return wrong;
  };

  const activateScript = (old: HTMLScriptElement): Promise<void> | undefined => {
    // Removed before its turn (a single-page app moved on), no longer gated, or its consent withdrawn (or its
    // `data-consent` changed to one not granted) while it waited for the scripts before it: it stays inert, for the
    // page putting it back or a later grant. Its consent is read again: the one it waits under is the one it says (a
    // name the site does not have is said, as it would be on the page's next change).
    const names = namesOf(old);
    if (!old.isConnected || !old.matches(GATED) || !names.every(isGranted)) {
      old.removeAttribute(DONE);
      if (old.isConnected && old.matches(GATED)) unknown(old, names);
      return;
    }
    const script = doc.createElement('script');
    let done: Promise<void> | undefined;
    try {
      for (const { name, value } of Array.from(old.attributes)) {
        if (name === 'type' || name === 'src') continue;
        // An event handler is script: under Trusted Types it goes through the policy (the page's CSP still decides).
        script.setAttribute(name, /^on/.test(name) ? loader.scriptText(value) : value);
      }
      const type = old.getAttribute('data-type');
      if (type) script.type = type;
      const src = old.getAttribute('src');
      // Only the element's own nonce: lending Crumb's would let injected `<script type="text/plain" data-consent>`
      // markup run under a nonce policy. External scripts need none under 'strict-dynamic' or a host list.
      if (old.nonce) script.nonce = old.nonce;
      else if (!src && loader.nonce)
        log.warn(
          `Crumb: a gated inline <script data-consent="${old.getAttribute('data-consent')}"> has no nonce of its own; a Content-Security-Policy without 'strict-dynamic' blocks it. Give it the page's nonce, as any inline script.`,
        );
      script.setAttribute(DONE, '');
      if (src) {
        // In document order: the next gated script waits for this one. One its author made `async` keeps it, and
        // holds back none after it; nor does one the browser skips and fires no event for (`nomodule`, another type).
        if (!old.hasAttribute('async') && !old.noModule && (!type || /^(module|[\w/-]*script)$/i.test(type))) {
          script.async = false;
          done = new Promise<void>((resolve) => {
            script.addEventListener('load', () => resolve());
            script.addEventListener('error', () => resolve());
          });
        }
        // The page's own markup named this URL: let it through the policy exactly as written.
        loader.allow(src);
        script.src = loader.scriptUrl(src);
      } else {
        // The page's own markup holds this code: the policy accepts exactly this text.
        script.text = loader.scriptText(old.text);
      }
    } catch (e) {
      log.error(
        `Crumb: a gated <script data-consent="${old.getAttribute('data-consent')}"> could not be activated (${(e as Error).message}); check that the page's Content-Security-Policy allows the Trusted Types policy "crumb".`,
      );
      return;
    }
    old.replaceWith(script);
    for (const n of names) ran.add(n);
    return done;
  };

  const uncover = (frame: HTMLIFrameElement) => {
    const cover = covered.get(frame);
    if (!cover) return;
    covered.delete(frame);
    const focused = !!cover.box?.contains(doc.activeElement);
    cover.box?.remove();
    frame.hidden = cover.hidden;
    frame.style.setProperty('display', ...cover.display);
    // No `style=""` its author did not write (the page may have set properties meanwhile: those stay).
    if (!cover.styled && !frame.style.length) frame.removeAttribute('style');
    // The visitor pressed "Allow" in the box that just went away: keep their place on the content itself.
    if (focused) frame.focus();
  };

  const run = () => {
    // A waiting iframe the page removed, moved or gave another `data-consent`: its box goes too (it is covered again
    // where it now is, by a box that asks for what it now needs).
    covered.forEach((cover, frame) => {
      if (
        !frame.isConnected ||
        cover.consent !== frame.getAttribute('data-consent') ||
        (cover.box && frame.previousElementSibling !== cover.box)
      )
        uncover(frame);
    });
    for (const el of Array.from(doc.querySelectorAll<HTMLElement>(GATED))) {
      if (el.hasAttribute(DONE)) continue;
      const consent = el.getAttribute('data-consent') || '';
      const names = namesOf(el);
      if (unknown(el, names)) continue;
      const answers = names.map(isGranted);
      const frame = el.localName === 'iframe' ? (el as HTMLIFrameElement) : undefined;
      const src = frame?.getAttribute('data-src');
      if (frame && safeUrl(src) === INVALID) {
        report(
          el,
          `Crumb: data-src=${JSON.stringify(src)} on an <iframe data-consent="${consent}"> is not valid: expected an http(s) or relative URL. It stays off.`,
        );
        continue;
      }
      if (!answers.every(Boolean)) {
        if (frame && placeholder && !covered.has(frame)) {
          const { style } = frame;
          const cover: Cover = {
            consent,
            hidden: frame.hidden,
            display: [style.getPropertyValue('display'), style.getPropertyPriority('display')],
            styled: frame.hasAttribute('style'),
          };
          covered.set(frame, cover);
          placeholder(frame, names)
            .then((box) => {
              // Still waiting (not allowed meanwhile, not removed by the page): the box takes the frame's place.
              if (!box || covered.get(frame) !== cover || !frame.isConnected) return;
              cover.box = box;
              // `hidden` for assistive technology; the CSSOM `display` (allowed under a strict `style-src`) because a
              // site's `iframe { display: block }` would otherwise show the empty frame next to its placeholder.
              frame.hidden = true;
              style.setProperty('display', 'none', 'important');
              frame.before(box);
            })
            .catch(failed('an iframe placeholder'));
        }
        continue;
      }
      el.setAttribute(DONE, '');
      if (frame) {
        for (const n of names) ran.add(n);
        frame.src = src as string;
        uncover(frame);
      } else {
        const script = el as HTMLScriptElement;
        // One script going wrong never stops the ones after it. Its consent is asked again at its turn.
        queue = queue.then(() => activateScript(script)).catch(() => undefined);
      }
    }
  };

  return { run, activated: (name) => ran.has(name) };
}
