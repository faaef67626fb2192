import { join } from 'node:path';

/** The app's PNG icon, in build/icons/generated (dev) and resources/icons (packaged) alike. */
export function appIconPath(iconsDir: string): string {
  return join(iconsDir, 'app/png/256x256.png');
}

/**
 * The dashboard window's icon. Only Linux takes it from here: a deb or rpm's desktop entry
 * names one, but an AppImage or tar.gz has none, and the window would get a generic icon.
 * macOS uses the bundle's icon, Windows the one in the exe.
 */
export function dashboardWindowIcon(
  platform: NodeJS.Platform,
  iconsDir: string,
): string | undefined {
  return platform === 'linux' ? appIconPath(iconsDir) : undefined;
}
