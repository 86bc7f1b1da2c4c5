/**
 * The ES-module entry for bundler users: `import { createCrumb } from 'crumb-consent'`. Importing has no side
 * effects; `createCrumb()` starts the widget. The UI (Preact and one language's texts) is a dynamic import, so a
 * bundler splits it off and returning visitors never download it.
 */
import type { CrumbApi } from './api/types';
import { runningCrumb } from './api/window-global';
import { boot } from './boot';
import type { ChunkLoader, ChunkName } from './chunks';
import { isPlainObject, parseCoreConfig } from './config/parse-config';
import type { CrumbConfig, PrivacySignalsMode } from './config/types';
import type { Texts } from './ui/texts/types';

export type { CrumbApi, CrumbChange, CrumbEventMap, CrumbState } from './api/types';
export { parseConfig } from './config/parse-config';
export type { CrumbConfig, PrivacySignalsMode } from './config/types';
export type { ChoiceInput } from './consent/consent-model';
export type { DecisionSource } from './consent/consent-record';
export type { Texts } from './ui/texts/types';

/** A service the site adds (`services` in the options or the JSON block), as written: checked before it is used. */
export interface ServiceOptions {
  /** Lower-case letters, digits and dashes, up to 32; not a built-in service's or a category's name. */
  id: string;
  /** Shown to the visitor; the switch's accessible name. */
  name: string;
  category: 'analytics' | 'marketing';
  description?: string;
  /** Cookie names, or `"/pattern/"` (a JavaScript regular expression, flag `i` allowed): deleted on withdrawal. */
  cookies?: string[];
  /** http, https or relative. */
  policyUrl?: string;
}

/**
 * Options of `createCrumb`: the keys of the JSON config block (camelCase, as in `CrumbConfig`), plus where to run.
 * Values are checked as the block's are (a number where the block takes one as text, `"true"` for `true`); a
 * mistake is said in the console and switches that piece off. A key not listed here is a compile error.
 */
export interface CreateCrumbOptions {
  googleAnalytics?: string;
  leadlander?: string | number;
  twitterPixel?: string;
  facebookPixel?: string | number;
  policyUrl?: string;
  revision?: string | number;
  expiryDays?: number | string;
  cookieDomain?: string;
  privacySignals?: PrivacySignalsMode;
  reloadOnWithdraw?: boolean | string;
  receiptUrl?: string;
  lang?: string;
  reopenButton?: boolean | string;
  theme?: CrumbConfig['theme'];
  services?: ServiceOptions[];
  /** Text overrides per language code, e.g. `{ en: { bannerTitle: '…' } }`. */
  texts?: Record<string, Partial<Texts>>;
  /** Nonce for injected scripts and the style fallback, when the page has a CSP. */
  nonce?: string;
  /** The window to run in. @default window */
  window?: Window;
}

const TEXTS: Record<string, () => Promise<{ texts: Texts }>> = {
  en: () => import('./ui/texts/en'),
  de: () => import('./ui/texts/de'),
  fr: () => import('./ui/texts/fr'),
  es: () => import('./ui/texts/es'),
};

/** The chunks as dynamic imports, so that a bundler splits them off as the script tag's build does. */
const CHUNKS: Record<Exclude<ChunkName, 'ui' | 'widget'>, () => Promise<object>> = {
  activation: () => import('./activation/gated-elements'),
  diagnostics: () => import('./config/diagnostics'),
  receipts: () => import('./receipts/send-receipt'),
};

const load = ((name: ChunkName, file: string) =>
  (name === 'ui'
    ? Promise.all([import('./ui/index'), TEXTS[file.slice(3)]()]).then(([{ ui }, { texts }]) => ({ ...ui, texts }))
    : name === 'widget'
      ? Promise.all([import('./shell/widget'), import('./control'), TEXTS[file.slice(7)]()]).then(
          ([w, { takeOver }, { texts }]) => ({ ...w, takeOver, texts }),
        )
      : CHUNKS[name]()
  ).then((exports) => ({ ...exports, version: __CRUMB_VERSION__ }))) as ChunkLoader;

/**
 * Starts Crumb with a configuration object (validated like the script tag's; problems go to the console) and returns
 * its API, also set as `window.Crumb`. Calling it again returns the running instance.
 */
export function createCrumb(options: CreateCrumbOptions = {}): CrumbApi | undefined {
  // Anything but an object (`null`, a string) is reported as a configuration mistake, and the defaults are used.
  const given: CreateCrumbOptions = isPlainObject(options) ? options : {};
  // Server rendering: no page to run in. Said once per call; nothing else is touched.
  if (given.window === undefined && typeof window === 'undefined') {
    console.error(
      'Crumb: createCrumb() runs in a browser: there is no window here (server rendering?). Call it on the client, or pass { window }.',
    );
    return undefined;
  }
  const { nonce = '', window: win = window, ...json } = given;
  // Called again (by another part of the app): the running instance, as documented; the script tag's copy warns.
  const running = runningCrumb(win);
  if (running) return running;
  return boot(
    win,
    parseCoreConfig({ json: given === options ? json : options, hostname: win.location.hostname, from: 'options' }),
    {
      nonce,
      version: __CRUMB_VERSION__,
      load: () => load,
    },
  );
}
