/** The three purposes a visitor decides on. `necessary` is always granted (Crumb's own cookie). */
export type Category = 'necessary' | 'analytics' | 'marketing';

/** Categories the visitor can grant or refuse, in display order. */
export const OPTIONAL_CATEGORIES = ['analytics', 'marketing'] as const;
export type OptionalCategory = (typeof OPTIONAL_CATEGORIES)[number];

export const CATEGORIES: readonly Category[] = ['necessary', ...OPTIONAL_CATEGORIES];

export const isOptionalCategory = (value: unknown): value is OptionalCategory =>
  value === 'analytics' || value === 'marketing';

/** A cookie a service sets: an exact name or a pattern. */
export type CookieMatcher = string | RegExp;

/** A service the visitor can grant on its own: a built-in tracker or one declared in the JSON config. */
export interface Service {
  /** Stable id, lower-case letters, digits and dashes: `google-analytics`, `my-chat`. */
  id: string;
  /** Name shown to the visitor and used as the toggle's accessible name. */
  name: string;
  category: OptionalCategory;
  /** What it does, in a sentence. */
  description?: string;
  /** Cookies it sets; deleted when consent is withdrawn. */
  cookies: CookieMatcher[];
  /** The vendor's privacy policy. */
  policyUrl?: string;
}
