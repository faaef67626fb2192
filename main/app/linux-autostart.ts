import { unlink } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { PRODUCT_NAME } from '../../common/app-id';
import { writeFileAtomic } from '../settings/atomic-write';

export const AUTOSTART_FILE_NAME = 'mm-tray.desktop';
/** The entry of an unpackaged run, apart from an installed MM Tray's. */
export const DEVELOPMENT_AUTOSTART_FILE_NAME = 'mm-tray-development.desktop';
/** Seconds GNOME waits after login before starting the app (other desktops ignore it). */
export const AUTOSTART_DELAY_SECONDS = 5;

export interface LinuxAutostartPlace {
  env: Partial<Record<'XDG_CONFIG_HOME' | 'APPIMAGE', string>>;
  homedir: string;
  execPath: string;
  /**
   * Set for an unpackaged run (`npm start`): the app folder Electron is started with. The
   * entry then starts Electron with it (Electron alone opens its own default app), under a
   * file name of its own, so a development run never adds or removes the entry of an MM
   * Tray installed on the same machine.
   */
  appPath?: string;
}

/**
 * Where the XDG autostart spec looks for this app's entry: $XDG_CONFIG_HOME/autostart, or
 * ~/.config/autostart when that variable is unset or not absolute (the base-directory spec
 * says to ignore relative values).
 */
export function autostartFilePath(
  place: Pick<LinuxAutostartPlace, 'env' | 'homedir' | 'appPath'>,
): string {
  const configured = place.env.XDG_CONFIG_HOME;
  const configHome =
    configured !== undefined && isAbsolute(configured)
      ? configured
      : join(place.homedir, '.config');
  const fileName =
    place.appPath === undefined ? AUTOSTART_FILE_NAME : DEVELOPMENT_AUTOSTART_FILE_NAME;
  return join(configHome, 'autostart', fileName);
}

/**
 * One program path as an Exec argument, per the Desktop Entry spec: quoted, with `"`, `` ` ``,
 * `$` and `\` escaped inside the quotes and `%` doubled (it starts field codes); then, since
 * Exec is a string value whose own escapes are undone first, backslashes doubled again and
 * control characters written as escapes.
 */
export function execArgument(path: string): string {
  const quoted = `"${path.replace(/["`$\\]/g, '\\$&')}"`.replaceAll('%', '%%');
  return quoted
    .replaceAll('\\', '\\\\')
    .replaceAll('\n', '\\n')
    .replaceAll('\t', '\\t')
    .replaceAll('\r', '\\r');
}

/**
 * The entry that starts the app at login. An AppImage runs from a temporary mount, so
 * $APPIMAGE (the image file itself) is what must be started, not the running executable.
 */
export function autostartEntry(
  place: Pick<LinuxAutostartPlace, 'env' | 'execPath' | 'appPath'>,
): string {
  const program = execArgument(place.env.APPIMAGE || place.execPath);
  const command =
    place.appPath === undefined ? program : `${program} ${execArgument(place.appPath)}`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${PRODUCT_NAME}`,
    `Exec=${command}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    // The tray icon needs the panel's StatusNotifier host, which may come up after this
    // entry starts: a tray made before it exists falls back to a legacy icon, or none.
    `X-GNOME-Autostart-Delay=${AUTOSTART_DELAY_SECONDS}`,
    '',
  ].join('\n');
}

/**
 * Start at login on Linux, where Electron's setLoginItemSettings does nothing: writes the
 * autostart entry (atomically) or removes it. Either is idempotent.
 */
export async function setLinuxAutostart(
  openAtLogin: boolean,
  place: LinuxAutostartPlace,
): Promise<void> {
  const path = autostartFilePath(place);
  if (openAtLogin) {
    await writeFileAtomic(path, autostartEntry(place));
    return;
  }
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
