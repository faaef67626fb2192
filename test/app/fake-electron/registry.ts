import type { FakeBrowserWindow } from './browser-window';
import type { FakeMenu } from './menu';
import type { FakeNotification } from './notification';
import type { PermissionCheckHandler, PermissionRequestHandler } from './permissions';
import type { FakeTray } from './tray';

/** Everything the stand-in created, for the harness to inspect and drive. */
export const registry = {
  windows: [] as FakeBrowserWindow[],
  trays: [] as FakeTray[],
  /** What main passed to Menu.setApplicationMenu; undefined until it is called. */
  applicationMenu: undefined as FakeMenu | null | undefined,
  notifications: [] as FakeNotification[],
  openedExternally: [] as string[],
  openedPaths: [] as string[],
  loginItem: { openAtLogin: false },
  appUserModelId: null as string | null,
  permissionHandlerSet: false,
  /** What main passed to session.setPermissionRequestHandler / setPermissionCheckHandler. */
  permissionRequestHandler: null as PermissionRequestHandler | null,
  permissionCheckHandler: null as PermissionCheckHandler | null,
  /** Every window.open from a page and what the window-open handler decided. */
  windowOpens: [] as { url: string; action: 'allow' | 'deny' }[],
  /** Every navigation a page started, and whether 'will-navigate' blocked it. */
  navigations: [] as { url: string; blocked: boolean }[],
};
