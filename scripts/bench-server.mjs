// The bench's static server (`scripts/bench.mjs` starts it in a worker thread): its two pages from memory, demo/ and
// dist/ from disk, never cached; a POST (a consent receipt) gets 204. Tells the bench its port when listening.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const { root, pages } = workerData;
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const send = (status, type, body) => {
    res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(body);
  };
  if (pages[path]) return send(200, 'text/html', pages[path]);
  if (req.method === 'POST') return send(204, 'text/plain', '');
  const file = normalize(path.startsWith('/dist/') ? join(root, path) : join(root, 'demo', path));
  if (!file.startsWith(root)) return send(404, 'text/plain', 'not found');
  try {
    send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  } catch {
    send(404, 'text/plain', 'not found');
  }
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
