import type { FeedStatus } from '../../../common/domain/status';
import type { TextLocale } from '../../alerts/format';

/**
 * The words of the tray's tooltip and menu in one language. Counts and clock times
 * arrive formatted; ids, venue names and reasons arrive as they are.
 */
export interface TrayTexts {
  /** The clock's locale: "Mar 5, 14:05" or "3月5日 14:05". */
  locale: TextLocale;

  states: Record<FeedStatus['state'], string>;
  noApiKey: string;
  /** The status line of the menu when no key is set. */
  noApiKeyHint: string;
  /** No key yet because the keychain could not be read; it is read again (Reconnect now: at once). */
  keychainUnreadable: string;
  stateSince(state: string, clock: string): string;
  attempt(line: string, attempt: number): string;
  /** "EMERGENCY", or "EMERGENCY since 14:05" when the start is known. */
  emergency(since: string | null): string;
  emergencyReason(reason: string): string;
  feed(line: string): string;
  /** The tooltip's first line: "MM Tray: Live since 14:05". */
  named(name: string, line: string): string;
  today(fills: number, hedges: number, unhedged: number, count: (n: number) => string): string;
  last(clock: string, summary: string): string;
  missingHedges(fills: number, count: string): string;

  pausedUntil(clock: string): string;
  pauseNotifications: string;
  quietPaused(clock: string): string;
  quietOff: string;
  for30Minutes: string;
  for1Hour: string;
  untilTomorrow(hour: string): string;
  /** The pause "until the morning" chosen before that hour: it ends today. */
  untilToday(hour: string): string;
  resumeNotifications: string;

  openDashboard: string;
  reconnectNow: string;
  settings: string;
  openLogs: string;
  quit(product: string): string;

  tradingUnknown: string;
  tradingUnknownRestFailed: string;
  tradingPause: string;
  tradingResume: string;
  tradingStop: string;
  tradingStart: string;
  tradingCancelAll: string;
  /** A control whose action runs: "Stop trading (working…)". */
  working(label: string): string;

  /** The dialog's button that declines a stop or cancel-all. */
  cancelButton: string;

  /** Words of the "Last:" event summary. */
  events: TrayEventTexts;
}

export interface TrayEventTexts {
  /** A status by the server's word; null: not known, the server's word is shown. */
  orderStatus(status: string): string | null;
  betStatus(status: string): string | null;
  created: string;
  updated: string;
  order(exchange: string, change: string): string;
  hedge(bookmaker: string, change: string): string;
  balance(stake: string): string;
  account(exchange: string, what: string): string;
  score(fixtureId: string, score: string): string;
  emergencyRaised: string;
  emergencyCleared: string;
}
