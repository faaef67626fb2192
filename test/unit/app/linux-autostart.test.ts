import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  autostartEntry,
  autostartFilePath,
  execArgument,
  setLinuxAutostart,
} from '../../../main/app/linux-autostart';
import { createLoginItem, loginItemMechanism, readLoginItem } from '../../../main/app/login-item';
import { tempFolderPerTest } from '../settings/temp-folder';

const folder = tempFolderPerTest('mm-tray-autostart-');
const EXEC = '/opt/MM Tray/mm-tray';

const place = () => ({
  env: { XDG_CONFIG_HOME: join(folder(), 'config') },
  homedir: join(folder(), 'home'),
  execPath: EXEC,
});
const entryPath = () => join(folder(), 'config', 'autostart', 'mm-tray.desktop');

describe('the Linux autostart entry', () => {
  it('is written where the XDG spec looks, with what a session needs to start the app', async () => {
    await setLinuxAutostart(true, place());
    expect(await readFile(entryPath(), 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=MM Tray',
        'Exec="/opt/MM Tray/mm-tray"',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        'X-GNOME-Autostart-Delay=5',
        '',
      ].join('\n'),
    );
  });

  it('asks GNOME to start the app a few seconds after login, once the panel can host its tray icon', () => {
    const delay = autostartEntry(place())
      .split('\n')
      .find((line) => line.startsWith('X-GNOME-Autostart-Delay='));
    expect(Number(delay?.split('=')[1])).toBeGreaterThan(0);
  });

  it('is written again unchanged, leaving no temporary file beside it', async () => {
    await setLinuxAutostart(true, place());
    await setLinuxAutostart(true, place());
    expect(await readdir(join(folder(), 'config', 'autostart'))).toEqual(['mm-tray.desktop']);
    expect(await readFile(entryPath(), 'utf8')).toBe(autostartEntry(place()));
  });

  it('is removed when start at login is turned off, and removing it twice is no error', async () => {
    await setLinuxAutostart(true, place());
    await setLinuxAutostart(false, place());
    expect(await readdir(join(folder(), 'config', 'autostart'))).toEqual([]);
    await expect(setLinuxAutostart(false, place())).resolves.toBeUndefined();
  });

  it('removing leaves other autostart entries alone', async () => {
    const other = join(folder(), 'config', 'autostart', 'other.desktop');
    await mkdir(join(folder(), 'config', 'autostart'), { recursive: true });
    await writeFile(other, '[Desktop Entry]\n');
    await setLinuxAutostart(true, place());
    await setLinuxAutostart(false, place());
    expect(await readdir(join(folder(), 'config', 'autostart'))).toEqual(['other.desktop']);
  });

  it('starts the AppImage file itself when running from one', () => {
    const entry = autostartEntry({
      ...place(),
      env: { APPIMAGE: '/home/t/Apps/MM-Tray.AppImage' },
    });
    expect(entry).toContain('\nExec="/home/t/Apps/MM-Tray.AppImage"\n');
  });

  it('falls back to ~/.config when XDG_CONFIG_HOME is unset, empty or relative', () => {
    for (const XDG_CONFIG_HOME of [undefined, '', 'relative/config']) {
      const env = XDG_CONFIG_HOME === undefined ? {} : { XDG_CONFIG_HOME };
      expect(autostartFilePath({ env, homedir: '/home/t' })).toBe(
        '/home/t/.config/autostart/mm-tray.desktop',
      );
    }
    expect(autostartFilePath({ env: { XDG_CONFIG_HOME: '/x/cfg' }, homedir: '/home/t' })).toBe(
      '/x/cfg/autostart/mm-tray.desktop',
    );
  });
});

describe('the Exec argument', () => {
  it('is quoted, with the characters the Desktop Entry spec reserves escaped', () => {
    expect(execArgument('/usr/bin/mm-tray')).toBe('"/usr/bin/mm-tray"');
    // Inside quotes: \" \` \$ \\ ; then the string escape doubles every backslash.
    expect(execArgument('/a "b"/$HOME/`x`')).toBe('"/a \\\\"b\\\\"/\\\\$HOME/\\\\`x\\\\`"');
    expect(execArgument('C:\\odd')).toBe('"C:\\\\\\\\odd"');
    expect(execArgument('/100%/app')).toBe('"/100%%/app"');
    expect(execArgument('/a\nb')).toBe('"/a\\nb"');
  });
});

