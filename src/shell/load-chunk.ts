import type { Chunk, ChunkName, ChunkScript } from '../chunks';
import type { ScriptLoader } from '../trackers/load-script';

/** `crumb-<file>.js` next to Crumb's own script, with its query string (so a cache-busting `?v=` holds for all). */
export function chunkUrl(scriptSrc: string, file: string): string {
  const own = new URL(scriptSrc);
  return new URL(`crumb-${file}.js${own.search}`, own).href;
}

/**
 * Preloads a chunk (fetched now, run only when the core asks for it): a first visit's banner does not wait for the
 * configuration to be read before its files start downloading.
 */
export function preloadChunk(doc: Document, scriptSrc: string, file: string, nonce: string): void {
  const link = doc.createElement('link');
  link.rel = 'preload';
  link.as = 'script';
  link.href = chunkUrl(scriptSrc, file);
  if (nonce) link.nonce = nonce;
  (doc.head || doc.documentElement).appendChild(link);
}

/** Loads a chunk through the script loader: same nonce, same Trusted Types policy. */
export function loadChunkScript<N extends ChunkName>(
  loader: ScriptLoader,
  scriptSrc: string,
  file: string,
): Promise<Chunk<N>> {
  return new Promise((resolve, reject) => {
    const url = chunkUrl(scriptSrc, file);
    loader.allow(url);
    loader.load(url, (script: ChunkScript) => {
      script.crumb = resolve as (chunk: unknown) => void;
      script.addEventListener('error', () => reject(new Error(`${url} did not load`)));
    });
  });
}
