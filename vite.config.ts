import { defineConfig } from 'vitest/config';

/**
 * Two library builds from one config, chosen by `--mode`:
 * - `iife`: `dist/crumb.js`, the classic script a site pastes (entry `src/main.ts`, the only module with side effects);
 * - `esm`:  `dist/crumb.mjs`, the side-effect-free module for bundler users (entry `src/index.ts`).
 * `npm run build` runs both, then emits `.d.ts` types with `tsc -p tsconfig.build.json`.
 */
export default defineConfig(({ mode }) => {
  const iife = mode !== 'esm';
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    define: { __CRUMB_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
    build: {
      target: 'es2019',
      outDir: 'dist',
      emptyOutDir: iife,
      sourcemap: true,
      minify: true,
      reportCompressedSize: false,
      lib: iife
        ? { entry: 'src/main.ts', name: 'CrumbBundle', formats: ['iife'], fileName: () => 'crumb.js' }
        : { entry: 'src/index.ts', formats: ['es'], fileName: () => 'crumb.mjs' },
      rollupOptions: iife ? {} : { external: [/^preact/, /^@preact\//, 'js-cookie'] },
    },
    test: {
      include: ['test/**/*.test.{ts,tsx}'],
      environment: 'node',
      restoreMocks: true,
    },
  };
});
