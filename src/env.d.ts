/** Replaced at build time with the package version (see vite.config.ts). */
declare const __CRUMB_VERSION__: string;

/**
 * Replaced at build time: false in the chunks of a built-in language other than English (`crumb-widget.de.js`, …),
 * which never show a text through the English fallback; true elsewhere.
 */
declare const __CRUMB_FALLBACK__: boolean;

declare module '*.css?inline' {
  const css: string;
  export default css;
}

/** The built-in texts of one language; `vite.config.ts` points it at `src/ui/texts/<lang>.ts` per UI and widget chunk. */
declare module 'crumb-ui-texts' {
  export const texts: import('./ui/texts/types').Texts;
  export const banner: import('./ui/texts/types').BannerTexts;
}
