import type { Chunk, ChunkName, ChunkScript } from '../chunks';
import type { ScriptLoader } from '../trackers/load-script';

/** `crumb-<file>.js` next to Crumb's own script, with its query string (so a cache-busting `?v=` holds for all). */
export function chunkUrl(scriptSrc: string, file: string): string {
  const own = new URL(scriptSrc);
  return new URL(`crumb-${file}.js${own.search}`, own).href;
}

/**
 * Loads a chunk through the script loader: same nonce, same Trusted Types policy. Settles in every case: a chunk
 * hands itself over while it runs, so a file that loaded without doing so (an error page served as 200, a proxy's
 * rewrite) is refused, as is one that did not load or could not be injected.
 */
export function loadChunkScript<N extends ChunkName>(
  loader: ScriptLoader,
  scriptSrc: string,
  file: string,
): Promise<Chunk<N>> {
  return new Promise((resolve, reject) => {
    const url = chunkUrl(scriptSrc, file);
    loader.allow(url);
    const injected = loader.load(url, (script: ChunkScript) => {
      let handedOver = false;
      script.crumb = (chunk) => {
        handedOver = true;
        resolve(chunk as Chunk<N>);
      };
      const fail = (why: string) => () => {
        if (handedOver) return;
        // Gone, so a later attempt adds a fresh element.
        loader.forget(url);
        script.remove();
        reject(new Error(`${url} ${why}`));
      };
      script.addEventListener('error', fail('did not load'));
      script.addEventListener('load', fail("is not one of Crumb's files"));
    });
    if (!injected) reject(new Error(`${url} could not be added to the page`));
  });
}
