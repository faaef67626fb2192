import { describe, expect, it } from 'vitest';
import { trayClock } from '../../../main/tray/tray-clock';
import { findMenuItem, type TrayMenuItem } from '../../../main/tray/tray-menu';
import { trayMenu, trayTooltip } from '../../../main/tray/tray-model';
import type { TrayTrading } from '../../../main/tray/tray-trading';
import { NOW, trayInput } from './tray-fixtures';

const clock = trayClock('UTC');

function trading(state: string, patch: Partial<TrayTrading> = {}): TrayTrading {
  return {
    status: {
      status: state,
      manualPaused: state === 'manual_paused',
      manualStopped: state === 'manual_stopped',
    },
    busy: null,
    problem: null,
    ...patch,
  };
}

const CONTROLS = [
  'trading-pause',
  'trading-resume',
  'trading-stop',
  'trading-start',
  'trading-cancel-all',
];

function enabled(menu: TrayMenuItem[]): string[] {
  return CONTROLS.filter((id) => {
    const item = findMenuItem(menu, id);
    return item?.type === 'normal' && item.enabled;
  });
}

function menuOf(t: TrayTrading | undefined, keySet = true): TrayMenuItem[] {
  return trayMenu(trayInput({ ...(t ? { trading: t } : {}), keySet }), NOW, clock);
}

describe('the tray’s trading controls', () => {
  it('sit in the menu, after Reconnect, in two clicks from the icon', () => {
    const ids = menuOf(trading('live')).map((item) => item.id);
    const at = ids.indexOf('reconnect');
    expect(ids.slice(at + 1, at + 7)).toEqual(['separator-trading', ...CONTROLS]);
  });

  it('enable only what would change something', () => {
    expect(enabled(menuOf(trading('live')))).toEqual([
      'trading-pause',
      'trading-stop',
      'trading-cancel-all',
    ]);
    expect(enabled(menuOf(trading('manual_paused')))).toEqual([
      'trading-resume',
      'trading-stop',
      'trading-cancel-all',
    ]);
    expect(enabled(menuOf(trading('manual_stopped')))).toEqual([
      'trading-start',
      'trading-cancel-all',
    ]);
    expect(enabled(menuOf(trading('soft_paused')))).toEqual([
      'trading-pause',
      'trading-stop',
      'trading-cancel-all',
    ]);
  });

  it('wait while an action runs', () => {
    const busy = menuOf(trading('live', { busy: 'stop' }));
    expect(enabled(busy)).toEqual([]);
    const stop = findMenuItem(busy, 'trading-stop');
    expect(stop?.type === 'normal' && stop.label).toBe(
      'Stop trading (cancels all orders) (working…)',
    );
    expect(enabled(menuOf({ status: null, busy: 'cancel-all', problem: null }))).toEqual([]);
  });

  it('keep the kill switch (Stop, Cancel all) while the status is unknown, and nothing else', () => {
    const expected = ['trading-stop', 'trading-cancel-all'];
    expect(enabled(menuOf({ status: null, busy: null, problem: null }))).toEqual(expected);
    expect(enabled(menuOf({ status: null, busy: null, problem: 'connection refused' }))).toEqual(
      expected,
    );
  });

  it('are absent without a key, or when no trading input is given', () => {
    expect(findMenuItem(menuOf(trading('live'), false), 'trading-pause')).toBeUndefined();
    expect(findMenuItem(menuOf(undefined), 'trading-pause')).toBeUndefined();
  });

  it('show the trading status beside the connection state, in the menu and the tooltip', () => {
    const input = trayInput({ trading: trading('system_stopped') });
    const menu = trayMenu(input, NOW, clock);
    const line = findMenuItem(menu, 'status-trading');
    expect(line).toEqual({
      type: 'normal',
      id: 'status-trading',
      label: 'Trading stopped by the system',
      enabled: false,
    });
    expect(trayTooltip(input, NOW, clock).split('\n').slice(0, 2)).toEqual([
      'MM Tray: Live since 14:05',
      'Trading stopped by the system',
    ]);
    const unknown = trayMenu(
      trayInput({ trading: { status: null, busy: null, problem: 'timeout' } }),
      NOW,
      clock,
    );
    expect(findMenuItem(unknown, 'status-trading')).toMatchObject({
      label: 'Trading status unknown (REST failed)',
    });
  });
});
