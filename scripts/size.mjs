// `npm run size`: what a page downloads from Crumb, gzip level 9, each file on its own as it travels, against the
// budgets in package.json ("crumb": { "sizeBudget": { "<budget>": bytes } }). Exits 1 when over or missing.
//   beforeTrackers: dist/crumb.js, all that runs before a returning visitor's trackers load
//   firstVisit:     + dist/crumb-widget.<lang>.js (the banner, "Cookie settings", gated markup, other tabs, and the
//                   control: deciding, storing, reactions), for every language: all a first visit loads until the
//                   visitor asks for the preferences; a returning visit loads the same files, the widget after its
//                   trackers
//   preferences:    dist/crumb-ui.<lang>.js (Preact, the preferences), loaded when they are opened, for every language
// Pages with gated markup, sites with a receipt endpoint and configurations with a mistake also load
// crumb-activation.js, crumb-receipts.js or crumb-diagnostics.js; they are listed for information.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** @param {string} file @returns {{ raw: number, gzip: number }} */
export function measure(file) {
  const bytes = readFileSync(join(dist, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The payloads a page loads: returning visit, then a first visit per UI language. */
export function payloads() {
  const languages = readdirSync(dist)
    .map((f) => /^crumb-widget\.([a-z-]+)\.js$/.exec(f)?.[1])
    .filter(Boolean)
    .sort();
  return [
    { name: 'before trackers', budget: 'beforeTrackers', files: ['crumb.js'] },
    ...languages.map((lang) => ({
      name: `first visit (${lang})`,
      budget: 'firstVisit',
      files: ['crumb.js', `crumb-widget.${lang}.js`],
    })),
    ...languages.map((lang) => ({
      name: `preferences (${lang})`,
      budget: 'preferences',
      files: [`crumb-ui.${lang}.js`],
    })),
    ...['activation', 'receipts', 'diagnostics'].map((name) => ({ name: `when needed`, files: [`crumb-${name}.js`] })),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const budgets = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).crumb?.sizeBudget ?? {};
  const problems = [];
  for (const key of ['beforeTrackers', 'firstVisit', 'preferences'])
    if (!Number.isInteger(budgets[key]) || budgets[key] <= 0)
      problems.push(`package.json crumb.sizeBudget.${key} must be a positive whole number of gzip bytes.`);
  if (!existsSync(join(dist, 'crumb.js'))) problems.push('dist/crumb.js does not exist: run `npm run build` first.');
  const list = problems.length ? [] : payloads();
  if (!problems.length && list.length < 3) problems.push('no dist/crumb-widget.<lang>.js: run `npm run build` first.');

  const rows = [];
  for (const p of list) {
    const sizes = p.files.map(measure);
    const raw = sizes.reduce((n, s) => n + s.raw, 0);
    const gzip = sizes.reduce((n, s) => n + s.gzip, 0);
    const budget = p.budget ? budgets[p.budget] : undefined;
    const over = budget !== undefined && gzip > budget;
    rows.push([p.name, p.files.join(' + '), raw, gzip, budget ?? '', over ? `OVER by ${gzip - budget} B` : 'ok']);
    if (over) problems.push(`${p.name}: ${gzip} B gzipped, over its budget of ${budget} B by ${gzip - budget} B.`);
  }
  if (rows.length) printTable(['payload', 'files', 'raw B', 'gzip B', 'budget B', 'status'], rows);
  for (const problem of problems) console.error(`size: ${problem}`);
  if (problems.length) process.exit(1);
}

/** @param {string[]} head @param {(string | number)[][]} body */
function printTable(head, body) {
  const cells = [head, ...body].map((row) => row.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}
