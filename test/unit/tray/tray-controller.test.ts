import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TradingAction } from '../../../common/ipc/trading';
import {
  type BuildMenu,
  type TrayActions,
  TrayController,
  type TrayControllerOptions,
  type TrayHandle,
} from '../../../main/tray/tray-controller';
import { type TrayIcon, trayIconFile } from '../../../main/tray/tray-icons';
import { MINUTE, NOW, status, trayInput } from './tray-fixtures';

// The real Electron API must fit what the controller asks for.
const electronTrayFits: Tray extends TrayHandle ? true : false = true;
const electronMenuFits: typeof Menu.buildFromTemplate extends BuildMenu ? true : false = true;

/** A fake Electron tray recording every call. */
function fakeTray() {
  const calls = {
    images: [] as (NativeImage | string)[],
    tooltips: [] as string[],
    titles: [] as string[],
    menus: [] as MenuItemConstructorOptions[][],
    destroyed: 0,
  };
  const listeners = new Map<string, (...args: never[]) => void>();
  const tray = {
    setImage: (image: NativeImage | string) => {
      calls.images.push(image);
    },
    setToolTip: (tooltip: string) => {
      calls.tooltips.push(tooltip);
    },
    setTitle: (title: string) => {
      calls.titles.push(title);
    },
    setContextMenu: (menu: Menu | null) => {
      calls.menus.push((menu as unknown as FakeMenu).template);
    },
    on(event: string, listener: (...args: never[]) => void): Tray {
      listeners.set(event, listener);
      return tray as unknown as Tray;
    },
    destroy: () => {
      calls.destroyed += 1;
    },
  } satisfies TrayHandle;
  return { tray, calls, listeners };
}

interface FakeMenu {
  template: MenuItemConstructorOptions[];
}

const buildMenu: BuildMenu = (template) => ({ template }) satisfies FakeMenu as unknown as Menu;

function fakeActions() {
  return {
    openDashboard: vi.fn(),
    pauseNotifications: vi.fn<(until: number | null) => void>(),
    reconnectNow: vi.fn(),
    tradingAction: vi.fn<(action: TradingAction) => void>(),
    openSettings: vi.fn(),
    openLogsFolder: vi.fn(),
    quit: vi.fn(),
  } satisfies TrayActions;
}

function setup(options: Partial<TrayControllerOptions> = {}) {
  const { tray, calls, listeners } = fakeTray();
  const actions = fakeActions();
  const controller = new TrayController({
    tray,
    buildMenu,
    resolveIcon: (icon: TrayIcon) => trayIconFile(icon, 'linux'),
    actions,
    platform: 'linux',
    initial: trayInput(),
    now: () => Date.now(),
    timeZone: 'UTC',
    nextMorning: (now) => ({
      until: now + 17.5 * 60 * MINUTE,
      today: false,
      changesAt: now + 9.5 * 60 * MINUTE,
    }),
    ...options,
  });
  return { controller, tray, calls, listeners, actions };
}

