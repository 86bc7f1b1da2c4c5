// Crumb demo server — Node 20 built-ins only.
//
//   node demo/server.mjs            → http://localhost:4173/
//   PORT=4199 HOST=0.0.0.0 node demo/server.mjs
//
// Serves demo/ at "/" and the repo's dist/ at "/dist/". Requests are matched
// first against ROUTES (exact method + path, for small dynamic endpoints such
// as the consent-receipt endpoint), then against MOUNTS (static files).
//
// Strict CSP: the pages in demo/csp/, and every demo page written with a {{nonce}}
// placeholder, are served with a Content-Security-Policy header and a fresh
// random nonce per response, written wherever the page says {{nonce}}. `?policy=hosts` picks the host-list policy instead of the
// 'strict-dynamic' one (both are the README's examples).
//
// Consent receipts: POST /api/receipts appends each receipt as one JSON line to
// CRUMB_RECEIPTS_FILE (default demo/receipts.jsonl; a relative path is taken
// from the repo root); GET /api/receipts?limit=N[&for=ID,…] lists the latest ones.

import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_DIR = resolve(DEMO_DIR, '..');
const DIST_DIR = resolve(REPO_DIR, 'dist');
const RECEIPTS_FILE = resolve(REPO_DIR, process.env.CRUMB_RECEIPTS_FILE || join('demo', 'receipts.jsonl'));
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

/** Headers sent with every response (the demo/csp/ pages add their Content-Security-Policy). */
const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

// Strict CSP pages --------------------------------------------------------------

const CSP_DIR = join(DEMO_DIR, 'csp');
const VENDOR_SCRIPTS = [
  'https://www.googletagmanager.com',
  'https://connect.facebook.net',
  'https://static.ads-twitter.com',
  'https://lltrck.com',
];
const VENDOR_BEACONS = [
  'https://*.google-analytics.com',
  'https://*.analytics.google.com',
  'https://www.googletagmanager.com',
  'https://www.facebook.com',
  'https://analytics.twitter.com',
  'https://t.co',
  'https://lltrck.com',
];
/** The policies the README documents, by `?policy=`. */
const CSP_POLICIES = {
  'strict-dynamic': (nonce) => [
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types crumb',
  ],
  hosts: (nonce) => [
    `script-src 'self' 'nonce-${nonce}' ${VENDOR_SCRIPTS.join(' ')}`,
    `connect-src 'self' ${VENDOR_BEACONS.join(' ')}`,
    `img-src 'self' ${VENDOR_BEACONS.join(' ')}`,
    "style-src 'self'",
    'frame-src https://www.youtube-nocookie.com',
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types crumb',
  ],
};

/** Serves a demo/csp/ page with its CSP header and a nonce that is new on every response. */
async function serveCspPage(req, res, url, file) {
  const policy = CSP_POLICIES[url.searchParams.get('policy') || 'strict-dynamic'];
  if (!policy) return send(req, res, 400, `Unknown policy; use one of ${Object.keys(CSP_POLICIES).join(', ')}\n`);
  const nonce = randomBytes(18).toString('base64');
  const html = (await readFile(file, 'utf8')).replaceAll('{{nonce}}', nonce);
  // A page whose own scripts build script elements names its Trusted Types policy in
  // <meta name="demo-trusted-types" content="…">: it is listed next to Crumb's, as a site would list its own.
  const own = /<meta name="demo-trusted-types" content="([a-z-]+)">/.exec(html)?.[1];
  const directives = policy(nonce).map((d) => (own && d === 'trusted-types crumb' ? `${d} ${own}` : d));
  send(req, res, 200, html, {
    'Content-Type': TYPES['.html'],
    'Content-Security-Policy': directives.join('; '),
  });
}

// Consent receipts ------------------------------------------------------------
//
// Privacy: a receipt is stored exactly as the widget sent it, plus the server's
// own `receivedAt`. This endpoint never records the client's IP address, user
// agent, cookies or any other request header, and never logs the request.

const RECEIPT_MAX_BYTES = 8 * 1024;
const RECEIPT_TYPES = new Set(['acceptance', 'refusal', 'partial', 'withdrawal', 'signal', 'reset']);
const RECEIPT_ID = /^[A-Za-z0-9_-]{22}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Cross-origin beacons and fetches from other demo origins may post receipts; nothing here uses credentials. */
const RECEIPT_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '86400',
};

/** Appends run one after another, so two receipts arriving at once never interleave. */
let appendQueue = Promise.resolve();
function appendLine(line) {
  const next = appendQueue.then(async () => {
    await mkdir(dirname(RECEIPTS_FILE), { recursive: true });
    await appendFile(RECEIPTS_FILE, line, 'utf8');
  });
  appendQueue = next.catch(() => {});
  return next;
}

