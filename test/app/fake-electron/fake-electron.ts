// An in-repo stand-in for the `electron` module, for running the real main entry under
// Node: windows are real Chromium pages (Playwright) loading the real preload and
// renderer; tray, menus and notifications are recorded for the test to inspect.
import { app } from './app';
import { FakeBrowserWindow } from './browser-window';
import { listenForControl } from './control';
import { ipcMain } from './ipc-main';
import { FakeMenu } from './menu';
import { nativeImage } from './native-image';
import { FakeNotification } from './notification';
import { dialog, nativeTheme, net, powerMonitor, screen, session, shell } from './services';
import { FakeTray } from './tray';

listenForControl();

export {
  app,
  dialog,
  FakeBrowserWindow as BrowserWindow,
  FakeMenu as Menu,
  FakeNotification as Notification,
  FakeTray as Tray,
  ipcMain,
  nativeImage,
  nativeTheme,
  net,
  powerMonitor,
  screen,
  session,
  shell,
};
