import type { FeedStatus } from '../../../common/domain/status';
import type { TrayActions } from '../../../main/tray/tray-controller';
import type { TrayInput } from '../../../main/tray/tray-model';

/** 2026-03-05 14:30:00 UTC; tests format clock times in UTC. */
export const NOW = Date.UTC(2026, 2, 5, 14, 30, 0);
export const MINUTE = 60_000;

export function status(patch: Partial<FeedStatus> = {}): FeedStatus {
  return {
    state: 'live',
    since: Date.UTC(2026, 2, 5, 14, 5, 0),
    attempt: 0,
    emergency: false,
    ...patch,
  };
}

export function trayInput(patch: Partial<TrayInput> = {}): TrayInput {
  return {
    status: status(),
    counters: { fills: 12, hedgesPlaced: 11 },
    fillsMissingHedge: 0,
    lastEvent: { at: Date.UTC(2026, 2, 5, 14, 29, 10), summary: 'order polymarket matched' },
    quietUntil: null,
    demo: false,
    keySet: true,
    ...patch,
  };
}

/** Menu actions that do nothing, for tests that only read the tray. */
export const NO_TRAY_ACTIONS: TrayActions = {
  openDashboard: () => {},
  pauseNotifications: () => {},
  reconnectNow: () => {},
  tradingAction: () => {},
  openSettings: () => {},
  openLogsFolder: () => {},
  quit: () => {},
};
