import { defineConfig } from 'vitest/config';

type Lib = { entry: string; formats: ('iife' | 'es')[]; fileName: () => string };
/**
 * Library builds from one config, chosen by `--mode` (`scripts/build.mjs` runs them all):
 * - `iife`:      `dist/crumb.js`, the core a site's script tag loads (entry `src/main.ts`): no Preact;
 * - `widget-<lang>`: `dist/crumb-widget.<lang>.js`, the host element, the banner, "Cookie settings", watchers and the
 *                control (deciding, storing, reactions), on every page;
 * - `ui-<lang>`: `dist/crumb-ui.<lang>.js`, the Preact UI chunk the widget loads when the preferences must show;
 * - `activation`, `receipts`, `diagnostics`: `dist/crumb-<mode>.js`, loaded when the page has gated markup, when the
 *                site has a receipt endpoint, or a config mistake;
 * - `esm`:       `dist/crumb.mjs`, the side-effect-free module for bundler users, its UI split into chunks;
 * - `testing`:   `dist/testing.mjs`, the QA kit `crumb-consent/testing` for Playwright suites.
 */
function lib(mode: string): Lib {
  if (mode.startsWith('ui-'))
    return { entry: 'src/ui/chunk.ts', formats: ['iife'], fileName: () => `crumb-ui.${mode.slice(3)}.js` };
  if (mode.startsWith('widget-'))
    return { entry: 'src/shell/chunk.ts', formats: ['iife'], fileName: () => `crumb-widget.${mode.slice(7)}.js` };
  if (mode === 'activation')
    return { entry: 'src/activation/chunk.ts', formats: ['iife'], fileName: () => 'crumb-activation.js' };
  if (mode === 'receipts')
    return { entry: 'src/receipts/chunk.ts', formats: ['iife'], fileName: () => 'crumb-receipts.js' };
  if (mode === 'diagnostics')
    return { entry: 'src/config/diagnostics-chunk.ts', formats: ['iife'], fileName: () => 'crumb-diagnostics.js' };
  if (mode === 'esm') return { entry: 'src/index.ts', formats: ['es'], fileName: () => 'crumb.mjs' };
  if (mode === 'testing') return { entry: 'src/testing/index.ts', formats: ['es'], fileName: () => 'testing.mjs' };
  return { entry: 'src/main.ts', formats: ['iife'], fileName: () => 'crumb.js' };
}

export default defineConfig(({ mode }) => {
  const lang = /^(ui|widget)-/.test(mode) ? mode.slice(mode.indexOf('-') + 1) : 'en';
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    define: {
      __CRUMB_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0'),
      // Only English chunks (and the builds with every language) can show a text through the English fallback, so
      // only they carry the code that marks such texts `lang="en"` (see `inEnglish`).
      __CRUMB_FALLBACK__: JSON.stringify(lang === 'en'),
    },
    resolve: { alias: { 'crumb-ui-texts': `${import.meta.dirname}/src/ui/texts/${lang}.ts` } },
    build: {
      target: mode === 'testing' ? 'node20' : 'es2019',
      // Styles are written for browsers with logical properties and color-mix(); lowering them for older targets
      // doubled the stylesheet (`:lang()` polyfills for every inline-start rule). Older browsers drop what they lack.
      // iOS is named on its own: without it the minifier drops `-webkit-text-size-adjust`, the only form iOS reads.
      cssTarget: ['chrome111', 'edge111', 'firefox113', 'safari16.2', 'ios16.2'],
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      // The QA kit stays readable: it runs in test suites, not on visitors' pages.
      minify: mode !== 'testing',
      reportCompressedSize: false,
      lib: { name: 'Crumb', ...lib(mode) },
      rollupOptions:
        mode === 'esm' || mode === 'testing'
          ? {
              external: [/^preact/, /^@playwright\//, /^node:/],
              output: { chunkFileNames: 'crumb-[name]-[hash].mjs' },
            }
          : {},
    },
    test: {
      include: ['test/**/*.test.{ts,tsx}'],
      environment: 'node',
      restoreMocks: true,
      // The fuzz tests run thousands of cases: a few seconds each on a busy two-core machine, which is not a failure.
      testTimeout: 20_000,
    },
  };
});
