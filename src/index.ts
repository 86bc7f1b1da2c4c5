/**
 * The ES-module entry for bundler users: `import { createCrumb } from 'crumb-consent'`. Importing has no side
 * effects; `createCrumb()` starts the widget.
 */
import type { CrumbApi } from './api/types';
import { boot } from './boot';
import { parseConfig } from './config/parse-config';

export type { CrumbApi, CrumbEventMap, CrumbState } from './api/types';
export { parseConfig } from './config/parse-config';
export type { CrumbConfig, PrivacySignalsMode } from './config/types';
export type { ChoiceInput } from './consent/consent-model';
export type { DecisionSource } from './consent/consent-record';
export type { Texts } from './ui/texts/types';

/** Options of `createCrumb`: the keys of the JSON config block (camelCase), plus where to run. */
export interface CreateCrumbOptions extends Record<string, unknown> {
  /** Nonce for injected scripts and the style fallback, when the page has a CSP. */
  nonce?: string;
  /** The window to run in. @default window */
  window?: Window;
}

/**
 * Starts Crumb with a configuration object (validated like the script tag's; problems go to the console) and returns
 * its API, also set as `window.Crumb`. Calling it again returns the running instance.
 */
export function createCrumb(options: CreateCrumbOptions = {}): CrumbApi | undefined {
  const { nonce = '', window: win = window, ...json } = options;
  return boot(win, parseConfig({ json, hostname: win.location.hostname }), nonce, __CRUMB_VERSION__);
}
