import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { app } from './app';
import { FakeBrowserWindow } from './browser-window';
import { askPermission } from './permissions';
import { registry } from './registry';
import { powerMonitor } from './services';

/** Requests from the test process (over the child-process IPC channel). */
export type ControlRequest =
  | { cmd: 'state' }
  | { cmd: 'tray-click' }
  | { cmd: 'tray-menu-click'; id: string }
  | { cmd: 'notification-click'; index: number }
  | { cmd: 'window-close' }
  /** Windows logs off or shuts down: the window's 'session-end'. */
  | { cmd: 'window-session-end' }
  | { cmd: 'page-eval'; expression: string }
  | { cmd: 'page-screenshot'; path: string }
  | { cmd: 'power'; event: string }
  /** macOS reopens the running app (Finder, Spotlight, Dock): app 'activate'. */
  | { cmd: 'app-activate' }
  | { cmd: 'permission-ask'; permission: string }
  | { cmd: 'test-hooks' }
  /** The stand-in forgets what it recorded (notifications, tray histories): its own memory. */
  | { cmd: 'forget-history' }
  /** Main's heap after a full collection (process.memoryUsage). */
  | { cmd: 'memory' }
  | { cmd: 'quit' };

/** A full collection, without starting the app with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function currentWindow(): FakeBrowserWindow {
  const window = FakeBrowserWindow.getAllWindows().at(-1);
  if (!window) throw new Error('no window is open');
  return window;
}

function state() {
  return {
    trays: registry.trays.map((t) => ({
      image: t.image,
      tooltip: t.tooltip,
      title: t.title,
      menu: t.menu?.describe() ?? null,
      menuSetCount: t.menuSetCount,
      imageHistory: t.imageHistory,
      tooltipHistory: t.tooltipHistory,
      destroyed: t.destroyed,
    })),
    notifications: registry.notifications.map((n) => ({ ...n.options, closed: n.closed })),
    windows: registry.windows.map((w) => ({
      visible: w.isVisible(),
      destroyed: w.isDestroyed(),
      focusCount: w.focusCount,
      title: w.title,
      icon: typeof w.options.icon === 'string' ? w.options.icon : null,
      url: w.isDestroyed() ? '' : w.webContents.getURL(),
      webPreferences: w.options.webPreferences,
    })),
    /** 'unset' until main calls Menu.setApplicationMenu; then the menu, or null for none. */
    applicationMenu:
      registry.applicationMenu === undefined
        ? 'unset'
        : (registry.applicationMenu?.describe() ?? null),
    loginItem: registry.loginItem,
    appUserModelId: registry.appUserModelId,
    openedExternally: registry.openedExternally,
    openedPaths: registry.openedPaths,
    permissionHandlerSet: registry.permissionHandlerSet,
    windowOpens: registry.windowOpens,
    navigations: registry.navigations,
  };
}

export async function handleControlRequest(request: ControlRequest): Promise<unknown> {
  switch (request.cmd) {
    case 'state':
      return state();
    case 'tray-click':
      registry.trays[0]?.emit('click', { preventDefault() {} });
      return null;
    case 'tray-menu-click': {
      const item = registry.trays[0]?.menu?.find(request.id);
      if (!item?.click) throw new Error(`no clickable tray menu item ${request.id}`);
      item.click();
      return null;
    }
    case 'notification-click': {
      const notification = registry.notifications[request.index];
      if (!notification) throw new Error(`no notification #${request.index}`);
      notification.click();
      return null;
    }
    case 'window-close':
      currentWindow().close();
      return null;
    case 'window-session-end':
      currentWindow().emit('session-end', { preventDefault() {}, reasons: ['shutdown'] });
      return null;
    case 'page-eval': {
      const window = currentWindow();
      await window.webContents.flushed();
      return (await window.page).evaluate(request.expression);
    }
    case 'page-screenshot':
      await (await currentWindow().page).screenshot({ path: request.path, fullPage: true });
      return null;
    case 'power':
      powerMonitor.emit(request.event);
      return null;
    case 'app-activate': {
      const hasVisibleWindows = FakeBrowserWindow.getAllWindows().some((w) => w.isVisible());
      app.emit('activate', { preventDefault() {} }, hasVisibleWindows);
      return null;
    }
    case 'permission-ask':
      return askPermission(request.permission);
    case 'test-hooks': {
      const hooks = (globalThis as { mmTrayTest?: { describe(): unknown } }).mmTrayTest;
      return hooks?.describe() ?? null;
    }
    case 'forget-history':
      registry.notifications.length = 0;
      for (const tray of registry.trays) {
        tray.imageHistory.length = 0;
        tray.tooltipHistory.length = 0;
      }
      return null;
    case 'memory':
      collectGarbage();
      collectGarbage();
      return process.memoryUsage();
    case 'quit':
      app.quit();
      return null;
  }
}

export function listenForControl(): void {
  if (!process.send) return;
  process.on('message', (message: { id: number; request: ControlRequest }) => {
    handleControlRequest(message.request).then(
      (result) => process.send?.({ id: message.id, result }),
      (error: unknown) => process.send?.({ id: message.id, error: (error as Error).message }),
    );
  });
  // The IPC channel must not keep the app alive on its own.
  process.channel?.unref();
  // A test runner killed mid-test cannot kill its app: it goes with the channel, instead of
  // running on and loading the machine for every later test and benchmark.
  process.on('disconnect', () => process.exit(1));
}
