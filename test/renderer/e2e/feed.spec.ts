import { expect, test } from '@playwright/test';
import type { FeedEvent } from '../../../common/domain/events';
import { createFormatters } from '../../../renderer/src/i18n/formatters';
import { orderStatusLabel } from '../../../renderer/src/i18n/order-status';
import { createTranslator } from '../../../renderer/src/i18n/translator';
import { openDashboard, openView, pushBatches } from '../support/dashboard-page';
import { generateMarketDay } from '../support/market-day';
import { saveScreenshot } from '../support/screenshots';

const day = generateMarketDay({ warmupEvents: 2_000, streamedEvents: 1_200, eventsPerSecond: 60 });
const streamed: FeedEvent[] = day.batches.flatMap((batch) => batch.events);
const firstHalf = day.batches.slice(0, Math.floor(day.batches.length / 2));
const secondHalf = day.batches.slice(firstHalf.length);

function lastOrderEvent(events: readonly FeedEvent[]): FeedEvent & { channel: 'orders' } {
  const event = events.findLast((e) => e.channel === 'orders');
  if (event?.channel !== 'orders') throw new Error('no order event');
  return event;
}

test.beforeEach(async ({ page }) => {
  await openDashboard(page, { snapshot: day.snapshot });
  await openView(page, 'Live feed');
});

test('pushed events appear at the top, and a row for an order is found by its id', async ({
  page,
}) => {
  await pushBatches(page, day.batches);
  const newest = streamed.at(-1)!;
  const grid = page.getByRole('grid', { name: 'Events, newest first' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(2_000 + 1_200 + 1));
  const firstRow = grid.getByRole('row').nth(1);
  await expect(firstRow).toContainText(newest.channel);
  const order = lastOrderEvent(streamed);
  await expect(
    grid.getByRole('row', { name: new RegExp(`Order ${order.record.orderId}\\b`) }).first(),
  ).toBeVisible();
  // Only the rows in sight exist: thousands of events, a few dozen rows.
  expect(await grid.getByRole('row').count()).toBeLessThan(60);
});

test('filters by channel, by event kind and by free text', async ({ page }) => {
  const grid = page.getByRole('grid');
  await page.getByLabel('Channel').selectOption('bets');
  await expect(grid.getByRole('row').nth(1)).toContainText('bets');
  for (const text of await grid.locator('tbody tr td:nth-child(2)').allTextContents()) {
    expect(text).toBe('bets');
  }
  await page.getByLabel('Channel').selectOption('all');
  await page.getByLabel('Event', { exact: true }).selectOption('INSERT');
  for (const text of await grid.locator('tbody tr td:nth-child(3)').allTextContents()) {
    expect(text).toBe('INSERT');
  }
  await page.getByLabel('Event', { exact: true }).selectOption('all');

  const { orderId } = day.sample!;
  await page.getByRole('searchbox', { name: 'Search' }).fill(orderId);
  const rows = grid.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain(orderId);
  await expect(page.getByText(/of 2,000 events/)).toBeVisible();
  await saveScreenshot(page, 'feed-filtered');
});

test('an UPDATE shows each changed field from old to new', async ({ page }) => {
  const update = day.snapshot.feed.recentEvents.findLast(
    (e) => e.channel === 'orders' && e.event === 'UPDATE' && e.old && 'orderStatus' in e.old,
  );
  if (update?.channel !== 'orders' || !update.old) throw new Error('no order update');
  await page.getByRole('searchbox', { name: 'Search' }).fill(update.record.orderId);
  // Statuses are worded as the Orders view words them (PENDING_PLACEMENT: "PENDING PLACEMENT").
  const { t } = createTranslator('en', createFormatters('en-US').count);
  const from = orderStatusLabel(t, update.old.orderStatus);
  const to = orderStatusLabel(t, update.payload.orderStatus);
  const row = page.getByRole('row').filter({ hasText: `orderStatus ${from} → ${to}` });
  await expect(row.first()).toBeVisible();
});

test('the list holds still while the user reads, and counts what arrived meanwhile', async ({
  page,
}) => {
  const grid = page.getByRole('grid');
  await pushBatches(page, firstHalf);
  const firstCount = firstHalf.reduce((sum, batch) => sum + batch.events.length, 0);
  // The list shows what has arrived (it refreshes a few times a second).
  await expect(grid).toHaveAttribute('aria-rowcount', String(2_000 + firstCount + 1));
  await grid.evaluate((element) => {
    element.scrollTop = 28 * 40;
  });
  await expect(page.getByText('Paused while you read')).toBeVisible();
  const reading = await grid.locator('tbody tr').first().textContent();
  const heldTop = await grid.evaluate((element) => element.scrollTop);

  await pushBatches(page, secondHalf);
  const arrived = secondHalf.reduce((sum, batch) => sum + batch.events.length, 0);
  await expect(page.getByText(`${arrived.toLocaleString('en-US')} new events`)).toBeVisible();
  expect(await grid.evaluate((element) => element.scrollTop)).toBe(heldTop);
  await expect(grid.locator('tbody tr').first()).toHaveText(reading ?? '');
  await saveScreenshot(page, 'feed-paused');

  await page.getByRole('button', { name: 'Show latest' }).click();
  await expect(page.getByText('Live: newest at the top')).toBeVisible();
  await expect(grid).toHaveJSProperty('scrollTop', 0);
  const newest = streamed.at(-1)!;
  await expect(grid.getByRole('row').nth(1)).toContainText(newest.channel);
});

test('the Pause button holds the list until pressed again', async ({ page }) => {
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await pushBatches(page, firstHalf);
  await expect(page.getByText(/new events?$/)).toBeVisible();
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('Live: newest at the top')).toBeVisible();
});

test('a row opens the full payload; Escape closes it and focus goes back to the list', async ({
  page,
}) => {
  const grid = page.getByRole('grid');
  const order = lastOrderEvent(day.snapshot.feed.recentEvents);
  await page.getByRole('searchbox', { name: 'Search' }).fill(order.record.orderId);
  await grid
    .getByRole('row', { name: new RegExp(`Order ${order.record.orderId}\\b`) })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Payload' })).toContainText(
    `"orderId": ${JSON.stringify(order.payload.orderId)}`,
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(grid).toBeFocused();
});

test('"Open order" in the payload detail shows the order in Orders', async ({ page }) => {
  const order = lastOrderEvent(day.snapshot.feed.recentEvents);
  await page.getByRole('searchbox', { name: 'Search' }).fill(order.record.orderId);
  await page.getByRole('grid').locator('tbody tr').first().click();
  await page.getByRole('button', { name: `Open order ${order.record.orderId}` }).click();
  await expect(page.getByRole('button', { name: 'Orders' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('row', { selected: true })).toContainText(order.record.orderId);
});
