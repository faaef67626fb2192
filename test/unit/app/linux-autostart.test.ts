import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  autostartEntry,
  autostartFilePath,
  execArgument,
  setLinuxAutostart,
} from '../../../main/app/linux-autostart';
import { createLoginItem } from '../../../main/app/login-item';
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
        '',
      ].join('\n'),
    );
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
  it('on Linux writes the autostart entry instead of calling Electron', async () => {
    const setLoginItemSettings = vi.fn();
    const setStartAtLogin = createLoginItem({
      platform: 'linux',
      setLoginItemSettings,
      ...place(),
    });
    await setStartAtLogin(true);
    expect(await readFile(entryPath(), 'utf8')).toContain('Exec="/opt/MM Tray/mm-tray"');
    expect(setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('on Linux applies quick changes in the order they were made', async () => {
    const setStartAtLogin = createLoginItem({
      platform: 'linux',
      setLoginItemSettings: vi.fn(),
      ...place(),
    });
    await Promise.all([setStartAtLogin(true), setStartAtLogin(false), setStartAtLogin(true)]);
    expect(await readdir(join(folder(), 'config', 'autostart'))).toEqual(['mm-tray.desktop']);
    await Promise.all([setStartAtLogin(false), setStartAtLogin(true), setStartAtLogin(false)]);
    expect(await readdir(join(folder(), 'config', 'autostart'))).toEqual([]);
  });

  it('on macOS and Windows uses Electron’s login item and writes nothing', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const setLoginItemSettings = vi.fn();
      await createLoginItem({ platform, setLoginItemSettings, ...place() })(true);
      expect(setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    }
    expect(await readdir(folder())).toEqual([]);
  });
});
