import { ALL_TRACKERS, banner, crumbReady, crumbState, settle } from './crumb';
import { expect, pageWithCrumb, test } from './fixtures';

const DAY = 86_400_000;

test('the choice is stored in the crumb_consent cookie and mirrored in localStorage', async ({ page }) => {
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-revision': '2026-11-01' } });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  const cookie = (await page.context().cookies()).find((c) => c.name === 'crumb_consent');
  expect(cookie).toBeDefined();
  expect(cookie).toMatchObject({ path: '/', sameSite: 'Lax', secure: false, domain: '127.0.0.1' });
  // Max-Age = 182 days.
  expect(Math.round((cookie!.expires * 1000 - Date.now()) / DAY)).toBe(182);
  const state = await crumbState(page);
  const value = decodeURIComponent(cookie!.value);
  expect(value).toMatch(new RegExp(`^1\\|${state.id}\\|[0-9a-z]+\\|2026-11-01\\|am\\|\\|b$`));
  expect(value.length).toBeLessThan(300);
  expect(await page.evaluate(() => localStorage.getItem('crumb_consent'))).toBe(value);
});

test('a new revision asks again, with one console warning that says why', async ({ page, trackers }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-revision': 'v1' }, path: 'revision' });
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => trackers.count()).toBe(4);
  trackers.clear();

  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-revision': 'v2' }, path: 'revision' });
  await expect(banner(page)).toBeVisible();
  await settle(page);
  trackers.expectNone();
  expect(warnings.filter((w) => w.startsWith('Crumb:'))).toEqual([
    'Crumb: the stored consent no longer counts: it was made under revision "v1" and the policy is now "v2"; the banner asks again.',
  ]);
  expect((await crumbState(page)).decided).toBe(false);
});

test('a choice expires after data-expiry-days, judged by its own time', async ({ page, trackers }) => {
  await page.clock.install({ time: new Date('2026-01-01T10:00:00Z') });
  await pageWithCrumb(page, { attrs: { ...ALL_TRACKERS, 'data-expiry-days': '30' }, path: 'expiry' });
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(banner(page)).toBeHidden();

  // 29 days later the refusal holds.
  await page.clock.setSystemTime(new Date('2026-01-30T10:00:00Z'));
  await page.reload();
  await crumbReady(page);
  await expect(banner(page)).toHaveCount(0);
  expect((await crumbState(page)).decided).toBe(true);

  // 31 days later it no longer counts, even though the browser still has the cookie and the mirror.
  await page.clock.setSystemTime(new Date('2026-02-01T10:00:00Z'));
  await page.reload();
  await expect(banner(page)).toBeVisible();
  expect((await crumbState(page)).decided).toBe(false);
  await settle(page);
  trackers.expectNone();
});
