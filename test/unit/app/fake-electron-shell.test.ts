import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../app/fake-electron/app';
import { FakeBrowserWindow } from '../../app/fake-electron/browser-window';
import { handleControlRequest } from '../../app/fake-electron/control';
import { FakeMenu } from '../../app/fake-electron/menu';
import { registry } from '../../app/fake-electron/registry';

// The whole-app test (Chromium and a build) relies on the stand-in `electron` doing what
// Electron does with the application menu, macOS 'activate' and the page's <title>; this
// checks that part of the stand-in under Node, with a page that only has a title.
const PAGE_TITLE = 'MM Tray';
vi.mock('../../app/fake-electron/browser', () => {
  const page = {
    on() {},
    async exposeBinding() {},
    async addInitScript() {},
    async route() {},
    async goto() {},
    url: () => 'file:///app/index.html',
    title: async () => PAGE_TITLE,
    async close() {},
    isClosed: () => false,
  };
  return {
    sharedBrowser: async () => ({ newPage: async () => page }),
    closeBrowser: async () => {},
  };
});

type State = {
  applicationMenu: unknown;
  windows: { title: string; icon: string | null }[];
};
const state = async () => (await handleControlRequest({ cmd: 'state' })) as State;

afterEach(() => {
  app.on('window-all-closed', () => {});
  for (const open of FakeBrowserWindow.getAllWindows()) open.destroy();
  app.removeAllListeners('window-all-closed');
  app.removeAllListeners('activate');
});

describe('the stand-in electron’s application menu', () => {
  it('reports "unset" until main sets one, then what main set: null or the menu with its roles', async () => {
    expect((await state()).applicationMenu).toBe('unset');
    FakeMenu.setApplicationMenu(null);
    expect((await state()).applicationMenu).toBeNull();
    FakeMenu.setApplicationMenu(
      FakeMenu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]),
    );
    expect((await state()).applicationMenu).toEqual([
      expect.objectContaining({ role: 'appMenu' }),
      expect.objectContaining({ role: 'editMenu' }),
    ]);
    registry.applicationMenu = undefined;
  });
});

describe('the stand-in electron’s app "activate"', () => {
  it('is emitted on request, saying whether a window is visible, as macOS reopening the app', async () => {
    const heard: boolean[] = [];
    app.on('activate', (_event: unknown, hasVisibleWindows: boolean) =>
      heard.push(hasVisibleWindows),
    );
    await handleControlRequest({ cmd: 'app-activate' });
    new FakeBrowserWindow({ show: true });
    await handleControlRequest({ cmd: 'app-activate' });
    expect(heard).toEqual([false, true]);
  });
});

describe('the stand-in electron’s window title', () => {
  it('becomes the page’s <title> on load, as in Electron, when main does not keep its own', async () => {
    const window = new FakeBrowserWindow({ show: false, title: 'MM Tray — DEMO' });
    expect(window.title).toBe('MM Tray — DEMO');
    await window.loadURL('file:///app/index.html');
    expect(window.title).toBe(PAGE_TITLE);
  });

  it('stays main’s when main prevents page-title-updated (on the window or its webContents)', async () => {
    for (const prevent of ['window', 'webContents'] as const) {
      const window = new FakeBrowserWindow({
        show: false,
        title: 'MM Tray — DEMO',
        icon: '/i.png',
      });
      const heard: string[] = [];
      const target = prevent === 'window' ? window : window.webContents;
      target.on('page-title-updated', (event: { preventDefault(): void }, title: string) => {
        heard.push(title);
        event.preventDefault();
      });
      await window.loadURL('file:///app/index.html');
      expect(heard).toEqual([PAGE_TITLE]);
      expect(window.title).toBe('MM Tray — DEMO');
      expect((await state()).windows.at(-1)).toMatchObject({
        title: 'MM Tray — DEMO',
        icon: '/i.png',
      });
    }
  });
});
