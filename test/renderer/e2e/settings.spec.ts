import { expect, test } from '@playwright/test';
import {
  bridgeCalls,
  expectNoAxeViolations,
  openDashboard,
  openView,
} from '../support/dashboard-page';
import { generateMarketDay } from '../support/market-day';
import { saveScreenshot } from '../support/screenshots';

const day = generateMarketDay({ warmupEvents: 800 });
const KEY = '0f8fad5b-d9cb-469f-a165-70867728950e';

test.describe('with a key set', () => {
  test.beforeEach(async ({ page }) => {
    await openDashboard(page, {
      snapshot: day.snapshot,
      keyTest: { ok: false, message: 'Invalid API key' },
    });
    await openView(page, 'Settings');
  });

  test('a key that is not a UUID is refused before it leaves the page', async ({ page }) => {
    const input = page.getByLabel('New API key');
    await expect(input).toHaveAttribute('type', 'password');
    await input.fill('not-a-key');
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect(page.getByText('That is not an API key')).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(await bridgeCalls(page, 'key.set')).toEqual([]);
    await expectNoAxeViolations(page, 'settings with an invalid key');
    await saveScreenshot(page, 'settings-invalid-key');
  });

  test('a valid key is saved, cleared from the field and never shown back', async ({ page }) => {
    await expect(
      page.getByText('A key is set: ••••-7b90 (kept in the system keychain)'),
    ).toBeVisible();
    await page.getByLabel('New API key').fill(` ${KEY} `);
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect(page.getByText('Key saved in the system keychain.')).toBeVisible();
    expect(await bridgeCalls(page, 'key.set')).toEqual([[KEY, null]]);
    await expect(page.getByLabel('New API key')).toHaveValue('');
    await expect(page.getByText('A key is set: ••••-950e')).toBeVisible();
    expect(await page.content()).not.toContain(KEY);
  });

  test('test connection reports the answer; remove key clears it', async ({ page }) => {
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText('Connection failed: Invalid API key')).toBeVisible();
    expect(await bridgeCalls(page, 'key.test')).toEqual([[null]]);
    await page.getByLabel('New API key').fill(KEY);
    await page.getByRole('button', { name: 'Test connection' }).click();
    expect((await bridgeCalls(page, 'key.test')).at(-1)).toEqual([{ key: KEY }]);
    await page.getByRole('button', { name: 'Remove key' }).click();
    await expect(page.getByText('No API key is set.')).toBeVisible();
  });

  test('endpoint, channels and hedge grace are checked and saved', async ({ page }) => {
    const endpoint = page.getByLabel('Endpoint');
    await endpoint.fill('https://example.com');
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.first().click();
    await expect(page.getByText('Enter a ws:// or wss:// address.')).toBeVisible();
    await endpoint.fill('wss://mm.example.com/ws/subscribe');
    await save.first().click();
    await expect(page.getByText('Saved.').first()).toBeVisible();

    await page.getByRole('checkbox', { name: 'scores' }).uncheck();
    await page.getByLabel('Hedge grace (seconds)').fill('700');
    await save.nth(1).click();
    await expect(page.getByText('Enter a number of seconds from 1 to 600.')).toBeVisible();
    await page.getByLabel('Hedge grace (seconds)').fill('30');
    await save.nth(1).click();
    await expect.poll(() => bridgeCalls(page, 'settings.update')).toHaveLength(3);
    expect(await bridgeCalls(page, 'settings.update')).toEqual([
      [{ endpoint: 'wss://mm.example.com/ws/subscribe' }],
      [{ channels: ['orders', 'bets', 'accounts', 'emergency'] }],
      [{ hedgeGraceSeconds: 30 }],
    ]);
  });

  test('notification kinds and quiet mode', async ({ page }) => {
    await expect(page.getByRole('checkbox', { name: 'Emergencies', exact: true })).toBeDisabled();
    await page.getByRole('checkbox', { name: 'Fills', exact: true }).uncheck();
    await expect(page.getByRole('checkbox', { name: 'Fills', exact: true })).not.toBeChecked();
    const [update] = await bridgeCalls(page, 'settings.update');
    expect(update).toEqual([
      {
        notifications: {
          enabledKinds: [
            'hedge',
            'hedge-declined',
            'hedge-missing',
            'emergency',
            'emergency-cleared',
            'connection-lost',
            'connection-restored',
            'auth-failed',
            'trading-status',
          ],
        },
      },
    ]);

    await page.getByLabel('Pause for').selectOption({ label: '15 minutes' });
    const before = Date.now();
    await page.getByRole('button', { name: 'Pause notifications' }).click();
    await expect(page.getByText(/^Notifications paused until/)).toBeVisible();
    const [[until]] = (await bridgeCalls(page, 'notifications.pause')) as [[number]];
    expect(until).toBeGreaterThanOrEqual(before + 15 * 60_000 - 1000);
    await saveScreenshot(page, 'settings-quiet');
    await page.getByRole('button', { name: 'Resume notifications' }).click();
    await expect(page.getByText('Notifications are on.')).toBeVisible();
    expect((await bridgeCalls(page, 'notifications.pause')).at(-1)).toEqual([null]);
  });

  test('language and theme apply at once; demo mode switches on and off', async ({ page }) => {
    await page.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('navigation', { name: '视图' })).toBeVisible();
    await page.getByRole('button', { name: '开始演示' }).click();
    await expect(page.getByText('演示', { exact: true })).toBeVisible();
    expect(await bridgeCalls(page, 'demo.set')).toEqual([[true]]);
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('button', { name: 'Stop the demo' }).click();
    await expect(page.getByText('DEMO', { exact: true })).toBeHidden();
    await page.getByRole('checkbox', { name: 'Start MM Tray when I log in' }).check();
    expect((await bridgeCalls(page, 'settings.update')).at(-1)).toEqual([{ startAtLogin: true }]);
    await page.getByRole('button', { name: 'Open the log folder' }).click();
    await expect.poll(() => bridgeCalls(page, 'logs.openFolder')).toHaveLength(1);
  });
});

