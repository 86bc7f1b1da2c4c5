// The demo site's QA panel (npm start): what a web team or a QA engineer watches while trying Crumb. It must tell the
// truth: the consent state, the stored record, the tracker scripts requested, and this browser's receipts.
import { acceptAll, banner } from 'crumb-consent/testing';
import { crumbState } from './crumb';
import { expect, test } from './fixtures';

test('the QA panel shows the state, the stored record, the trackers requested and this browser’s receipts', async ({
  page,
}) => {
  await page.goto('/');
  await expect(banner(page)).toBeVisible();
  const state = page.locator('#consent-state');
  const trackers = page.locator('#tracker-log .tracker-list li');
  const receipts = page.locator('#receipts-log .receipt-list li');
  // Before a decision: nothing requested, nothing stored, no receipt from this browser.
  await expect(state).toContainText('Decidedno');
  await expect(state).toContainText('Stored cookienone');
  await expect(trackers).toHaveCount(0);
  await expect(page.locator('#tracker-log .tracker-empty')).toBeVisible();
  await expect(page.locator('#receipts-log .receipt-empty')).toContainText('No receipt sent from this browser yet');

  await acceptAll(page);
  const { id } = await crumbState(page);
  await expect(state).toContainText('Decidedyes');
  await expect(state).toContainText(`Consent ID${id}`);
  await expect(state).toContainText(new RegExp(`Stored cookie1\\|${id}\\|`));
  await expect(state).toContainText(new RegExp(`Stored mirror1\\|${id}\\|`));
  // The four vendor scripts, each listed once (offline here: their requests are stubbed by the recorder).
  await expect(trackers).toHaveCount(4);
  await expect(trackers).toContainText(
    ['Google Analytics', 'LeadLander', 'X pixel', 'Meta pixel'].map((n) => n),
    {
      useInnerText: true,
    },
  );
  // This decision's receipt, and no other visitor's.
  await expect(receipts).toHaveCount(1);
  await expect(receipts.first()).toContainText('acceptance');
  await expect(receipts.first()).toContainText(`ID ${id}`);
});
