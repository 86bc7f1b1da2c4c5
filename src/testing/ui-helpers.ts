import type { BrowserContext, Locator, Page } from '@playwright/test';
import { resolveTexts } from '../ui/texts';
import type { Texts } from '../ui/texts/types';

/**
 * The widget's language on the page under test, for its accessible names: `"de"` finds the region
 * "Cookie-Einwilligung" and the button "Alle akzeptieren". Names come from the widget's own text files, so they
 * cannot drift. @default "en" (the stable names of SPEC §3)
 */
export type Lang = string;

const textsFor = (lang: Lang = 'en'): Texts => resolveTexts(lang.toLowerCase(), {});
const button = (scope: Locator | Page, name: string) => scope.getByRole('button', { name, exact: true });

/**
 * Crumb's host element, whose open shadow root holds all of its UI: the locators look only there, so a button of the
 * site's own with the same name (a footer's "Cookie settings" with `data-crumb-open`) is not taken for Crumb's.
 */
const widget = (page: Page): Locator => page.locator('#crumb');

/** The banner: region "Cookie consent" (SPEC §3). */
export const banner = (page: Page, lang?: Lang): Locator =>
  widget(page).getByRole('region', { name: textsFor(lang).bannerLabel, exact: true });
/** The preferences: dialog "Privacy preferences". */
export const preferences = (page: Page, lang?: Lang): Locator =>
  widget(page).getByRole('dialog', { name: textsFor(lang).preferencesTitle, exact: true });
/** The floating "Cookie settings" button shown after a decision. */
export const settingsButton = (page: Page, lang?: Lang): Locator => button(widget(page), textsFor(lang).reopen);

/** Names of the built-in services' switches. */
export const SERVICE_NAMES: Record<string, string> = {
  'google-analytics': 'Google Analytics',
  leadlander: 'LeadLander',
  twitter: 'X (Twitter)',
  facebook: 'Facebook',
};

/** Clicks "Accept all" in the banner. */
export async function acceptAll(page: Page, lang?: Lang): Promise<void> {
  await button(banner(page, lang), textsFor(lang).acceptAll).click();
}

/** Clicks "Reject all" in the banner. */
export async function rejectAll(page: Page, lang?: Lang): Promise<void> {
  await button(banner(page, lang), textsFor(lang).rejectAll).click();
}

/**
 * Opens the preferences: "Customize" while the banner shows, else the "Cookie settings" button, else `Crumb.open()`
 * (queued with `Crumb.push()` when Crumb has not started yet).
 */
export async function openPreferences(page: Page, lang?: Lang): Promise<Locator> {
  const dialog = preferences(page, lang);
  if (await dialog.isVisible()) return dialog;
  if (await banner(page, lang).isVisible()) await button(banner(page, lang), textsFor(lang).customize).click();
  else if (await settingsButton(page, lang).isVisible()) await settingsButton(page, lang).click();
  // Through the queue: the page may not have run crumb.js yet, and neither shows until it has.
  else
    await page.evaluate(() => {
      type Queue = { push(fn: (api: { open(): void }) => void): void };
      const w = window as unknown as { Crumb?: Queue };
      w.Crumb = w.Crumb || ([] as unknown as Queue);
      w.Crumb.push((api) => api.open());
    });
  await dialog.waitFor();
  return dialog;
}

export interface Choice {
  analytics?: boolean;
  marketing?: boolean;
  /** By service id (`facebook`, or a custom service's id) or by the switch's visible name. */
  services?: Record<string, boolean>;
  /** Resolves the switch name of a custom service id. */
  serviceNames?: Record<string, string>;
  /** The widget's language on the page. @default "en" */
  lang?: Lang;
}

const CHOICE_KEYS = ['analytics', 'marketing', 'services', 'serviceNames', 'lang'];

/** Refuses a choice with a key or a value the preferences cannot take, before anything is clicked. */
function checkChoice(choice: Choice): void {
  const refuse = (why: string) => {
    throw new TypeError(`crumb-consent/testing: choose(): ${why}.`);
  };
  const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));
  if (typeof choice !== 'object' || choice === null) refuse(`a choice is an object like { analytics: true }`);
  for (const key of Object.keys(choice))
    if (!CHOICE_KEYS.includes(key)) refuse(`"${key}" is not part of a choice; it takes ${CHOICE_KEYS.join(', ')}`);
  for (const key of ['analytics', 'marketing'] as const)
    if (choice[key] !== undefined && typeof choice[key] !== 'boolean')
      refuse(`"${key}" must be true or false, not ${show(choice[key])}`);
  for (const [id, value] of Object.entries(choice.services ?? {}))
    if (typeof value !== 'boolean') refuse(`service "${id}" must be true or false, not ${show(value)}`);
}

/** Decides through the preferences: sets the named categories and services, then "Save choices". */
export async function choose(page: Page, choice: Choice): Promise<void> {
  checkChoice(choice);
  const texts = textsFor(choice.lang);
  const dialog = await openPreferences(page, choice.lang);
  for (const category of ['analytics', 'marketing'] as const) {
    const value = choice[category];
    if (typeof value === 'boolean')
      await dialog.getByRole('checkbox', { name: texts[category], exact: true }).setChecked(value);
  }
  for (const [key, value] of Object.entries(choice.services ?? {})) {
    const name = choice.serviceNames?.[key] ?? SERVICE_NAMES[key] ?? key;
    await dialog.getByRole('switch', { name, exact: true }).setChecked(value);
  }
  await button(dialog, texts.save).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Withdraws everything from the preferences ("Reject all" there). The page reloads if a tracker had run. */
export async function withdrawAll(page: Page, lang?: Lang): Promise<void> {
  const dialog = await openPreferences(page, lang);
  await button(dialog, textsFor(lang).rejectAll).click();
}

/** Crumb's state on the page (`Crumb.get()`), once Crumb has started. */
export async function consentState(page: Page) {
  await page.waitForFunction(
    () => typeof (window as unknown as { Crumb?: { get?: unknown } }).Crumb?.get === 'function',
  );
  return page.evaluate(() => (window as unknown as { Crumb: { get(): unknown } }).Crumb.get()) as Promise<{
    decided: boolean;
    categories: { necessary: true; analytics: boolean; marketing: boolean };
    services: Record<string, boolean>;
    id: string | null;
    decidedAt: string | null;
    revision: string;
    source: 'banner' | 'preferences' | 'api' | 'signal' | null;
    signals: { dnt: boolean; gpc: boolean };
  }>;
}

/**
 * Makes every page of `context` send Do Not Track and/or Global Privacy Control, as a browser with them set does: the
 * `navigator` properties, and the `DNT: 1` / `Sec-GPC: 1` request headers.
 */
export async function privacySignals(
  context: BrowserContext,
  { dnt = false, gpc = false }: { dnt?: boolean; gpc?: boolean },
): Promise<void> {
  await context.addInitScript(
    ([d, g]) => {
      if (d) Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1', configurable: true });
      if (g)
        Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
    },
    [dnt, gpc] as const,
  );
  // Added to each request on its way, rather than with `setExtraHTTPHeaders`, which would replace the headers the
  // suite sends already (a staging site's credentials, say).
  const headers: Record<string, string> = {};
  if (dnt) headers.dnt = '1';
  if (gpc) headers['sec-gpc'] = '1';
  if (dnt || gpc)
    await context.route(
      (url) => url.protocol.startsWith('http'),
      (route) => route.fallback({ headers: { ...route.request().headers(), ...headers } }),
    );
}
