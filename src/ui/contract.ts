/**
 * What the core (`crumb.js`, no Preact) and the lazily loaded UI (`crumb-ui.<lang>.js`: Preact components, styles,
 * texts) hand each other. Types only: the core imports this file with `import type`, so no UI code enters it.
 */
import type { CrumbConfig } from '../config/types';
import type { ConsentModel } from '../consent/consent-model';
import type { TextKey, Texts } from './texts/types';

/** What the UI works from: the model and configuration of the running widget, in its language. */
export interface UiContext {
  doc: Document;
  model: ConsentModel;
  config: CrumbConfig;
  /** The language rendered (`de`, `de-ch`, …), already on the widget's host as `lang`. */
  language: string;
  /** The chunk's built-in texts with the site's overrides for `language` applied. */
  texts: Texts;
  /** Whether a text came from the English fallback: its element is then marked `lang="en" dir="ltr"`. */
  english(key: TextKey): boolean;
}

/** Where the preferences are rendered: the widget's shadow root, next to the banner and "Cookie settings". */
export interface UiMountContext extends UiContext {
  root: ShadowRoot;
  /** Adds a stylesheet to the shadow root (adopted, or a `<style>` with the nonce where that is missing). */
  addStyles(css: string): void;
  /** The "Cookie settings" button, when shown: where focus goes back when nothing better is left. */
  reopenButton(): HTMLElement | null;
  /**
   * What had focus when the preferences were asked for, taken before the banner went inert under them (the UI chunk
   * may arrive after the browser has moved focus off it): where focus goes back when they close.
   */
  opener?(): HTMLElement | null;
}

/** A UI chunk, as it hands itself to the core (with its version: see `chunks.ts`). */
export interface UiModule {
  /** The texts of the chunk's language (English for languages Crumb has no texts for). */
  texts: Texts;
  /** Renders the preferences (while open) into the shadow root and follows the model from then on. */
  mount(ctx: UiMountContext): void;
  /** The box shown in place of a gated iframe until its consent is given. */
  placeholder(ctx: UiContext, iframe: HTMLIFrameElement, names: string[]): HTMLElement;
}
