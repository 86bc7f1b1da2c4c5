// `npm run size:why`: where the bytes of each built file go. For every source module in a file's source map, what
// the file would lose, gzip level 9, without that module's code (its marginal cost). Marginal costs overlap (gzip
// shares repeated text between modules), so they add up to more than the file; they say what removing or moving one
// module would save. Code the map assigns to no module (the inlined stylesheet, the bundle's own glue) is one row.
//
//   npm run size:why                       crumb.js, crumb-widget.en.js, crumb-ui.en.js
//   node scripts/size-why.mjs crumb.js     one file (in dist/)

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const UNMAPPED = '(no module: inlined styles, bundle glue)';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one segment's base64 VLQ fields. */
export function decodeVlq(text) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`size-why: "${char}" is not base64 in a source map`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  if (shift) throw new Error('size-why: a source map segment ends in the middle of a number');
  return fields;
}

/**
 * The generated code cut into spans, each with the index of its source (`undefined` where the map names none):
 * a span runs from its segment's column to the next segment on the same line, or to the end of the line.
 */
export function spans(code, mappings) {
  const lines = code.split('\n');
  const out = [];
  let source = 0;
  mappings.split(';').forEach((line, n) => {
    const text = lines[n] ?? '';
    let column = 0;
    const segments = line
      ? line.split(',').map((segment) => {
          const [col, src] = decodeVlq(segment);
          column += col;
          if (src !== undefined) source += src;
          return { column, source: src === undefined ? undefined : source };
        })
      : [];
    // What comes before the line's first segment belongs to no module.
    if (!segments.length || segments[0].column > 0)
      out.push({ line: n, start: 0, end: segments[0]?.column ?? text.length, source: undefined });
    segments.forEach((s, i) => {
      out.push({ line: n, start: s.column, end: segments[i + 1]?.column ?? text.length, source: s.source });
    });
  });
  return out;
}

const gzip = (text) => gzipSync(text, { level: 9 }).length;

/** A source path as a reader knows it: `preact` for the package, `src/…` for Crumb's own modules. */
const label = (path) =>
  path === undefined
    ? UNMAPPED
    : (/node_modules\/(@[^/]+\/[^/]+|[^/]+)\//.exec(path)?.[1] ?? path.replace(/^(\.\.\/)+/, ''));

/** Rows of `{ module, raw, gzip }`, largest marginal gzip cost first, and the file's own gzip size. */
export function breakdown(file) {
  const code = readFileSync(join(dist, file), 'utf8');
  const map = JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8'));
  const lines = code.split('\n');
  const cut = spans(code, map.mappings).map((s) => ({ ...s, module: label(map.sources[s.source]) }));
  const total = gzip(code);
  const modules = [...new Set(cut.map((s) => s.module))];
  const rows = modules.map((module) => {
    // The file with this module's spans left out, line by line.
    const kept = lines.map((text, n) =>
      cut
        .filter((s) => s.line === n && s.module !== module)
        .map((s) => text.slice(s.start, s.end))
        .join(''),
    );
    const raw = cut.filter((s) => s.module === module).reduce((sum, s) => sum + (s.end - s.start), 0);
    return { module, raw, gzip: total - gzip(kept.join('\n')) };
  });
  return { total, raw: code.length, rows: rows.sort((a, b) => b.gzip - a.gzip) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  const list = files.length ? files : ['crumb.js', 'crumb-widget.en.js', 'crumb-ui.en.js'];
  for (const file of list) {
    if (!existsSync(join(dist, file)) || !existsSync(join(dist, `${file}.map`))) {
      console.error(`size-why: dist/${file} or its source map is missing: run \`npm run build\` first.`);
      process.exit(1);
    }
    const { total, raw, rows } = breakdown(file);
    console.log(`\n${file}: ${raw} B raw, ${total} B gzip; what each module costs it (gzip B without it, raw B)`);
    const width = Math.max(...rows.map((r) => r.module.length));
    for (const r of rows)
      console.log(`  ${r.module.padEnd(width)}  ${String(r.gzip).padStart(6)}  ${String(r.raw).padStart(6)}`);
  }
}