/** Finds a menu item in the template handed to Electron, as a user's click would. */
function templateItem(
  template: readonly MenuItemConstructorOptions[],
  id: string,
): MenuItemConstructorOptions | undefined {
  for (const entry of template) {
    if (entry.id === id) return entry;
    if (Array.isArray(entry.submenu)) {
      const found = templateItem(entry.submenu, id);
      if (found) return found;
    }
  }
  return undefined;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('TrayController', () => {
  it('type-checks against the real Electron Tray and Menu', () => {
    expect(electronTrayFits && electronMenuFits).toBe(true);
  });

  it('draws icon, tooltip and menu at once when created', () => {
    const { calls, controller } = setup();
    expect(calls.images).toEqual(['tray/linux/live.png']);
    expect(calls.tooltips).toHaveLength(1);
    expect(calls.tooltips[0]).toMatch(/^MM Tray: Live since 14:05/);
    expect(calls.menus).toHaveLength(1);
    expect(controller.probe.state().icon).toEqual({ name: 'live', demo: false });
  });

  it('sets the title on macOS only', () => {
    const mac = setup({ platform: 'darwin', initial: trayInput({ fillsMissingHedge: 2 }) });
    expect(mac.calls.titles).toEqual(['2']);
    mac.controller.update({ fillsMissingHedge: 3 });
    vi.advanceTimersByTime(1000);
    expect(mac.calls.titles).toEqual(['2', '3']);
    const linux = setup({ initial: trayInput({ fillsMissingHedge: 2 }) });
    expect(linux.calls.titles).toEqual([]);
    expect(linux.controller.probe.state().title).toBe('2');
  });

  it('changes the icon at once, even right after another update', () => {
    const { controller, calls } = setup();
    controller.update({ counters: { fills: 13, hedgesPlaced: 11 } });
    controller.update({ status: status({ state: 'reconnecting', since: NOW, attempt: 1 }) });
    expect(calls.images).toEqual(['tray/linux/live.png', 'tray/linux/reconnecting.png']);
    expect(calls.tooltips.at(-1)).toMatch(/^MM Tray: Reconnecting since 14:30 \(attempt 1\)/);
    controller.update({ status: status({ state: 'reconnecting', emergency: true }) });
    expect(calls.images.at(-1)).toBe('tray/linux/emergency.png');
    expect(controller.probe.state().icon.name).toBe('emergency');
  });

  it('applies a state change at once even when the icon stays the emergency one', () => {
    const { controller, calls } = setup({
      initial: trayInput({ status: status({ emergency: true }) }),
    });
    controller.update({ status: status({ emergency: true, state: 'reconnecting' }) });
    expect(calls.images).toHaveLength(1);
    expect(calls.tooltips.at(-1)).toContain('Feed: Reconnecting');
  });

  it('throttles tooltip updates from a per-frame feed and ends on the latest state', () => {
    const { controller, calls } = setup({ minIntervalMs: 250 });
    for (let frame = 1; frame <= 60; frame++) {
      controller.update({ counters: { fills: 12 + frame, hedgesPlaced: 11 + frame } });
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(1000);
    // About 1 s of frames at most 4 per second, plus the first draw and the trailing one.
    expect(calls.tooltips.length).toBeLessThanOrEqual(7);
    expect(calls.tooltips.at(-1)).toContain('Today: 72 fills, 71 hedges');
    expect(calls.images).toHaveLength(1);
  });

  it('throttles by a clock that never steps back: a wall-clock step back freezes nothing', () => {
    let monotonic = 0;
    const { controller, calls } = setup({ minIntervalMs: 250, monotonicNow: () => monotonic });
    monotonic += 300;
    vi.setSystemTime(NOW - 60 * MINUTE);
    controller.update({ counters: { fills: 20, hedgesPlaced: 20 } });
    expect(calls.tooltips.at(-1)).toContain('Today: 20 fills, 20 hedges');
    monotonic += 100;
    controller.update({ counters: { fills: 21, hedgesPlaced: 21 } });
    expect(calls.tooltips.at(-1)).toContain('Today: 20 fills');
    monotonic += 150;
    vi.advanceTimersByTime(150);
    expect(calls.tooltips.at(-1)).toContain('Today: 21 fills, 21 hedges');
  });

  it('keeps the tooltip current after the wall clock steps back, with its default clock', () => {
    const { controller, calls } = setup({ minIntervalMs: 250 });
    vi.setSystemTime(NOW - 60 * MINUTE);
    controller.update({ counters: { fills: 20, hedgesPlaced: 20 } });
    vi.advanceTimersByTime(250);
    expect(calls.tooltips.at(-1)).toContain('Today: 20 fills, 20 hedges');
  });

  it('applies an update at once when the last one was long ago', () => {
    const { controller, calls } = setup();
    vi.advanceTimersByTime(5000);
    controller.update({ counters: { fills: 20, hedgesPlaced: 20 } });
    expect(calls.tooltips.at(-1)).toContain('Today: 20 fills, 20 hedges');
  });

  it('rebuilds the menu only when its model changes', () => {
    const { controller, calls } = setup();
    for (let i = 0; i < 10; i++) {
      controller.update({
        counters: { fills: 20 + i, hedgesPlaced: 20 },
        lastEvent: { at: Date.now(), summary: `event ${i}` },
      });
      vi.advanceTimersByTime(300);
    }
    expect(calls.tooltips.length).toBeGreaterThan(5);
    expect(calls.menus).toHaveLength(1);
    controller.update({ fillsMissingHedge: 1 });
    vi.advanceTimersByTime(300);
    expect(calls.menus).toHaveLength(2);
    expect(templateItem(calls.menus[1]!, 'missing-hedges')?.label).toBe('1 fill without a hedge');
  });

  it('shows a pause at once and ends it when its time comes', () => {
    const { controller, calls } = setup();
    controller.update({ quietUntil: NOW + 30 * MINUTE });
    expect(calls.menus).toHaveLength(2);
    expect(templateItem(calls.menus[1]!, 'pause')?.label).toBe('Notifications paused until 15:00');
    vi.advanceTimersByTime(30 * MINUTE);
    expect(calls.menus).toHaveLength(3);
    expect(templateItem(calls.menus[2]!, 'pause')?.label).toBe('Pause notifications');
    expect(templateItem(calls.menus[2]!, 'resume')?.enabled).toBe(false);
  });

  it('names the morning pause by its day and renames it when the day turns', () => {
    const morning = NOW + 60 * MINUTE;
    const midnight = NOW + 9.5 * 60 * MINUTE;
    const { controller, calls, actions } = setup({
      nextMorning: (now) =>
        now < morning
          ? { until: morning, today: true, changesAt: morning }
          : { until: morning + 24 * 60 * MINUTE, today: false, changesAt: midnight },
    });
    expect(templateItem(calls.menus.at(-1)!, 'pause-tomorrow')?.label).toBe('Until 08:00');
    controller.probe.clickMenuItem('pause-tomorrow');
    expect(actions.pauseNotifications).toHaveBeenLastCalledWith(morning);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(templateItem(calls.menus.at(-1)!, 'pause-tomorrow')?.label).toBe('Until tomorrow 08:00');
  });

  it('enables Reconnect now at once while the key waits for the keychain', () => {
    const { controller, calls, actions } = setup({
      initial: trayInput({ keySet: false, keychainReadPending: true }),
    });
    expect(templateItem(calls.menus.at(-1)!, 'reconnect')?.enabled).toBe(true);
    controller.probe.clickMenuItem('reconnect');
    expect(actions.reconnectNow).toHaveBeenCalledOnce();
    controller.update({ keychainReadPending: false });
    expect(templateItem(calls.menus.at(-1)!, 'reconnect')?.enabled).toBe(false);
  });

  it('runs menu actions from the Electron menu items', () => {
    const { calls, actions } = setup();
    const template = calls.menus[0]!;
    const click = (id: string) =>
      templateItem(template, id)?.click?.(undefined as never, undefined, undefined as never);
    click('open-dashboard');
    click('reconnect');
    click('settings');
    click('open-logs');
    click('pause-1h');
    click('quit');
    expect(actions.openDashboard).toHaveBeenCalledOnce();
    expect(actions.reconnectNow).toHaveBeenCalledOnce();
    expect(actions.openSettings).toHaveBeenCalledOnce();
    expect(actions.openLogsFolder).toHaveBeenCalledOnce();
    expect(actions.pauseNotifications).toHaveBeenCalledWith(NOW + 60 * MINUTE);
    expect(actions.quit).toHaveBeenCalledOnce();
    expect(templateItem(template, 'status')?.click).toBeUndefined();
  });

  it('lets the test probe click menu items by id', () => {
    const { controller, actions } = setup();
    controller.probe.clickMenuItem('pause-30m');
    expect(actions.pauseNotifications).toHaveBeenLastCalledWith(NOW + 30 * MINUTE);
    controller.probe.clickMenuItem('pause-tomorrow');
    expect(actions.pauseNotifications).toHaveBeenLastCalledWith(NOW + 17.5 * 60 * MINUTE);
    controller.update({ quietUntil: NOW + 30 * MINUTE });
    controller.probe.clickMenuItem('resume');
    expect(actions.pauseNotifications).toHaveBeenLastCalledWith(null);
    controller.probe.clickMenuItem('quit');
    expect(actions.quit).toHaveBeenCalledOnce();
  });

  it('refuses probe clicks on disabled, informative or unknown items', () => {
    const { controller, actions } = setup();
    expect(() => controller.probe.clickMenuItem('resume')).toThrow(/no enabled command "resume"/);
    expect(() => controller.probe.clickMenuItem('status')).toThrow();
    expect(() => controller.probe.clickMenuItem('nope')).toThrow();
    expect(actions.pauseNotifications).not.toHaveBeenCalled();
  });

  it('opens the dashboard on an icon click on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { listeners, actions, controller } = setup({ platform });
      listeners.get('click')?.();
      controller.probe.clickIcon();
      expect(actions.openDashboard).toHaveBeenCalledTimes(2);
    }
  });

  it('leaves an icon click to the menu on macOS', () => {
    const { listeners, actions, controller } = setup({ platform: 'darwin' });
    listeners.get('click')?.();
    controller.probe.clickIcon();
    expect(actions.openDashboard).not.toHaveBeenCalled();
  });

  it('reports an action that throws and keeps working', () => {
    const onError = vi.fn();
    const { controller, actions } = setup({ onError });
    actions.reconnectNow.mockImplementation(() => {
      throw new Error('boom');
    });
    expect(() => controller.probe.clickMenuItem('reconnect')).not.toThrow();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }));
    controller.probe.clickMenuItem('settings');
    expect(actions.openSettings).toHaveBeenCalledOnce();
  });

  it('resolves icons for the platform, DEMO included', () => {
    const { calls } = setup({
      platform: 'darwin',
      resolveIcon: (icon) => trayIconFile(icon, 'darwin'),
      initial: trayInput({ demo: true, keySet: false }),
    });
    expect(calls.images).toEqual(['tray/mac/live-demoTemplate.png']);
  });

  it('destroys the tray, stops its timers and ignores later updates', () => {
    const { controller, calls } = setup({ initial: trayInput({ quietUntil: NOW + MINUTE }) });
    controller.update({ counters: { fills: 1, hedgesPlaced: 1 } });
    controller.update({ counters: { fills: 2, hedgesPlaced: 1 } });
    controller.destroy();
    controller.destroy();
    expect(calls.destroyed).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    const tooltips = calls.tooltips.length;
    controller.update({ status: status({ state: 'stopped' }) });
    vi.advanceTimersByTime(10 * MINUTE);
    expect(calls.tooltips).toHaveLength(tooltips);
  });

  it('runs trading controls from the menu, with the action each stands for', () => {
    const { controller, actions } = setup();
    controller.update({
      trading: {
        status: { status: 'live', manualPaused: false, manualStopped: false },
        busy: null,
        problem: null,
      },
    });
    controller.probe.clickMenuItem('trading-pause');
    controller.probe.clickMenuItem('trading-stop');
    controller.probe.clickMenuItem('trading-cancel-all');
    expect(actions.tradingAction.mock.calls).toEqual([['pause'], ['stop'], ['cancel-all']]);
    expect(() => controller.probe.clickMenuItem('trading-start')).toThrow(/no enabled command/);
  });
});
