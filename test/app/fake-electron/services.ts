import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { app } from './app';
import { type AskedDialog, dialogAnswerFile, dialogLogFile } from './dialog-files';
import { EventEmitter } from './emitter';
import type { PermissionCheckHandler, PermissionRequestHandler } from './permissions';
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
    setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
      registry.permissionRequestHandler = handler;
      registry.permissionHandlerSet = handler !== null;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
      registry.permissionCheckHandler = handler;
    },
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

interface MessageBoxOptions {
  type?: string;
  title?: string;
  message?: string;
  detail?: string;
  buttons?: string[];
}

/** The answer the test wrote for the next message box, taken once; null when none. */
function takeAnswer(file: string): number | null {
  if (!existsSync(file)) return null;
  const { response } = JSON.parse(readFileSync(file, 'utf8')) as { response?: unknown };
  rmSync(file, { force: true });
  return typeof response === 'number' ? response : null;
}

export const dialog = {
  /**
   * Answers with the first button (go ahead) unless the test chose another answer for
   * this one (dialog-files.ts); every question is logged with the response given.
   * Called as Electron allows: (options) or (window, options).
   */
  async showMessageBox(first: unknown, second?: unknown) {
    const { type, title, message, detail, buttons } = (second ?? first) as MessageBoxOptions;
    const userData = app.getPath('userData');
    const response = takeAnswer(dialogAnswerFile(userData)) ?? 0;
    const asked: AskedDialog = { type, title, message, detail, buttons, response };
    appendFileSync(dialogLogFile(userData), `${JSON.stringify(asked)}\n`);
    return { response, checkboxChecked: false };
  },
};

export const net = {
  isOnline: () => true,
};
