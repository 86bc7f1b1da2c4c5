/** Replaced at build time with the package version (see vite.config.ts). */
declare const __CRUMB_VERSION__: string;

declare module '*.css?inline' {
  const css: string;
  export default css;
}
