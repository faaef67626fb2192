import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu for this platform, or null for none. On macOS the menu bar is where
 * Cmd+C/V/X/A/Z live: without a menu they do nothing, and a key could not be pasted. So
 * macOS gets the app and Edit menus only; no View menu, whose Reload and Toggle Developer
 * Tools would be one keystroke away. Windows and Linux have no menu bar to keep: the
 * dashboard's text fields handle those keys themselves.
 */
export function applicationMenuTemplate(
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }];
}
