/** Whether the page is prerendered ahead of a click (Speculation Rules) and not yet shown: no visit so far. */
export const prerendering = (doc: Document): boolean => !!(doc as Document & { prerendering?: boolean }).prerendering;

/** Runs `go` now, or once a prerendered page is shown to the visitor. */
export function whenShown(doc: Document, go: () => void): void {
  if (prerendering(doc)) doc.addEventListener('prerenderingchange', go, { once: true });
  else go();
}
