import { EventEmitter } from './emitter';
import { registry } from './registry';

export const shell = {
  async openExternal(url: string): Promise<void> {
    registry.openedExternally.push(url);
  },
  async openPath(path: string): Promise<string> {
    registry.openedPaths.push(path);
    return '';
  },
  showItemInFolder(path: string): void {
    registry.openedPaths.push(path);
  },
};

export const powerMonitor = new EventEmitter();

export const session = {
  defaultSession: {
    setPermissionRequestHandler(): void {
      registry.permissionHandlerSet = true;
    },
    setPermissionCheckHandler(): void {},
    webRequest: { onHeadersReceived(): void {} },
  },
};

export const screen = {
  getAllDisplays: () => [
    {
      id: 1,
      workArea: { x: 0, y: 0, width: 1920, height: 1080 },
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    },
  ],
  getPrimaryDisplay: () => screen.getAllDisplays()[0],
  getDisplayMatching: () => screen.getAllDisplays()[0],
};

export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  themeSource: 'system',
});

export const dialog = {
  async showMessageBox() {
    return { response: 0, checkboxChecked: false };
  },
};

export const net = {
  isOnline: () => true,
};