test('when the keychain cannot be used, it says why and keeps the key for this session only', async ({
  page,
}) => {
  const problem = 'no Secret Service provider: install gnome-keyring or KeePassXC';
  await openDashboard(page, {
    snapshot: {
      ...day.snapshot,
      keyStatus: { set: false, storage: 'none', keychainProblem: problem },
    },
    keychainBroken: true,
  });
  await page.getByRole('button', { name: 'Set up later' }).click();
  await openView(page, 'Settings');
  await expect(page.getByText(`The system keychain cannot be used: ${problem}`)).toBeVisible();
  const sessionOnly = page.getByRole('checkbox', { name: /for this session only/ });
  await expect(sessionOnly).toBeChecked();
  await page.getByLabel('New API key').fill(KEY);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByText('Key saved for this session only.')).toBeVisible();
  await expect(page.getByText('(kept for this session only)')).toBeVisible();
  expect(await bridgeCalls(page, 'key.set')).toEqual([[KEY, { sessionOnly: true }]]);
  await expectNoAxeViolations(page, 'settings with a keychain problem');
  await saveScreenshot(page, 'settings-keychain-problem');
});

test.describe('first run without a key', () => {
  const noKey = { ...day.snapshot, keyStatus: { set: false, storage: 'none' } as const };

  test('pasting a key leads to the dashboard', async ({ page }) => {
    await openDashboard(page, { snapshot: noKey });
    await expect(page.getByRole('heading', { name: 'Welcome to MM Tray' })).toBeVisible();
    await page.getByLabel('New API key').fill('12345');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByText('That is not an API key')).toBeVisible();
    await page.getByLabel('New API key').fill(KEY);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  });

  test('"Try the demo" starts the demo and shows the DEMO badge', async ({ page }) => {
    await openDashboard(page, { snapshot: noKey });
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
    await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
    expect(await bridgeCalls(page, 'demo.set')).toEqual([[true]]);
    await saveScreenshot(page, 'demo-badge');
  });
});
