// `npm run size`: gzip size of the build against the budgets in package.json ("crumb": { "sizeBudget": { file: bytes } }).
// Budgets are gzip bytes (level 9), file names relative to dist/. Exits 1 when a file is missing or over budget.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const budgets = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).crumb?.sizeBudget;
if (!budgets || typeof budgets !== 'object' || !('crumb.js' in budgets)) {
  console.error('size: package.json has no "crumb": { "sizeBudget": { "crumb.js": <gzip bytes> } }.');
  process.exit(1);
}

const rows = [];
const problems = [];
for (const [file, budget] of Object.entries(budgets)) {
  const path = join(dist, file);
  if (!existsSync(path)) {
    problems.push(`dist/${file} does not exist: run \`npm run build\` first.`);
    continue;
  }
  if (!Number.isInteger(budget) || budget <= 0) {
    problems.push(`package.json crumb.sizeBudget["${file}"] must be a positive whole number of bytes, got ${budget}.`);
    continue;
  }
  const raw = readFileSync(path);
  const gzip = gzipSync(raw, { level: 9 }).length;
  const over = gzip > budget;
  rows.push([
    `dist/${file}`,
    raw.length,
    gzip,
    budget,
    over ? `OVER by ${gzip - budget} B` : `ok (${pct(gzip, budget)})`,
  ]);
  if (over) problems.push(`dist/${file} is ${gzip} B gzipped, over its budget of ${budget} B by ${gzip - budget} B.`);
}

if (rows.length > 0) printTable(['file', 'raw B', 'gzip B', 'budget B', 'status'], rows);
if (problems.length > 0) {
  for (const problem of problems) console.error(`size: ${problem}`);
  process.exit(1);
}

/** @param {number} part @param {number} whole */
function pct(part, whole) {
  return `${Math.round((part / whole) * 100)}% of budget`;
}

/** @param {string[]} head @param {(string | number)[][]} body */
function printTable(head, body) {
  const cells = [head, ...body].map((row) => row.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => (i > 0 && i < 4 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}
