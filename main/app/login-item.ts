import { existsSync } from 'node:fs';
import { autostartFilePath, type LinuxAutostartPlace, setLinuxAutostart } from './linux-autostart';

export interface LoginItemOptions extends LinuxAutostartPlace {
  platform: NodeJS.Platform;
  /** app.isPackaged: an installed app, not a development or test run. */
  packaged: boolean;
  /** Electron's app.setLoginItemSettings: the login item on macOS and Windows. */
  setLoginItemSettings: (settings: { openAtLogin: boolean }) => void;
  /** Electron's app.getLoginItemSettings: whether that login item is there. */
  getLoginItemSettings: () => { openAtLogin: boolean };
  log: (message: string) => void;
}

/** How start at login is applied: Electron's login item, the XDG entry, or not at all. */
export type LoginItemMechanism = 'electron-login-item' | 'xdg-autostart' | 'none';

/**
 * Linux always uses the XDG entry, which names the running program (and, unpackaged, the
 * app folder, in an entry of its own: LinuxAutostartPlace.appPath). On macOS and Windows
 * the login item is keyed by the app's name, not its path: an unpackaged run (dev, tests)
 * would add or remove the entry of an MM Tray installed on the same machine (on macOS it
 * would register the bare Electron binary). So only an installed app touches it.
 */
export function loginItemMechanism(
  platform: NodeJS.Platform,
  packaged: boolean,
): LoginItemMechanism {
  if (platform === 'linux') return 'xdg-autostart';
  return packaged ? 'electron-login-item' : 'none';
}

/**
 * "Start at login" for this platform. Changes apply one after another in the order they
 * were made, so a quick on-off-on cannot leave the entry removed.
 */
export function createLoginItem(
  options: LoginItemOptions,
): (openAtLogin: boolean) => Promise<void> {
  const mechanism = loginItemMechanism(options.platform, options.packaged);
  let last: Promise<void> = Promise.resolve();
  return (openAtLogin) => {
    if (mechanism === 'none') {
      options.log(
        `start at login ${openAtLogin ? 'on' : 'off'}: not applied (not an installed app)`,
      );
      return Promise.resolve();
    }
    if (mechanism === 'electron-login-item') {
      options.setLoginItemSettings({ openAtLogin });
      return Promise.resolve();
    }
    const next = last
      .catch(() => undefined)
      .then(() => setLinuxAutostart(openAtLogin, autostartPlace(options)));
    last = next;
    return next;
  };
}

/**
 * Whether the app starts at login now, as the OS has it (null where the app does not apply
 * it: an unpackaged run on macOS or Windows). For when the settings file could not say.
 */
export function readLoginItem(options: LoginItemOptions): boolean | null {
  const mechanism = loginItemMechanism(options.platform, options.packaged);
  if (mechanism === 'none') return null;
  if (mechanism === 'electron-login-item') return options.getLoginItemSettings().openAtLogin;
  return existsSync(autostartFilePath(autostartPlace(options)));
}

/** An unpackaged run has an entry of its own (LinuxAutostartPlace.appPath). */
function autostartPlace(options: LoginItemOptions): LinuxAutostartPlace {
  return { ...options, appPath: options.packaged ? undefined : options.appPath };
}
