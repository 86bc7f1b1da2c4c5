import type { Service } from '../consent/categories';
import type { TextOverrides } from '../ui/texts/types';

/** How the browser's Do Not Track / Global Privacy Control signals are treated. */
export type PrivacySignalsMode = 'honor' | 'ask';

/**
 * Crumb's configuration, after validation. Script-tag attributes use the kebab-case form of each key
 * (`googleAnalytics` ⇄ `data-google-analytics`); the JSON block (`<script type="application/json" data-crumb-config>`)
 * uses the keys as written here. Attributes win over the JSON block.
 */
export interface CrumbConfig {
  /** GA4 measurement ID, `G-` + 4–15 upper-case letters/digits. @default undefined (no Google Analytics) */
  googleAnalytics?: string;
  /** LeadLander account ID, digits. @default undefined */
  leadlander?: string;
  /** X (Twitter) pixel ID, lower-case letters/digits. @default undefined */
  twitterPixel?: string;
  /** Meta pixel ID, 10–20 digits. @default undefined */
  facebookPixel?: string;
  /** Link to the site's privacy policy: http, https or relative. @default undefined (no link) */
  policyUrl?: string;
  /** The policy's version; a choice stored under another revision is asked again. @default "1" */
  revision: string;
  /** Days a choice (yes or no) is kept before asking again, counted from the decision. @default 182 */
  expiryDays: number;
  /** Cookie `Domain`, to share the choice across subdomains, e.g. `.example.com`. @default undefined (current host) */
  cookieDomain?: string;
  /** `honor`: a DNT/GPC browser is treated as having refused, no banner; `ask`: banner shown. @default "honor" */
  privacySignals: PrivacySignalsMode;
  /** Reload the page after a withdrawal so trackers already running stop. @default true */
  reloadOnWithdraw: boolean;
  /** Endpoint receiving a JSON consent receipt for every decision. @default undefined */
  receiptUrl?: string;
  /** UI language; else `<html lang>`, else `navigator.language`, else English. @default undefined (auto) */
  lang?: string;
  /** Show the floating "Cookie settings" button after a decision. @default true */
  reopenButton: boolean;
  /** Colour scheme: `auto` follows the visitor's `prefers-color-scheme`; `light` or `dark` pins it. @default "auto" */
  theme: 'auto' | 'light' | 'dark';
  /** Extra services declared by the site (JSON block only). @default [] */
  services: Service[];
  /** Text overrides per language code (JSON block only), e.g. `{ "en": { "bannerTitle": "…" } }`. @default {} */
  texts: Record<string, TextOverrides>;
}

export const DEFAULT_CONFIG: CrumbConfig = {
  revision: '1',
  expiryDays: 182,
  privacySignals: 'honor',
  reloadOnWithdraw: true,
  reopenButton: true,
  theme: 'auto',
  services: [],
  texts: {},
};

/** What went wrong, as `diagnostics.ts` explains it; see there for every code. */
export type ProblemCode =
  | 'invalid'
  | 'unknown'
  | 'json'
  | 'block'
  | 'blocks'
  | 'domain'
  | 'services'
  | 'service'
  | 'id'
  | 'taken'
  | 'name'
  | 'category'
  | 'service-key'
  | 'service-policy'
  | 'description'
  | 'cookies'
  | 'cookie'
  | 'pattern'
  | 'texts'
  | 'language'
  | 'text-key'
  | 'text';

/**
 * What parsing found wrong: an `error` switches the piece off, a `warning` only informs. Structured, so that the
 * core stays small: the sentence for each (`describeProblem`) is loaded only by a page that has a mistake.
 */
export interface ConfigProblem {
  level: 'error' | 'warning';
  code: ProblemCode;
  /** An option's key (`googleAnalytics`), or where in the JSON block: `services[0]`, `texts.en.acceptAll`. */
  key: string;
  /** On the script tag (`attribute`), in the `data-crumb-config` block (`json`), or `createCrumb()`'s `options`. */
  source: 'attribute' | 'json' | 'options';
  /** What the site wrote. */
  value?: unknown;
  /** What else the sentence needs: the page's host, a service's id. */
  detail?: string;
}
