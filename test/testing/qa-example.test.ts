import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// e2e/qa-example/ is a QA project its README tells sites to copy into their own repository: it may import
// packages (`@playwright/test`, `crumb-consent/testing`) and Node's own modules, but no file of Crumb's.
const folder = resolve(dirname(fileURLToPath(import.meta.url)), '../../e2e/qa-example');

describe('the example QA project', () => {
  it.each(readdirSync(folder).filter((f) => f.endsWith('.ts')))(
    '%s imports nothing from outside its folder',
    (file) => {
      const source = readFileSync(join(folder, file), 'utf8');
      const specifiers = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/g)].map(
        (m) => m[1] ?? m[2],
      );
      expect(specifiers.length).toBeGreaterThan(0);
      const outside = specifiers.filter((s) => s.startsWith('.') && !resolve(folder, s).startsWith(`${folder}/`));
      expect(outside).toEqual([]);
    },
  );
});
