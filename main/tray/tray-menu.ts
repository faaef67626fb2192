import type { TradingAction } from '../../common/ipc/trading';
import { type TrayTexts, trayTexts } from './texts';

/** Menu items that do something when clicked. */
export const TRAY_COMMANDS = [
  'open-dashboard',
  'pause-30m',
  'pause-1h',
  'pause-tomorrow',
  'resume',
  'reconnect',
  'trading-pause',
  'trading-resume',
  'trading-stop',
  'trading-start',
  'trading-cancel-all',
  'settings',
  'open-logs',
  'quit',
] as const;
export type TrayCommand = (typeof TRAY_COMMANDS)[number];

/** Lines that only inform (always disabled) and the submenu holder. */
export type TrayInfoId =
  | 'status'
  | 'status-feed'
  | 'status-trading'
  | 'missing-hedges'
  | 'quiet-state'
  | 'pause';

/** The trading-control items and the action each runs. */
export const TRADING_COMMANDS = {
  'trading-pause': 'pause',
  'trading-resume': 'resume',
  'trading-stop': 'stop',
  'trading-start': 'start',
  'trading-cancel-all': 'cancel-all',
} as const satisfies Partial<Record<TrayCommand, TradingAction>>;
export type TradingCommand = keyof typeof TRADING_COMMANDS;

/** The tray menu as plain data: compared to decide whether to rebuild, shown to tests. */
export type TrayMenuItem =
  | { type: 'separator'; id: string }
  | { type: 'normal'; id: TrayCommand | TrayInfoId; label: string; enabled: boolean }
  | { type: 'submenu'; id: TrayInfoId; label: string; enabled: boolean; submenu: TrayMenuItem[] };

export function isTrayCommand(id: string): id is TrayCommand {
  return (TRAY_COMMANDS as readonly string[]).includes(id);
}

/** The hour a pause "until the morning" ends: a pause from the evening lasts the night. */
export const MORNING_HOUR = 8;

/** Where a pause "until the morning" chosen now would end. */
export interface MorningPause {
  /** Epoch ms of the next MORNING_HOUR:00, local time. */
  until: number;
  /** It is today's (chosen after midnight, before the hour), not tomorrow's. */
  today: boolean;
  /** When `today` flips: at the morning hour, or at the next midnight. */
  changesAt: number;
}

/**
 * The next MORNING_HOUR:00 local time: today's before that hour (a pause at 01:30 ends at
 * 08:00, not 30 hours later), tomorrow's from then on.
 */
export function localNextMorning(now: number): MorningPause {
  const today = new Date(now);
  today.setHours(MORNING_HOUR, 0, 0, 0);
  if (now < today.getTime())
    return { until: today.getTime(), today: true, changesAt: today.getTime() };
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(MORNING_HOUR, 0, 0, 0);
  const midnight = new Date(now);
  midnight.setDate(midnight.getDate() + 1);
  midnight.setHours(0, 0, 0, 0);
  return { until: tomorrow.getTime(), today: false, changesAt: midnight.getTime() };
}

const MINUTE = 60_000;

/** When a pause chosen at `now` ends; null for resume. */
export function pauseUntil(
  command: 'pause-30m' | 'pause-1h' | 'pause-tomorrow' | 'resume',
  now: number,
  nextMorning: (now: number) => MorningPause = localNextMorning,
): number | null {
  switch (command) {
    case 'pause-30m':
      return now + 30 * MINUTE;
    case 'pause-1h':
      return now + 60 * MINUTE;
    case 'pause-tomorrow':
      return nextMorning(now).until;
    case 'resume':
      return null;
  }
}

/**
 * The Pause notifications submenu; `pausedUntil` is the clock text of the end of quiet
 * mode, `morningToday` whether "until the morning" would end today (see localNextMorning).
 */
export function pauseMenu(
  pausedUntil: string | null,
  t: TrayTexts = trayTexts('en'),
  morningToday = false,
): TrayMenuItem {
  const paused = pausedUntil !== null;
  const hour = String(MORNING_HOUR).padStart(2, '0');
  const morning = morningToday ? t.untilToday(hour) : t.untilTomorrow(hour);
  return {
    type: 'submenu',
    id: 'pause',
    label: paused ? t.pausedUntil(pausedUntil) : t.pauseNotifications,
    enabled: true,
    submenu: [
      {
        type: 'normal',
        id: 'quiet-state',
        label: paused ? t.quietPaused(pausedUntil) : t.quietOff,
        enabled: false,
      },
      { type: 'separator', id: 'separator-pause' },
      { type: 'normal', id: 'pause-30m', label: t.for30Minutes, enabled: true },
      { type: 'normal', id: 'pause-1h', label: t.for1Hour, enabled: true },
      { type: 'normal', id: 'pause-tomorrow', label: morning, enabled: true },
      { type: 'separator', id: 'separator-resume' },
      { type: 'normal', id: 'resume', label: t.resumeNotifications, enabled: paused },
    ],
  };
}

/** The item with this id, searching submenus; undefined when absent. */
export function findMenuItem(items: readonly TrayMenuItem[], id: string): TrayMenuItem | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    if (item.type === 'submenu') {
      const found = findMenuItem(item.submenu, id);
      if (found) return found;
    }
  }
  return undefined;
}

export function sameMenu(a: readonly TrayMenuItem[], b: readonly TrayMenuItem[]): boolean {
  return a.length === b.length && a.every((item, i) => sameItem(item, b[i]));
}

function sameItem(a: TrayMenuItem, b: TrayMenuItem | undefined): boolean {
  if (!b || a.type !== b.type || a.id !== b.id) return false;
  if (a.type === 'separator' || b.type === 'separator') return true;
  if (a.label !== b.label || a.enabled !== b.enabled) return false;
  if (a.type === 'submenu' && b.type === 'submenu') return sameMenu(a.submenu, b.submenu);
  return true;
}
