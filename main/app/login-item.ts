import { type LinuxAutostartPlace, setLinuxAutostart } from './linux-autostart';

export interface LoginItemOptions extends LinuxAutostartPlace {
  platform: NodeJS.Platform;
  /** Electron's app.setLoginItemSettings: the login item on macOS and Windows. */
  setLoginItemSettings: (settings: { openAtLogin: boolean }) => void;
}

/**
 * "Start at login" for this platform. Changes apply one after another in the order they
 * were made, so a quick on-off-on cannot leave the entry removed.
 */
export function createLoginItem(
  options: LoginItemOptions,
): (openAtLogin: boolean) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return (openAtLogin) => {
    if (options.platform !== 'linux') {
      options.setLoginItemSettings({ openAtLogin });
      return Promise.resolve();
    }
    const next = last.catch(() => undefined).then(() => setLinuxAutostart(openAtLogin, options));
    last = next;
    return next;
  };
}
