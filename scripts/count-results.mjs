// Sums the unit (Vitest) and end-to-end (Playwright) results of the last run into one final line:
//   `N passed, N failed` (+ `, N skipped` when some were skipped). Flaky tests count as failed.
// A suite whose results file is missing counts as 0 and gets a note line before the final line.
// Exit code: 0 when at least one test passed and none failed, else 1.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');

const total = { passed: 0, failed: 0, skipped: 0 };

/** @param {string} suite @param {string} file @param {(report: any) => { passed: number, failed: number, skipped: number, notes?: string[] }} count */
function add(suite, file, count) {
  const path = join(results, file);
  if (!existsSync(path)) {
    console.log(`note: ${suite} tests did not run (no test-results/${file})`);
    return;
  }
  let counted;
  try {
    counted = count(JSON.parse(readFileSync(path, 'utf8')));
    for (const key of ['passed', 'failed', 'skipped']) {
      if (!Number.isInteger(counted[key])) throw new Error(`no ${key} count`);
    }
  } catch (error) {
    total.failed += 1;
    console.log(
      `note: ${suite} results in test-results/${file} could not be read, counted as 1 failed: ${error.message}`,
    );
    return;
  }
  for (const note of counted.notes ?? []) console.log(`note: ${suite}: ${note}`);
  total.passed += counted.passed;
  total.failed += counted.failed;
  total.skipped += counted.skipped;
}

// Vitest's json reporter (Jest-compatible shape). A test file that fails before any test runs (syntax error, failed
// import) has no tests in it: count it as one failed test, so that the line never reads "0 failed" after a failure.
add('unit', 'unit.json', (r) => {
  const broken = (r.testResults ?? []).filter((file) => file.status === 'failed' && !file.assertionResults?.length);
  const notes = broken.map(
    (file) => `${relative(root, file.name)} failed to load, counted as 1 failed: ${firstLine(file.message)}`,
  );
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + broken.length,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    notes,
  };
});

// Playwright's json reporter. Errors outside any test (a spec that does not load, the web server not starting)
// count as one failed test each, for the same reason.
add('e2e', 'e2e.json', (r) => {
  const { expected, unexpected, flaky, skipped } = r.stats ?? {};
  const errors = r.errors ?? [];
  const notes = [];
  if (flaky > 0) notes.push(`${flaky} flaky test(s) counted as failed`);
  for (const error of errors) notes.push(`error outside any test, counted as 1 failed: ${firstLine(error.message)}`);
  return { passed: expected, failed: unexpected + flaky + errors.length, skipped, notes };
});

/** @param {unknown} message */
function firstLine(message) {
  return (
    stripVTControlCharacters(String(message ?? ''))
      .trim()
      .split('\n')[0] || '(no message)'
  );
}

const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
