import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// A Playwright project without "type": "module" (what `npm init playwright` makes) has its specs compiled to
// CommonJS, so `import … from 'crumb-consent/testing'` becomes a require(): the exports must answer it too (Node
// loads the ES module for it, from 20.19 and 22.12 on).
const require = createRequire(import.meta.url);

describe('package exports', () => {
  it.each([
    ['crumb-consent', /\/dist\/crumb\.mjs$/],
    ['crumb-consent/testing', /\/dist\/testing\.mjs$/],
  ])('%s resolves for require() as for import', (specifier, file) => {
    expect(require.resolve(specifier)).toMatch(file);
    expect(import.meta.resolve(specifier)).toMatch(file);
  });
});
