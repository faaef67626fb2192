import { expect, test } from '@playwright/test';
import type { PushBatch } from '../../../common/ipc/push-batch';
import { bridgeCalls, openDashboard, pushBatches } from '../support/dashboard-page';
import { generateMarketDay } from '../support/market-day';
import { saveScreenshot } from '../support/screenshots';

const day = generateMarketDay({ warmupEvents: 800 });
const empty: PushBatch = { events: [], notifications: [], errors: [], gaps: [] };

test.beforeEach(async ({ page }) => {
  await openDashboard(page, { snapshot: day.snapshot });
  await expect(page.getByRole('navigation')).toBeVisible();
});

test('the connection state with since-when, and the last event time', async ({ page }) => {
  const connection = page.getByRole('region', { name: 'Connection status' });
  await expect(connection).toContainText('Live');
  await expect(connection).toContainText(/since \d{2}:\d{2}:\d{2}/);
  await expect(connection).toContainText(/Last event \d{2}:\d{2}:\d{2} (AM|PM) \(\d+ sec\. ago\)/);
});

test('reconnecting: when the next try is, and a button to try now', async ({ page }) => {
  const now = Date.now();
  await pushBatches(page, [
    {
      ...empty,
      status: {
        state: 'reconnecting',
        since: now,
        retryAt: now + 8_000,
        attempt: 3,
        reason: 'socket closed (1006)',
        emergency: false,
      },
    },
  ]);
  const connection = page.getByRole('region', { name: 'Connection status' });
  await expect(connection).toContainText('Reconnecting');
  await expect(connection).toContainText(/retry in \d s, attempt 3/);
  await expect(connection).toContainText('socket closed (1006)');
  await saveScreenshot(page, 'header-reconnecting');
  await connection.getByRole('button', { name: 'Reconnect now' }).click();
  await expect.poll(() => bridgeCalls(page, 'feed.reconnect')).toHaveLength(1);
});

test('an emergency fills the alert region at once, and clearing it empties it', async ({
  page,
}) => {
  // Another alert region says new fills missing a hedge: the emergency's is the one saying so.
  const alerts = page.getByRole('alert');
  const alert = alerts.filter({ hasText: 'Emergency' });
  await expect(alerts).not.toHaveCount(0);
  await expect(alert).toHaveCount(0);
  const now = Date.now();
  await pushBatches(page, [
    {
      ...empty,
      status: {
        state: 'live',
        since: now - 60_000,
        attempt: 0,
        emergency: true,
        emergencyReason: 'Risk limit breached',
        emergencySince: now,
      },
    },
  ]);
  await expect(alert).toContainText('Emergency');
  await expect(alert).toContainText('The engine stopped trading: Risk limit breached');
  await expect(alert).toContainText(/since \d{2}:\d{2}:\d{2}/);
  await pushBatches(page, [
    { ...empty, status: { state: 'live', since: now - 60_000, attempt: 0, emergency: false } },
  ]);
  await expect(alert).toHaveCount(0);
});

test('a gap after a reconnect is announced, and can be dismissed', async ({ page }) => {
  const notice = page.getByRole('status').filter({ hasText: 'may be missing' });
  await expect(notice).toContainText(
    /Updates between \d{2}:\d{2}:\d{2} (AM|PM) and \d{2}:\d{2}:\d{2} (AM|PM) may be missing/,
  );
  const now = Date.now();
  await pushBatches(page, [{ ...empty, gaps: [{ from: now - 20_000, to: now - 5_000 }] }]);
  await expect(notice).toContainText('1 earlier gap');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByText('may be missing')).toBeHidden();
});

test('quiet mode shows in the header until resumed', async ({ page }) => {
  await page.evaluate(() => {
    const bridge = (
      window as unknown as { mmTray: { notifications: { pause(u: number): Promise<void> } } }
    ).mmTray;
    return bridge.notifications.pause(Date.now() + 3_600_000);
  });
  await expect(page.getByText(/^Notifications paused until/)).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText(/^Notifications paused until/)).toBeHidden();
});