describe('start at login per platform', () => {
  const options = (platform: NodeJS.Platform, packaged: boolean) => ({
    platform,
    packaged,
    setLoginItemSettings: vi.fn(),
    getLoginItemSettings: vi.fn(() => ({ openAtLogin: true })),
    log: vi.fn(),
    ...place(),
    appPath: '/src/mm tray',
  });

  it('installed on Linux, writes the autostart entry instead of calling Electron', async () => {
    const linux = options('linux', true);
    await createLoginItem(linux)(true);
    expect(await readFile(entryPath(), 'utf8')).toContain('\nExec="/opt/MM Tray/mm-tray"\n');
    await createLoginItem(linux)(false);
    expect(await readdir(join(folder(), 'config', 'autostart'))).toEqual([]);
    expect(linux.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('unpackaged on Linux, starts Electron with the app folder, from an entry apart from an installed app’s', async () => {
    const installed = createLoginItem(options('linux', true));
    const dev = createLoginItem(options('linux', false));
    await installed(true);
    await dev(true);
    const devEntry = join(folder(), 'config', 'autostart', 'mm-tray-development.desktop');
    expect(await readFile(devEntry, 'utf8')).toContain(
      '\nExec="/opt/MM Tray/mm-tray" "/src/mm tray"\n',
    );
    await dev(false);
    expect(await readdir(join(folder(), 'config', 'autostart'))).toEqual(['mm-tray.desktop']);
    expect(await readFile(entryPath(), 'utf8')).toContain('\nExec="/opt/MM Tray/mm-tray"\n');
  });

  it('on Linux applies quick changes in the order they were made', async () => {
    const setStartAtLogin = createLoginItem(options('linux', true));
    await Promise.all([setStartAtLogin(true), setStartAtLogin(false), setStartAtLogin(true)]);
    expect(await readdir(join(folder(), 'config', 'autostart'))).toEqual(['mm-tray.desktop']);
    await Promise.all([setStartAtLogin(false), setStartAtLogin(true), setStartAtLogin(false)]);
    expect(await readdir(join(folder(), 'config', 'autostart'))).toEqual([]);
  });

  it('installed on macOS and Windows, uses Electron’s login item and writes nothing', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const installed = options(platform, true);
      await createLoginItem(installed)(true);
      await createLoginItem(installed)(false);
      expect(installed.setLoginItemSettings.mock.calls).toEqual([
        [{ openAtLogin: true }],
        [{ openAtLogin: false }],
      ]);
    }
    expect(await readdir(folder())).toEqual([]);
  });

  it('unpackaged on macOS and Windows, leaves the login item (an installed app’s) alone and says so', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const dev = options(platform, false);
      await createLoginItem(dev)(false);
      await createLoginItem(dev)(true);
      expect(dev.setLoginItemSettings).not.toHaveBeenCalled();
      expect(dev.log.mock.calls).toEqual([
        [expect.stringMatching(/off: not applied/)],
        [expect.stringMatching(/on: not applied/)],
      ]);
    }
    expect(await readdir(folder())).toEqual([]);
  });

  it('is decided by platform and by whether the app is installed', () => {
    expect(loginItemMechanism('linux', true)).toBe('xdg-autostart');
    expect(loginItemMechanism('linux', false)).toBe('xdg-autostart');
    expect(loginItemMechanism('darwin', true)).toBe('electron-login-item');
    expect(loginItemMechanism('win32', true)).toBe('electron-login-item');
    expect(loginItemMechanism('darwin', false)).toBe('none');
    expect(loginItemMechanism('win32', false)).toBe('none');
  });

  it('reads whether the app starts at login as the OS has it, for when the settings cannot say', async () => {
    const installed = options('linux', true);
    const dev = options('linux', false);
    expect(readLoginItem(installed)).toBe(false);
    await createLoginItem(dev)(true);
    expect(readLoginItem(installed)).toBe(false);
    expect(readLoginItem(dev)).toBe(true);
    await createLoginItem(installed)(true);
    expect(readLoginItem(installed)).toBe(true);
    expect(readLoginItem(options('win32', true))).toBe(true);
    expect(readLoginItem(options('darwin', false))).toBeNull();
  });
});
