/** The tray icons, one per state; keep in step with build/generate-icons.mjs (a test checks). */
export const TRAY_ICON_NAMES = [
  'connecting',
  'live',
  'reconnecting',
  'auth-failed',
  'stopped',
  'emergency',
] as const;
export type TrayIconName = (typeof TRAY_ICON_NAMES)[number];

/** Alarms stay coloured on macOS, where ordinary states are monochrome template images. */
export const ALARM_ICONS: ReadonlySet<TrayIconName> = new Set(['emergency', 'auth-failed']);

export interface TrayIcon {
  name: TrayIconName;
  /** Carries the DEMO badge. */
  demo: boolean;
}

/**
 * The icon's file, relative to the generated icons folder (build/icons/generated), with
 * `/` separators. macOS: 16 px PNG, `@2x` beside it (nativeImage.createFromPath loads it,
 * and a name ending in `Template` makes a template image). Windows: a multi-size .ico.
 * Linux and the rest: 24 px PNG with `@2x` beside it.
 */
export function trayIconFile(icon: TrayIcon, platform: NodeJS.Platform): string {
  const base = icon.demo ? `${icon.name}-demo` : icon.name;
  if (platform === 'darwin') {
    return ALARM_ICONS.has(icon.name) ? `tray/mac/${base}.png` : `tray/mac/${base}Template.png`;
  }
  if (platform === 'win32') return `tray/win/${base}.ico`;
  return `tray/linux/${base}.png`;
}
