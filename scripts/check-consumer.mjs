// `npm run check:consumer`: type-checks test/consumer/check.ts as a project that installed crumb-consent would, with
// `moduleResolution: nodenext`, then `bundler`, against the built dist/types (run `npm run build` first). It catches declarations
// that only a bundler could resolve, and types that collapsed to `any` (the check uses @ts-expect-error).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'test-results', 'consumer');
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'node_modules', '@playwright'), { recursive: true });
mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
cpSync(join(root, 'test', 'consumer'), dir, { recursive: true });
writeFileSync(join(dir, 'package.json'), '{ "name": "consumer", "type": "module", "private": true }\n');
// The package as installed, and the peers a QA project has.
symlinkSync(root, join(dir, 'node_modules', 'crumb-consent'), 'dir');
for (const name of ['@playwright/test', 'playwright', 'playwright-core', '@types/node'])
  symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');

// Twice: as Node resolves (`nodenext`), and as a bundler does (`bundler`, which Vite and webpack projects use).
const modes = [
  ['nodenext', []],
  ['bundler', ['--module', 'esnext', '--moduleResolution', 'bundler']],
];
for (const [mode, flags] of modes) {
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir, ...flags],
    { stdio: 'inherit' },
  );
  if (tsc.status !== 0) {
    console.error(`check:consumer: the published types do not compile for a ${mode} project (see above).`);
    process.exit(1);
  }
}
// And a CommonJS project (what `npm init playwright` makes) loads both entries with require().
const cjs = spawnSync(
  process.execPath,
  [
    '-e',
    "for (const s of ['crumb-consent', 'crumb-consent/testing']) if (typeof require(s) !== 'object') throw new Error(s)",
  ],
  { cwd: dir, stdio: 'inherit' },
);
if (cjs.status !== 0) {
  console.error('check:consumer: a CommonJS project cannot require() crumb-consent (see above).');
  process.exit(1);
}
console.log('check:consumer: the published types compile for a nodenext and a bundler project; require() loads both.');
