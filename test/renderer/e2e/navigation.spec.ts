import { expect, test } from '@playwright/test';
import { navigateTo, openDashboard } from '../support/dashboard-page';
import { generateMarketDay } from '../support/market-day';
import { saveScreenshot } from '../support/screenshots';

const day = generateMarketDay({ warmupEvents: 2_500, emergency: true });
const sample = day.sample!;
// An early order: far down the list, so showing it means scrolling to it.
const oldOrder = day.snapshot.feed.orders[5]!.orderId;

test.beforeEach(async ({ page }) => {
  await openDashboard(page, { snapshot: day.snapshot });
  await expect(page.getByRole('navigation')).toBeVisible();
});

test('a notification for an order opens Orders on that order, marked and in sight', async ({
  page,
}) => {
  await navigateTo(page, { view: 'order', orderId: oldOrder });
  await expect(page.getByRole('button', { name: 'Orders' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const row = page.getByRole('row', { selected: true });
  await expect(row).toContainText(oldOrder);
  await expect(row).toBeInViewport();
  await expect(page.getByRole('grid', { name: 'Orders, newest first' })).toBeFocused();
  await saveScreenshot(page, 'navigate-order');
});

test('a notification for a hedge opens Hedges on that bet', async ({ page }) => {
  await navigateTo(page, { view: 'hedge', betId: sample.betId, orderId: sample.orderId });
  await expect(page.getByRole('button', { name: 'Hedges' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('row', { selected: true })).toContainText(sample.betId);
});

test('the same target twice is shown twice (after the user moved on)', async ({ page }) => {
  await navigateTo(page, { view: 'order', orderId: sample.orderId });
  await page.getByRole('button', { name: 'Scores' }).click();
  await navigateTo(page, { view: 'order', orderId: sample.orderId });
  await expect(page.getByRole('row', { selected: true })).toContainText(sample.orderId);
});

test('an order the dashboard no longer holds is said so', async ({ page }) => {
  await navigateTo(page, { view: 'order', orderId: '999999999' });
  await expect(page.getByText('Order 999999999 is not in the dashboard')).toBeVisible();
});

test('emergency, connection and feed targets', async ({ page }) => {
  await page.getByRole('button', { name: 'Scores' }).click();
  await navigateTo(page, { view: 'emergency' });
  await expect(page.getByRole('button', { name: /^Overview/ })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('region', { name: 'Emergency' })).toBeFocused();
  await navigateTo(page, { view: 'connection' });
  await expect(page.getByRole('region', { name: 'Connection status' })).toBeFocused();
  await navigateTo(page, { view: 'feed' });
  await expect(page.getByRole('button', { name: 'Live feed' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('Open in the unhedged list shows the order', async ({ page }) => {
  const missing = day.snapshot.feed.missingHedges.orders[0];
  if (!missing) throw new Error('the market day should have unhedged fills');
  await page.getByRole('button', { name: `Open order ${missing.orderId}` }).click();
  await expect(page.getByRole('row', { selected: true })).toContainText(missing.orderId);
  await expect(page.getByRole('row', { selected: true })).toContainText('unhedged');
});
