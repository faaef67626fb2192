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
import keytar from 'keytar';
import { PRODUCT_NAME } from '../../common/app-id';
import { DEFAULT_ACCOUNT } from '../../main/secrets/keytar-secret-store';
import { type Simulator, startSimulator } from '../../main/simulator';
import { type TrayIcon, trayIconFile } from '../../main/tray/tray-icons';

// The same scenarios as test/app/whole-app.test.ts, on the real Electron binary. Main
// exposes its tray and notifications in test mode (globalThis.mmTrayTest), since no
// driver reaches the native tray.

interface Described {
  tray: { icon: TrayIcon; tooltip: string; menu: unknown[] };
  status: { state: string; emergency: boolean };
  notifications: { kind: string; title: string; body: string; urgent: boolean }[];
}

// The project folder, as `electron .` would run it: Electron reads package.json there (the
// app's name, and main: out/main/index.js) and main finds its icons under it.
const ROOT = resolve(import.meta.dirname, '../..');
// The specs' own keychain entry, deleted afterwards from this process (the app has quit).
const KEYCHAIN_SERVICE = `MM Tray Electron Test ${process.pid}`;

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
    args: [ROOT],
    cwd: ROOT,
    env: {
      ...process.env,
      MM_TRAY_TEST: '1',
      MM_TRAY_USER_DATA: userData,
      // Start at login writes an XDG autostart entry on Linux: never the developer's own.
      XDG_CONFIG_HOME: join(userData, 'config'),
      MM_TRAY_KEYCHAIN_SERVICE: KEYCHAIN_SERVICE,
    },
  });

test.beforeAll(async () => {
  simulator = await startSimulator({ scenario: false });
  userData = mkdtempSync(join(tmpdir(), 'mm-tray-electron-'));
  app = await launch();
  window = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close().catch(() => {});
  try {
    for (const { account } of await keytar.findCredentials(KEYCHAIN_SERVICE)) {
      await keytar.deletePassword(KEYCHAIN_SERVICE, account);
    }
  } finally {
    await simulator?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  }
});

test.describe.configure({ mode: 'serial' });

test('runs as MM Tray from the project folder, with tray icons that load', async () => {
  const { tray } = await describeApp();
  // main loads the tray icons from <app path>/build/icons/generated when not packaged.
  const icon = join(ROOT, 'build/icons/generated', trayIconFile(tray.icon, process.platform));
  const seen = await app.evaluate(
    ({ app: electronApp, nativeImage }, file) => ({
      appPath: electronApp.getAppPath(),
      name: electronApp.getName(),
      iconEmpty: nativeImage.createFromPath(file).isEmpty(),
    }),
    icon,
  );
  expect(seen).toEqual({ appPath: ROOT, name: PRODUCT_NAME, iconEmpty: false });
});

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
  expect(await keytar.getPassword(KEYCHAIN_SERVICE, DEFAULT_ACCOUNT)).toBe(simulator.demoKey);
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
