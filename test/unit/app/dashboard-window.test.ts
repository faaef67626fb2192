import { EventEmitter } from 'node:events';
import type { BrowserWindow, Rectangle } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DashboardWindow } from '../../../main/app/dashboard-window';
import type { WindowState } from '../../../main/settings/window-state';

type UsedWindowApi = Pick<
  BrowserWindow,
  | 'isDestroyed'
  | 'isMinimized'
  | 'restore'
  | 'show'
  | 'focus'
  | 'maximize'
  | 'getNormalBounds'
  | 'isMaximized'
  | 'setTitle'
  | 'close'
  | 'destroy'
>;

/** The part of webContents the dashboard uses: its crash state and 'render-process-gone'. */
class FakeWebContents extends EventEmitter {
  crashed = false;
  isCrashed = () => this.crashed;

  /** The renderer died, as Electron reports it. */
  die(reason = 'crashed'): void {
    this.crashed = true;
    this.emit('render-process-gone', { preventDefault() {} }, { reason, exitCode: 139 });
  }
}

class FakeWindow extends EventEmitter implements UsedWindowApi {
  readonly webContents = new FakeWebContents();
  destroyed = false;
  shown = 0;
  focused = 0;
  maximized = false;
  title = '';
  bounds: Rectangle = { x: 10, y: 20, width: 900, height: 600 };
  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  restore = () => {};
  show = () => {
    this.shown++;
  };
  focus = () => {
    this.focused++;
  };
  maximize = () => {
    this.maximized = true;
  };
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  setTitle = (title: string) => {
    this.title = title;
  };
  close = () => {
    this.emit('close');
    this.destroy();
  };
  destroy = () => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  };
}

function setup(
  saved: WindowState = { width: 1000, height: 700, maximized: false },
  extra: { icon?: string; onSessionEnd?: () => void } = {},
) {
  const created: FakeWindow[] = [];
  const saves: WindowState[] = [];
  const ready = vi.fn();
  const log: string[] = [];
  const dashboard = new DashboardWindow({
    create: (options) => {
      const window = new FakeWindow();
      Object.assign(window, { options });
      created.push(window);
      return window as unknown as BrowserWindow;
    },
    load: async (window) => {
      (window as unknown as FakeWindow).emit('ready-to-show');
    },
    webPreferences: { sandbox: true },
    title: () => 'MM Tray',
    savedState: () => saved,
    saveState: (state) => saves.push(state),
    onReady: ready,
    log: (message) => log.push(message),
    ...extra,
  });
  return { dashboard, created, saves, ready, log };
}

describe('DashboardWindow', () => {
  it('creates the window where it was last, shows it once loaded and tells the root it is ready', async () => {
    const { dashboard, created, ready } = setup({
      x: 5,
      y: 6,
      width: 1000,
      height: 700,
      maximized: true,
    });
    await dashboard.show();
    expect(created).toHaveLength(1);
    expect((created[0] as unknown as { options: object }).options).toMatchObject({
      x: 5,
      y: 6,
      width: 1000,
      height: 700,
      show: false,
    });
    expect(created[0]!.maximized).toBe(true);
    expect(created[0]!.shown).toBe(1);
    expect(ready).toHaveBeenCalledTimes(1);
  });

  it('keeps its own title when the page announces its <title>, as Electron would adopt it', async () => {
    const { dashboard, created } = setup();
    await dashboard.show();
    let prevented = false;
    const event = {
      preventDefault: () => {
        prevented = true;
      },
    };
    created[0]!.emit('page-title-updated', event, 'the page title', true);
    expect(prevented).toBe(true);
  });

  it('gives the window the icon it is given, and none when given none', async () => {
    const withIcon = setup(undefined, { icon: '/icons/app/png/256x256.png' });
    await withIcon.dashboard.show();
    expect((withIcon.created[0] as unknown as { options: object }).options).toMatchObject({
      icon: '/icons/app/png/256x256.png',
    });
    const without = setup();
    await without.dashboard.show();
    expect((without.created[0] as unknown as { options: object }).options).not.toHaveProperty(
      'icon',
    );
  });

  it('focuses the open window instead of opening a second one', async () => {
    const { dashboard, created } = setup();
    await dashboard.show();
    await dashboard.show();
    expect(created).toHaveLength(1);
    expect(created[0]!.focused).toBe(2);
  });

  it('remembers its bounds when closed and builds a fresh window next time', async () => {
    const { dashboard, created, saves } = setup();
    await dashboard.show();
    created[0]!.close();
    expect(saves.at(-1)).toEqual({ x: 10, y: 20, width: 900, height: 600, maximized: false });
    expect(dashboard.current).toBeNull();
    await dashboard.show();
    expect(created).toHaveLength(2);
  });

  it('drops a window whose renderer died, so the next show builds it anew from a snapshot', async () => {
    const { dashboard, created, ready, log } = setup();
    await dashboard.show();
    created[0]!.webContents.die('oom');
    expect(created[0]!.destroyed).toBe(true);
    expect(dashboard.current).toBeNull();
    expect(log).toEqual([expect.stringContaining('renderer gone (oom')]);
    await dashboard.show();
    expect(created).toHaveLength(2);
    expect(created[1]!.shown).toBe(1);
    expect(ready).toHaveBeenCalledTimes(2);
    expect(dashboard.current).toBe(created[1]);
  });

  it('rebuilds instead of focusing a window whose renderer has crashed', async () => {
    const { dashboard, created, log } = setup();
    await dashboard.show();
    created[0]!.webContents.crashed = true;
    await dashboard.show();
    expect(created).toHaveLength(2);
    expect(created[0]!.destroyed).toBe(true);
    expect(created[0]!.focused).toBe(1);
    expect(log).toEqual([expect.stringContaining('crashed')]);
    expect(dashboard.current).toBe(created[1]);
  });

  it('tells the root when Windows ends the session (log-off, shutdown) while it is open', async () => {
    const onSessionEnd = vi.fn();
    const { dashboard, created } = setup(undefined, { onSessionEnd });
    await dashboard.show();
    expect(onSessionEnd).not.toHaveBeenCalled();
    created[0]!.emit('session-end', { reasons: ['logoff'] });
    expect(onSessionEnd).toHaveBeenCalledTimes(1);
  });
});
