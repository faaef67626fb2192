import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type ElectronApplication,
  _electron as electron,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { type Simulator, startSimulator } from '../../main/simulator';

// The same scenarios as test/app/whole-app.test.ts, on the real Electron binary. Main
// exposes its tray and notifications in test mode (globalThis.mmTrayTest), since no
// driver reaches the native tray.

interface Described {
  tray: { icon: { name: string; demo: boolean }; tooltip: string; menu: unknown[] };
  status: { state: string; emergency: boolean };
  notifications: { kind: string; title: string; body: string; urgent: boolean }[];
}

const MAIN = resolve(import.meta.dirname, '../../out/main/index.js');

let simulator: Simulator;
let userData: string;
let app: ElectronApplication;
let window: Page;

const describeApp = () =>
  app.evaluate(() =>
    (globalThis as unknown as { mmTrayTest: { describe(): Described } }).mmTrayTest.describe(),
  );

async function until(check: (d: Described) => boolean): Promise<Described> {
  let last: Described | undefined;
  await expect
    .poll(async () => {
      last = await describeApp();
      return check(last);
    })
    .toBe(true);
  return last!;
}

const launch = () =>
  electron.launch({
    args: [MAIN],
    env: {
      ...process.env,
      MM_TRAY_TEST: '1',
      MM_TRAY_USER_DATA: userData,
      // Start at login writes an XDG autostart entry on Linux: never the developer's own.
      XDG_CONFIG_HOME: join(userData, 'config'),
      MM_TRAY_KEYCHAIN_SERVICE: `MM Tray Electron Test ${process.pid}`,
    },
  });

test.beforeAll(async () => {
  simulator = await startSimulator({ scenario: false });
  userData = mkdtempSync(join(tmpdir(), 'mm-tray-electron-'));
  app = await launch();
  window = await app.firstWindow();
});

test.afterAll(async () => {
  await window
    ?.evaluate(() =>
      (window as unknown as { mmTray: { key: { clear(): Promise<unknown> } } }).mmTray.key.clear(),
    )
    .catch(() => {});
  await app?.close().catch(() => {});
  await simulator?.close();
  rmSync(userData, { recursive: true, force: true });
});

test.describe.configure({ mode: 'serial' });

test('goes connecting → live once a key is set', async () => {
  await window.evaluate(
    ([url, key]) => {
      const api = (
        window as unknown as {
          mmTray: {
            settings: { update(p: unknown): Promise<unknown> };
            key: { set(k: string): Promise<unknown> };
          };
        }
      ).mmTray;
      return api.settings.update({ endpoint: url }).then(() => api.key.set(key));
    },
    [simulator.url, simulator.demoKey] as const,
  );
  await until((d) => d.tray.icon.name === 'live');
});

test('a fill yields a notification, a tooltip change and a row in the window', async () => {
  const before = await describeApp();
  simulator.broadcast(
    'orders',
    'UPDATE',
    { orderId: 4242, exchange: 'kalshi', matchedStake: 80, orderStake: 80, orderCents: 0.45 },
    { matchedStake: 0 },
    { client: 'demo' },
  );
  const after = await until((d) => d.notifications.some((n) => n.kind === 'fill'));
  expect(after.tray.tooltip).not.toBe(before.tray.tooltip);
  await expect(window.getByText('4242').first()).toBeVisible();
});

test('an emergency turns the tray to its emergency icon with an urgent notification', async () => {
  simulator.broadcast('emergency', 'UPDATE', { emergency: true, reason: 'manual trigger' });
  const state = await until((d) => d.tray.icon.name === 'emergency');
  expect(state.notifications.find((n) => n.kind === 'emergency')?.urgent).toBe(true);
});

test('closing the window keeps the app running; a second launch focuses it', async () => {
  await window.close();
  expect((await describeApp()).status.state).toBe('live');
  const second = await launch().catch(() => null);
  await second?.close().catch(() => {});
  window = await app.firstWindow();
  await expect.poll(() => app.windows().length).toBeGreaterThan(0);
});

test('quitting from the tray unsubscribes and closes with 1000', async () => {
  await app.evaluate(() =>
    (
      globalThis as unknown as { mmTrayTest: { tray: { clickMenuItem(id: string): void } } }
    ).mmTrayTest.tray.clickMenuItem('quit'),
  );
  await expect.poll(() => simulator.connections().at(-1)?.close?.code).toBe(1000);
  const last = simulator.connections().at(-1)!;
  expect(JSON.parse(last.received.at(-1)!.text)).toEqual({ type: 'unsubscribe' });
});