/** Resolves with the body as a Buffer, or null (after answering 413) when it exceeds RECEIPT_MAX_BYTES. */
function readBody(req, res) {
  return new Promise((resolvePromise, reject) => {
    const tooLarge = () => {
      send(req, res, 413, `Receipt too large (limit ${RECEIPT_MAX_BYTES} bytes)\n`, {
        ...RECEIPT_CORS,
        Connection: 'close',
      });
      resolvePromise(null);
    };
    if (Number(req.headers['content-length']) > RECEIPT_MAX_BYTES) return tooLarge();
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size <= RECEIPT_MAX_BYTES) return chunks.push(chunk);
      req.off('data', onData);
      req.resume(); // discard the rest; the answer closes the connection
      tooLarge();
    };
    req.on('data', onData);
    req.on('end', () => {
      if (size <= RECEIPT_MAX_BYTES) resolvePromise(Buffer.concat(chunks));
    });
    req.on('error', reject);
    // A client that gives up mid-body gets no answer; settle so nothing waits forever.
    req.on('close', () => {
      if (!req.complete) resolvePromise(null);
    });
  });
}

/** Returns what is wrong with a parsed receipt, or null when its shape is acceptable. */
function receiptProblem(receipt) {
  if (!receipt || typeof receipt !== 'object' || Array.isArray(receipt)) return 'a receipt must be a JSON object';
  if (typeof receipt.id !== 'string' || !RECEIPT_ID.test(receipt.id)) return '"id" must be 22 base64url characters';
  if (!RECEIPT_TYPES.has(receipt.type)) return `"type" must be one of ${[...RECEIPT_TYPES].join(', ')}`;
  if (typeof receipt.time !== 'string' || !ISO_TIME.test(receipt.time) || Number.isNaN(Date.parse(receipt.time)))
    return '"time" must be an ISO 8601 date-time';
  return null;
}

/** POST /api/receipts — any content type (the widget sends text/plain to avoid a preflight). */
async function postReceipt(req, res) {
  const body = await readBody(req, res);
  if (body === null) return;
  let receipt;
  try {
    receipt = JSON.parse(body.toString('utf8'));
  } catch {
    return send(req, res, 400, 'Invalid JSON\n', RECEIPT_CORS);
  }
  const problem = receiptProblem(receipt);
  if (problem) return send(req, res, 422, `Invalid receipt: ${problem}\n`, RECEIPT_CORS);
  // The receipt's own fields, then the server's time (a client-sent `receivedAt` is overwritten).
  await appendLine(`${JSON.stringify({ ...receipt, receivedAt: new Date().toISOString() })}\n`);
  res.writeHead(204, { ...BASE_HEADERS, ...RECEIPT_CORS });
  res.end();
}

/** OPTIONS /api/receipts — CORS preflight. */
function receiptPreflight(_req, res) {
  res.writeHead(204, { ...BASE_HEADERS, ...RECEIPT_CORS, Allow: 'GET, HEAD, POST, OPTIONS' });
  res.end();
}

/**
 * GET /api/receipts?limit=N[&for=ID,ID…] — `{ receipts: [...] }`, latest first; N defaults to 10, at most 100.
 * With `for`, only the receipts of those consent IDs, or of the decisions that replaced them (`previousId`): one
 * browser's chain, as the demo's panel shows it.
 */
async function listReceipts(req, res, url) {
  const requested = Number.parseInt(url.searchParams.get('limit') ?? '', 10);
  const limit = Number.isFinite(requested) && requested > 0 ? Math.min(requested, 100) : 10;
  const only = url.searchParams.has('for') ? new Set(url.searchParams.get('for').split(',')) : undefined;
  let text = '';
  try {
    text = await readFile(RECEIPTS_FILE, 'utf8');
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  const receipts = [];
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0 && receipts.length < limit; i--) {
    if (!lines[i].trim()) continue;
    try {
      const receipt = JSON.parse(lines[i]);
      if (!only || only.has(receipt?.id) || only.has(receipt?.previousId)) receipts.push(receipt);
    } catch {
      // A line being written right now, or a damaged one: skip it.
    }
  }
  send(req, res, 200, `${JSON.stringify({ receipts }, null, 2)}\n`, {
    'Content-Type': 'application/json; charset=utf-8',
  });
}

/**
 * Dynamic routes: `'METHOD /path': (req, res, url) => void`. Matched before
 * static files.
 */
const ROUTES = {
  'POST /api/receipts': postReceipt,
  'OPTIONS /api/receipts': receiptPreflight,
  'GET /api/receipts': listReceipts,
  'HEAD /api/receipts': listReceipts,
};

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

  // Pages written with a {{nonce}} placeholder (demo/csp/ and the hard-case pages) get the strict policy.
  if (
    extname(file) === '.html' &&
    (file.startsWith(CSP_DIR + sep) || (await readFile(file, 'utf8')).includes('{{nonce}}'))
  )
    return serveCspPage(req, res, url, file);

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
    return send(req, res, 405, 'Method not allowed\n', { Allow: [...new Set(['GET', 'HEAD', ...allowed])].join(', ') });
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
