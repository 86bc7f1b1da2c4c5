// Crumb demo server — Node 20 built-ins only.
//
//   node demo/server.mjs            → http://localhost:4173/
//   PORT=4199 HOST=0.0.0.0 node demo/server.mjs
//
// Serves demo/ at "/" and the repo's dist/ at "/dist/". Requests are matched
// first against ROUTES (exact method + path, for small dynamic endpoints such
// as a future consent-receipt POST), then against MOUNTS (static files).

import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
const DIST_DIR = resolve(DEMO_DIR, '..', 'dist');
const PORT = Number.parseInt(process.env.PORT ?? '', 10) || 4173;
const HOST = process.env.HOST || '127.0.0.1';
const BUILD_HINT = 'dist/crumb.js not found: run `npm run build` first (the pages still load without it).';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Headers sent with every response. A later change can add a CSP here. */
const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * Dynamic routes: `'METHOD /path': (req, res, url) => void`. Matched before
 * static files. Example for later:
 *   'POST /api/receipts': handleReceipt,
 */
const ROUTES = {};

/** Static mounts, longest prefix first. `prefix` must end with "/". */
const MOUNTS = [
  { prefix: '/dist/', dir: DIST_DIR },
  { prefix: '/', dir: DEMO_DIR, hidden: new Set([basename(fileURLToPath(import.meta.url))]) },
];

function send(req, res, status, body, headers = {}) {
  const buf = Buffer.from(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': buf.length,
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

const notFound = (req, res) => send(req, res, 404, 'Not found\n');

/**
 * Map a URL pathname onto a file inside `dir`, or return null when the path
 * is malformed or would escape `dir` (.., %2e%2e, encoded slashes or
 * backslashes, NUL bytes, drive letters).
 */
function safeJoin(dir, rest) {
  let decoded;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(decoded) || /^[a-z]:/i.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return null;
  const file = resolve(dir, ...segments);
  return file === dir || file.startsWith(dir + sep) ? file : null;
}

async function serveStatic(req, res, url) {
  const mount = MOUNTS.find((m) => url.pathname.startsWith(m.prefix) || `${url.pathname}/` === m.prefix);
  if (!mount) return notFound(req, res);
  if (`${url.pathname}/` === mount.prefix) {
    return send(req, res, 301, 'Moved\n', { Location: mount.prefix + url.search });
  }
  let file = safeJoin(mount.dir, url.pathname.slice(mount.prefix.length));
  if (!file || mount.hidden?.has(basename(file))) return notFound(req, res);

  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      return send(req, res, 301, 'Moved\n', { Location: `${url.pathname}/${url.search}` });
    }
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  } else if (!info && extname(file) === '') {
    // Clean URLs: /privacy → privacy.html
    file += '.html';
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    if (mount.dir === DIST_DIR && !existsSync(join(DIST_DIR, 'crumb.js')))
      console.warn(`404 ${url.pathname} — ${BUILD_HINT}`);
    return notFound(req, res);
  }

  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Last-Modified': info.mtime.toUTCString(),
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

async function handle(req, res) {
  let url;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return send(req, res, 400, 'Bad request\n');
  }
  if (!url.pathname.startsWith('/')) return send(req, res, 400, 'Bad request\n');

  const route = ROUTES[`${req.method} ${url.pathname}`];
  if (route) return route(req, res, url);

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const allowed = Object.keys(ROUTES)
      .filter((key) => key.endsWith(` ${url.pathname}`))
      .map((key) => key.split(' ')[0]);
    return send(req, res, 405, 'Method not allowed\n', { Allow: ['GET', 'HEAD', ...allowed].join(', ') });
  }
  return serveStatic(req, res, url);
}

const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) send(req, res, 500, 'Internal server error\n');
    else res.destroy();
  });
});

server.on('error', (err) => {
  console.error(err.code === 'EADDRINUSE' ? `Port ${PORT} is in use; set PORT to another port.` : err);
  process.exit(1);
});

server.listen(PORT, HOST, () => {
  console.log(`Crumb demo: http://localhost:${PORT}/`);
  if (!existsSync(join(DIST_DIR, 'crumb.js'))) console.warn(`Hint: ${BUILD_HINT}`);
});

function shutdown(signal) {
  console.log(`\n${signal}: shutting down`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 2000).unref();
}
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
