import type { Frame, Page } from '@playwright/test';
import { settle } from './crumb';
import { expect, test } from './fixtures';
import { violations, watchViolations } from './violations';

/**
 * Crumb inside `<iframe sandbox="allow-scripts">` (demo/sandbox.html): an opaque origin where cookie and
 * localStorage access throw (SPEC §4). The widget works for that frame from memory, and nothing throws.
 */

async function sandboxFrame(page: Page): Promise<Frame> {
  await page.goto('/sandbox.html');
  await expect.poll(() => page.frames().some((f) => f.url().endsWith('/sandbox-frame.html'))).toBe(true);
  const frame = page.frames().find((f) => f.url().endsWith('/sandbox-frame.html')) as Frame;
  await frame.waitForFunction(() => typeof (window as any).Crumb?.get === 'function');
  return frame;
}

test.beforeEach(async ({ context }) => {
  // The frame's page is served with the strict Content-Security-Policy: violations are recorded in it too.
  await watchViolations(context);
  // Uncaught errors and rejections, recorded inside every frame (the sandboxed one included).
  await context.addInitScript(() => {
    const errors: string[] = [];
    Object.defineProperty(window, '__errors', { value: errors });
    window.addEventListener('error', (e) => errors.push(String(e.message)));
    window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
  });
});

test('in a sandboxed frame without storage: banner shown, the decision works for the page, nothing throws', async ({
  page,
  trackers,
  consoleErrors,
}) => {
  const frame = await sandboxFrame(page);
  const inFrame = page.frameLocator('iframe[sandbox]');

  // The frame really has no storage.
  expect(
    await frame.evaluate(() => {
      const attempt = (f: () => unknown) => {
        try {
          f();
          return 'works';
        } catch (e) {
          return (e as Error).name;
        }
      };
      return [attempt(() => document.cookie), attempt(() => window.localStorage)];
    }),
  ).toEqual(['SecurityError', 'SecurityError']);

  await expect(inFrame.getByRole('region', { name: 'Cookie consent' })).toBeVisible();
  await settle(page);
  trackers.expectNone();

  await inFrame.getByRole('button', { name: 'Accept all' }).click();
  await expect(inFrame.getByRole('region', { name: 'Cookie consent' })).toBeHidden();
  expect(await frame.evaluate(() => (window as any).Crumb.get())).toMatchObject({
    decided: true,
    source: 'banner',
    categories: { necessary: true, analytics: true, marketing: true },
  });
  await expect.poll(() => trackers.vendors()).toEqual(['facebook', 'google-analytics', 'leadlander', 'twitter']);
  expect(trackers.requests.every((r) => r.pageUrl.endsWith('/sandbox-frame.html'))).toBe(true);
  await expect.poll(() => frame.evaluate(() => [...(window as any).crumbDemo.ran])).toEqual(['inline-analytics']);

  // The preferences open from the reopen button and show the decision.
  await inFrame.getByRole('button', { name: 'Cookie settings', exact: true }).click();
  await expect(inFrame.getByRole('dialog', { name: 'Privacy preferences' })).toBeVisible();
  await expect(inFrame.getByRole('checkbox', { name: 'Analytics' })).toBeChecked();
  await expect(inFrame.getByText('Consent ID')).toBeVisible();
  await inFrame.getByRole('button', { name: 'Close' }).click();
  await expect(inFrame.getByRole('dialog', { name: 'Privacy preferences' })).toBeHidden();

  expect(await frame.evaluate(() => [...(window as any).__errors])).toEqual([]);
  expect(await page.evaluate(() => [...(window as any).__errors])).toEqual([]);
  expect(await violations(frame), 'Content-Security-Policy violations in the frame').toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('in a sandboxed frame the choice lasts for the page only: after a reload the frame asks again', async ({
  page,
  consoleErrors,
}) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().startsWith('Crumb:')) warnings.push(m.text());
  });
  const frame = await sandboxFrame(page);
  const inFrame = page.frameLocator('iframe[sandbox]');
  await inFrame.getByRole('button', { name: 'Reject all' }).click();
  await expect(inFrame.getByRole('button', { name: 'Cookie settings', exact: true })).toBeVisible();
  // One warning says why the choice cannot be kept.
  await expect.poll(() => warnings.filter((w) => w.includes('refuses cookies and localStorage')).length).toBe(1);

  await frame.evaluate(() => location.reload());
  await expect(inFrame.getByRole('region', { name: 'Cookie consent' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
