import type { FeedStatus } from '../../../common/domain/status';
import type { TrayActions } from '../../../main/tray/tray-controller';
import type { MorningPause } from '../../../main/tray/tray-menu';
import type { TrayInput } from '../../../main/tray/tray-model';

/** 2026-03-05 14:30:00 UTC; tests format clock times in UTC. */
export const NOW = Date.UTC(2026, 2, 5, 14, 30, 0);
export const MINUTE = 60_000;

/** The morning pause seen at NOW (in UTC): it ends tomorrow at 08:00. */
export const NEXT_MORNING_AT_NOW: MorningPause = {
  until: Date.UTC(2026, 2, 6, 8),
  today: false,
  changesAt: Date.UTC(2026, 2, 6, 0),
};

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
