import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A Playwright project without "type": "module" (what `npm init playwright` makes) has its specs compiled to
// CommonJS, so `import … from 'crumb-consent/testing'` becomes a require(): the exports must answer it too (Node
// loads the ES module for it, from 20.19 and 22.12 on). Checked on the exports map here, before any build;
// `npm run check:consumer` requires the built files for real.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('package exports', () => {
  it.each([
    ['.', './dist/crumb.mjs'],
    ['./testing', './dist/testing.mjs'],
  ])('%s answers import and require() with the same file', (subpath, file) => {
    const entry = pkg.exports[subpath];
    expect(entry.import).toBe(file);
    // `default` is the condition require() falls back to.
    expect(entry.default).toBe(file);
    expect(Object.keys(entry).pop()).toBe('default');
  });
});
