import { type Chunk, failed } from '../chunks';
import type { Activation, ActivationOptions } from './gated-elements';
import { GATED, MISGATED } from './selector';

/** What gated markup is made of: scripts and iframes, and the placeholder shown before a waiting iframe. */
const WATCHED = 'script,iframe,.crumb-embed';
/** A node that is, or holds, gated markup (looked for in its own subtree only). */
const holds = (n: Node) =>
  n.nodeType === 1 && ((n as Element).matches(WATCHED) || !!(n as Element).querySelector(WATCHED));

/**
 * The widget's side of gated markup: one MutationObserver that notices gated scripts and iframes (in the page at start,
 * added later, or given `data-consent`/`data-src`/`type` later) and loads the activation chunk the first time there
 * are any. Pages without gated markup never load it. Markup with `data-consent` that is not gated (`MISGATED`) is
 * handed to `misgated`, each element once, to be reported. `changed` is called first on every change of the page.
 * The document is looked through again only for a change that touches a script, an iframe or a placeholder.
 */
export function watchGated(
  doc: Document,
  load: () => Promise<Chunk<'activation'> | undefined>,
  options: ActivationOptions,
  misgated: (elements: Element[]) => void,
  changed: () => void,
): Activation {
  let activation: Activation | undefined;
  let loading = false;
  const said = new WeakSet<Element>();
  const run = () => {
    const wrong = [...doc.querySelectorAll(MISGATED)].filter((el) => !said.has(el) && said.add(el));
    if (wrong.length) misgated(wrong);
    if (activation) return activation.run();
    if (loading || !doc.querySelector(GATED)) return;
    loading = true;
    load()
      .then((chunk) => {
        if (!chunk) return;
        activation = chunk.createActivation(options);
        activation.run();
      })
      .catch(failed('gated content'));
  };
  if (typeof MutationObserver === 'function')
    new MutationObserver((records) => {
      changed();
      // Only a change that adds, removes or edits a script or an iframe (or removes a placeholder) can concern gated
      // markup: the rest of the page's work (a feed, an animation, a framework's re-render) costs no look through the
      // whole document, only through what it added or removed.
      if (
        records.some((r) =>
          r.type === 'attributes' ? holds(r.target) : [...r.addedNodes, ...r.removedNodes].some(holds),
        )
      )
        run();
    }).observe(doc.documentElement, {
      childList: true,
      subtree: true,
      attributeFilter: ['type', 'data-consent', 'data-src'],
    });
  return { run, activated: (name) => !!activation && activation.activated(name) };
}
