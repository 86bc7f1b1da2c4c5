import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The banner: region "Cookie consent" (SPEC §3). */
export const banner = (page: Page): Locator => page.getByRole('region', { name: 'Cookie consent' });
/** The preferences: dialog "Privacy preferences". */
export const preferences = (page: Page): Locator => page.getByRole('dialog', { name: 'Privacy preferences' });
/** The floating "Cookie settings" button shown after a decision. */
export const settingsButton = (page: Page): Locator =>
  page.getByRole('button', { name: 'Cookie settings', exact: true });

/** Names of the built-in services' switches. */
export const SERVICE_NAMES: Record<string, string> = {
  'google-analytics': 'Google Analytics',
  leadlander: 'LeadLander',
  twitter: 'X (Twitter)',
  facebook: 'Facebook',
};

/** Clicks "Accept all" in the banner. */
export async function acceptAll(page: Page): Promise<void> {
  await banner(page).getByRole('button', { name: 'Accept all', exact: true }).click();
}

/** Clicks "Reject all" in the banner. */
export async function rejectAll(page: Page): Promise<void> {
  await banner(page).getByRole('button', { name: 'Reject all', exact: true }).click();
}

/** Opens the preferences: "Customize" while the banner shows, else the "Cookie settings" button, else `Crumb.open()`. */
export async function openPreferences(page: Page): Promise<Locator> {
  const dialog = preferences(page);
  if (await dialog.isVisible()) return dialog;
  if (await banner(page).isVisible())
    await banner(page).getByRole('button', { name: 'Customize', exact: true }).click();
  else if (await settingsButton(page).isVisible()) await settingsButton(page).click();
  else await page.evaluate(() => (window as unknown as { Crumb: { open(): void } }).Crumb.open());
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
}

/** Decides through the preferences: sets the named categories and services, then "Save choices". */
export async function choose(page: Page, choice: Choice): Promise<void> {
  const dialog = await openPreferences(page);
  for (const category of ['analytics', 'marketing'] as const) {
    const value = choice[category];
    if (typeof value === 'boolean')
      await dialog
        .getByRole('checkbox', { name: category === 'analytics' ? 'Analytics' : 'Marketing', exact: true })
        .setChecked(value);
  }
  for (const [key, value] of Object.entries(choice.services ?? {})) {
    const name = choice.serviceNames?.[key] ?? SERVICE_NAMES[key] ?? key;
    await dialog.getByRole('switch', { name, exact: true }).setChecked(value);
  }
  await dialog.getByRole('button', { name: 'Save choices', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Withdraws everything from the preferences ("Reject all" there). The page reloads if a tracker had run. */
export async function withdrawAll(page: Page): Promise<void> {
  const dialog = await openPreferences(page);
  await dialog.getByRole('button', { name: 'Reject all', exact: true }).click();
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

/** Makes every page of `context` send Do Not Track and/or Global Privacy Control, as a browser with them set does. */
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
  if (gpc) await context.setExtraHTTPHeaders({ 'Sec-GPC': '1' });
}
