import { defineConfig } from 'vitest/config';

/**
 * Library builds from one config, chosen by `--mode`:
 * - `iife`:    `dist/crumb.js`, the classic script a site pastes (entry `src/main.ts`, the only module with side effects);
 * - `esm`:     `dist/crumb.mjs`, the side-effect-free module for bundler users (entry `src/index.ts`);
 * - `testing`: `dist/testing.mjs`, the QA kit `crumb-consent/testing` for Playwright suites (entry `src/testing/index.ts`).
 * `npm run build` runs them all, then emits `.d.ts` types with `tsc -p tsconfig.build.json`.
 */
const LIBS = {
  iife: { entry: 'src/main.ts', name: 'CrumbBundle', formats: ['iife' as const], fileName: () => 'crumb.js' },
  esm: { entry: 'src/index.ts', formats: ['es' as const], fileName: () => 'crumb.mjs' },
  testing: { entry: 'src/testing/index.ts', formats: ['es' as const], fileName: () => 'testing.mjs' },
};

export default defineConfig(({ mode }) => {
  const name = (mode in LIBS ? mode : 'iife') as keyof typeof LIBS;
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    define: { __CRUMB_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
    build: {
      target: name === 'testing' ? 'node20' : 'es2019',
      outDir: 'dist',
      emptyOutDir: name === 'iife',
      sourcemap: true,
      // The QA kit stays readable: it runs in test suites, not on visitors' pages.
      minify: name !== 'testing',
      reportCompressedSize: false,
      lib: LIBS[name],
      rollupOptions:
        name === 'iife' ? {} : { external: [/^preact/, /^@preact\//, 'js-cookie', /^@playwright\//, /^node:/] },
    },
    test: {
      include: ['test/**/*.test.{ts,tsx}'],
      environment: 'node',
      restoreMocks: true,
    },
  };
});
