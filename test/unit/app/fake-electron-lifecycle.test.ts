import { afterEach, describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from '../../../main/app/security';
import { app } from '../../app/fake-electron/app';
import { FakeBrowserWindow } from '../../app/fake-electron/browser-window';
import { askPermission } from '../../app/fake-electron/permissions';
import { session } from '../../app/fake-electron/services';

// The whole-app test (Chromium and a build) relies on the stand-in `electron` closing and
// quitting as Electron does and keeping main's permission handlers; this checks that part
// of the stand-in under Node. Its windows get no page here: no Chromium is started.
vi.mock('../../app/fake-electron/browser', () => ({
  sharedBrowser: () => new Promise(() => {}),
  closeBrowser: async () => {},
}));

const window = () => new FakeBrowserWindow({ show: false });

afterEach(() => {
  // Listening keeps the stand-in from quitting (and exiting the test) as they close.
  app.on('window-all-closed', () => {});
  for (const open of FakeBrowserWindow.getAllWindows()) open.destroy();
  app.removeAllListeners('window-all-closed');
  app.removeAllListeners('before-quit');
});

describe('the stand-in electron’s app lifecycle', () => {
  it('emits window-all-closed when the last window closes, and not before', () => {
    const allClosed = vi.fn();
    app.on('window-all-closed', allClosed);
    const first = window();
    const second = window();
    first.close();
    expect(allClosed).not.toHaveBeenCalled();
    second.destroy();
    expect(allClosed).toHaveBeenCalledOnce();
  });

  it('quits when the last window closes and nothing listens, as Electron does', () => {
    const quitAsked = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    app.on('before-quit', quitAsked);
    window().close();
    expect(quitAsked).toHaveBeenCalledOnce();
  });

  it('keeps running when main listens for window-all-closed (a tray app)', () => {
    const quitAsked = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    app.on('before-quit', quitAsked);
    app.on('window-all-closed', () => {});
    window().close();
    expect(quitAsked).not.toHaveBeenCalled();
  });
});

describe('the stand-in electron’s permission handlers', () => {
  it('keeps the handlers main sets and asks them as the session would', async () => {
    denyAllPermissions(
      session.defaultSession as unknown as Parameters<typeof denyAllPermissions>[0],
    );
    window();
    for (const permission of ['notifications', 'media', 'geolocation']) {
      expect(await askPermission(permission)).toEqual({ request: false, check: false });
    }
  });

  it('grants, as Electron does, when main set no handler', async () => {
    session.defaultSession.setPermissionRequestHandler(null);
    session.defaultSession.setPermissionCheckHandler(null);
    expect(await askPermission('notifications')).toEqual({ request: true, check: true });
  });
});
