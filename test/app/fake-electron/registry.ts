import type { FakeBrowserWindow } from './browser-window';
import type { FakeNotification } from './notification';
import type { FakeTray } from './tray';

/** Everything the stand-in created, for the harness to inspect and drive. */
export const registry = {
  windows: [] as FakeBrowserWindow[],
  trays: [] as FakeTray[],
  notifications: [] as FakeNotification[],
  openedExternally: [] as string[],
  openedPaths: [] as string[],
  loginItem: { openAtLogin: false },
  appUserModelId: null as string | null,
  permissionHandlerSet: false,
};
