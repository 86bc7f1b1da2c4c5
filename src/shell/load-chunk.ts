import type { Chunk, ChunkName, ChunkScript } from '../chunks';
import type { ScriptLoader } from '../trackers/load-script';

/**
 * Loads `crumb-<file>.js` from next to Crumb's own script (with its query string, so a cache-busting `?v=` holds for
 * every file), through the script loader: same nonce, same Trusted Types policy.
 */
export function loadChunkScript<N extends ChunkName>(
  loader: ScriptLoader,
  scriptSrc: string,
  file: string,
): Promise<Chunk<N>> {
  return new Promise((resolve, reject) => {
    const own = new URL(scriptSrc);
    const url = new URL(`crumb-${file}.js${own.search}`, own).href;
    loader.allow(url);
    loader.load(url, (script: ChunkScript) => {
      script.crumb = resolve as (chunk: unknown) => void;
      script.addEventListener('error', () => reject(new Error(`${url} did not load`)));
    });
  });
}
