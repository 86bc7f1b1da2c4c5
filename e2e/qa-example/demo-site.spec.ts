/**
 * An example QA suite for a site that embeds Crumb (here: the demo site), written only with Playwright and the
 * public kit `crumb-consent/testing` — the way a QA team would test its own site. Copy and adapt.
 */
import { expect, test } from '@playwright/test';
import {
  acceptAll,
  banner,
  choose,
  consentState,
  presetConsent,
  privacySignals,
  recordTrackers,
  rejectAll,
  settingsButton,
  withdrawAll,
} from 'crumb-consent/testing';

/** The site's `data-revision`: a stored decision is only valid under it. */
const REVISION = '2026-11-01';

test.describe('demo site consent (QA kit example)', () => {
  test('first visit: the banner asks and no tracker is contacted', async ({ page, context }) => {
    const trackers = await recordTrackers(context);
    await page.goto('/');
    await expect(banner(page)).toBeVisible();
    await page.waitForTimeout(300);
    trackers.expectNoTrackerRequests();
  });

  test('accept: all four trackers load once', async ({ page, context }) => {
    const trackers = await recordTrackers(context);
    await page.goto('/');
    await acceptAll(page);
    for (const vendor of ['google-analytics', 'facebook', 'twitter', 'leadlander'] as const)
      await trackers.expectLoaded(vendor, { times: 1 });
  });

  test('reject: nothing loads, on later pages either', async ({ page, context }) => {
    const trackers = await recordTrackers(context);
    await page.goto('/');
    await rejectAll(page);
    await page.goto('/article.html');
    await expect(settingsButton(page)).toBeVisible();
    trackers.expectNoTrackerRequests();
  });

  test('analytics only, chosen in the preferences', async ({ page, context }) => {
    const trackers = await recordTrackers(context);
    await page.goto('/');
    await choose(page, { analytics: true });
    await trackers.expectLoaded('google-analytics');
    trackers.expectNotLoaded('facebook');
    expect((await consentState(page)).categories).toEqual({ necessary: true, analytics: true, marketing: false });
  });

  test('a returning visitor who accepted analytics: no banner, Google Analytics only', async ({
    page,
    context,
    baseURL,
  }) => {
    const trackers = await recordTrackers(context);
    await presetConsent(context, { analytics: true }, { url: `${baseURL}/`, revision: REVISION });
    await page.goto('/article.html');
    await trackers.expectLoaded('google-analytics', { times: 1 });
    await expect(banner(page)).toHaveCount(0);
    expect(trackers.vendors()).toEqual(['google-analytics']);
  });

  test('withdraw: the page reloads and the withdrawn trackers stay off', async ({ page, context, baseURL }) => {
    const trackers = await recordTrackers(context);
    await presetConsent(context, { analytics: true, marketing: true }, { url: `${baseURL}/`, revision: REVISION });
    await page.goto('/privacy.html');
    await trackers.expectLoaded('facebook', { times: 1 });
    trackers.clear();
    await Promise.all([page.waitForEvent('load'), withdrawAll(page)]);
    expect((await consentState(page)).decided).toBe(true);
    await page.waitForTimeout(300);
    trackers.expectNoTrackerRequests();
  });

  test('Global Privacy Control: honoured, no banner, nothing loads', async ({ page, context }) => {
    const trackers = await recordTrackers(context);
    await privacySignals(context, { gpc: true });
    await page.goto('/');
    expect(await consentState(page)).toMatchObject({ decided: true, source: 'signal', signals: { gpc: true } });
    await expect(banner(page)).toHaveCount(0);
    trackers.expectNoTrackerRequests();
  });

  test('presetConsent(context, null) starts from no decision', async ({ page, context, baseURL }) => {
    await presetConsent(context, { analytics: true }, { url: `${baseURL}/`, revision: REVISION });
    await presetConsent(context, null, { url: `${baseURL}/` });
    await page.goto('/');
    await expect(banner(page)).toBeVisible();
  });
});
