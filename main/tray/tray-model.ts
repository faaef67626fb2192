import { PRODUCT_NAME } from '../../common/app-id';
import type { FeedStatus } from '../../common/domain/status';
import type { Language } from '../../common/i18n/language';
import { redactSecrets } from '../../common/redact';
import { formatCount } from '../alerts/format';
import type { DayCounters } from '../store/day-counters';
import { type TrayTexts, trayTexts } from './texts';
import { DATED_AFTER_MS, type TrayClock } from './tray-clock';
import type { TrayIcon } from './tray-icons';
import type { MorningPause, TrayMenuItem } from './tray-menu';
import { localNextMorning, pauseMenu } from './tray-menu';
import { fitLines, oneLine, TOOLTIP_MAX } from './tray-text';
import { type TrayTrading, tradingLine, tradingMenu } from './tray-trading';

/** A text the same in every language, or one per language (shown in the tray's). */
export type TrayLocalized = string | Readonly<Record<Language, string>>;

export interface TrayLastEvent {
  at: number;
  /** A short description of the event, e.g. from summariseEvent(). */
  summary: TrayLocalized;
}

/** Everything the tray shows, as plain data; the controller merges partial updates into it. */
export interface TrayInput {
  status: FeedStatus;
  counters: Pick<DayCounters, 'fills' | 'hedgesPlaced'>;
  /** Fills whose hedge is overdue (MissingHedgeReport.fillsMissingHedge). */
  fillsMissingHedge: number;
  lastEvent: TrayLastEvent | null;
  /** Notifications muted (emergencies excepted) until this time; null: not muted. */
  quietUntil: number | null;
  /** Running against the embedded simulator. */
  demo: boolean;
  /** An API key is set (keychain or session). Demo mode needs none. */
  keySet: boolean;
  /**
   * No key is set because the keychain could not be read (keychainReadPending): it is read
   * again in the background, and Reconnect now reads it at once.
   */
  keychainReadPending?: boolean;
  /** The engine's trading status and the controls; absent: no trading line or controls. */
  trading?: TrayTrading;
  /** The language of the tooltip and menu; default English. */
  language?: Language;
}

export interface TrayView {
  icon: TrayIcon;
  tooltip: string;
  /** macOS menu-bar text beside the icon: DEMO and/or the count of fills missing a hedge. */
  title: string;
  menu: TrayMenuItem[];
  /** When the view changes with the passage of time alone (quiet mode ends, a time gains its date). */
  refreshAt: number | null;
}

const REASON_MAX = 40;
const SUMMARY_MAX = 40;
const MENU_LINE_MAX = 64;

function textsOf(input: TrayInput): TrayTexts {
  return trayTexts(input.language ?? 'en');
}

function localized(text: TrayLocalized, language: Language = 'en'): string {
  return typeof text === 'string' ? text : text[language];
}

function noKey(input: TrayInput): boolean {
  return !input.keySet && !input.demo;
}

/** No key yet, but one may come from the keychain: Reconnect now reads it again. */
function keyAwaitsKeychain(input: TrayInput): boolean {
  return noKey(input) && input.keychainReadPending === true;
}

export function quietActive(input: Pick<TrayInput, 'quietUntil'>, now: number): boolean {
  return input.quietUntil !== null && input.quietUntil > now;
}

/** The icon: emergency overrides everything; no key shows as stopped. */
export function trayIcon(input: TrayInput): TrayIcon {
  const name = input.status.emergency ? 'emergency' : noKey(input) ? 'stopped' : input.status.state;
  return { name, demo: input.demo };
}

/** "Live since 14:05", "Reconnecting since 14:05 (attempt 3)", "No API key". */
export function connectionLine(input: TrayInput, now: number, clock: TrayClock): string {
  const t = textsOf(input);
  if (keyAwaitsKeychain(input)) return t.keychainUnreadable;
  if (noKey(input)) return t.noApiKey;
  const { state, since, attempt } = input.status;
  const line = t.stateSince(t.states[state], clock(since, now));
  return state === 'reconnecting' && attempt > 0 ? t.attempt(line, attempt) : line;
}

function emergencyReason(status: FeedStatus): string | null {
  const reason = status.emergencyReason?.trim();
  return reason ? redactSecrets(reason) : null;
}

/** "EMERGENCY since 14:05", or "EMERGENCY" when the start is not known. */
function emergencyLabel(t: TrayTexts, status: FeedStatus, now: number, clock: TrayClock): string {
  return t.emergency(
    status.emergencySince === undefined ? null : clock(status.emergencySince, now),
  );
}

function todayLine(input: TrayInput): string {
  const { fills, hedgesPlaced } = input.counters;
  return textsOf(input).today(fills, hedgesPlaced, input.fillsMissingHedge, formatCount);
}

/** Compact, most important first, within Windows' 127 characters. */
export function trayTooltip(input: TrayInput, now: number, clock: TrayClock): string {
  const t = textsOf(input);
  const name = input.demo ? `${PRODUCT_NAME} DEMO` : PRODUCT_NAME;
  const lines: string[] = [];
  const { status } = input;
  if (status.emergency) {
    lines.push(t.named(name, emergencyLabel(t, status, now, clock)));
    const reason = emergencyReason(status);
    if (reason) lines.push(oneLine(reason, REASON_MAX));
    lines.push(t.feed(connectionLine(input, now, clock)));
  } else {
    lines.push(t.named(name, connectionLine(input, now, clock)));
    if (status.state === 'auth-failed' && status.reason && !noKey(input)) {
      lines.push(oneLine(redactSecrets(status.reason), REASON_MAX));
    }
  }
  if (input.trading?.status) lines.push(tradingLine(input.trading, input.language));
  lines.push(todayLine(input));
  if (input.lastEvent) {
    const text = localized(input.lastEvent.summary, input.language);
    const summary = oneLine(redactSecrets(text), SUMMARY_MAX);
    lines.push(t.last(clock(input.lastEvent.at, now), summary));
  }
  if (quietActive(input, now)) {
    lines.push(t.pausedUntil(clock(input.quietUntil as number, now)));
  }
  return fitLines(lines, TOOLTIP_MAX);
}

const TITLE_COUNT_MAX = 99;

/** DEMO and the count of fills missing a hedge (the one number worth a glance), or ''. */
export function trayTitle(input: TrayInput): string {
  const missing = input.fillsMissingHedge;
  const count =
    missing > TITLE_COUNT_MAX ? `${TITLE_COUNT_MAX}+` : missing > 0 ? String(missing) : '';
  return [input.demo ? 'DEMO' : '', count].filter(Boolean).join(' ');
}

function statusLines(input: TrayInput, now: number, clock: TrayClock): TrayMenuItem[] {
  const t = textsOf(input);
  const prefix = input.demo ? 'DEMO · ' : '';
  const items: TrayMenuItem[] = [];
  const { status } = input;
  if (status.emergency) {
    const reason = emergencyReason(status);
    const label = reason ? t.emergencyReason(reason) : emergencyLabel(t, status, now, clock);
    items.push(info('status', oneLine(`${prefix}${label}`, MENU_LINE_MAX)));
    items.push(info('status-feed', t.feed(connectionLine(input, now, clock))));
  } else {
    const line = keyAwaitsKeychain(input)
      ? t.keychainUnreadable
      : noKey(input)
        ? t.noApiKeyHint
        : connectionLine(input, now, clock);
    items.push(info('status', `${prefix}${line}`));
  }
  if (input.trading && !noKey(input)) {
    items.push(info('status-trading', tradingLine(input.trading, input.language)));
  }
  const missing = input.fillsMissingHedge;
  if (missing > 0) {
    items.push(info('missing-hedges', t.missingHedges(missing, formatCount(missing))));
  }
  return items;
}

function info(
  id: 'status' | 'status-feed' | 'status-trading' | 'missing-hedges',
  label: string,
): TrayMenuItem {
  return { type: 'normal', id, label, enabled: false };
}

/**
 * The context menu as plain data. It changes only with the state, the emergency, the
 * missing-hedge count, quiet mode and whether the morning pause ends today or tomorrow,
 * never with each event, so it is rarely rebuilt.
 */
export function trayMenu(
  input: TrayInput,
  now: number,
  clock: TrayClock,
  morning: MorningPause = localNextMorning(now),
): TrayMenuItem[] {
  const t = textsOf(input);
  const trading =
    input.trading && !noKey(input)
      ? [
          { type: 'separator', id: 'separator-trading' } as const,
          ...tradingMenu(input.trading, input.language),
        ]
      : [];
  return [
    ...statusLines(input, now, clock),
    { type: 'separator', id: 'separator-status' },
    { type: 'normal', id: 'open-dashboard', label: t.openDashboard, enabled: true },
    pauseMenu(
      quietActive(input, now) ? clock(input.quietUntil as number, now) : null,
      t,
      morning.today,
    ),
    {
      type: 'normal',
      id: 'reconnect',
      label: t.reconnectNow,
      enabled: !noKey(input) || keyAwaitsKeychain(input),
    },
    ...trading,
    { type: 'separator', id: 'separator-app' },
    { type: 'normal', id: 'settings', label: t.settings, enabled: true },
    { type: 'normal', id: 'open-logs', label: t.openLogs, enabled: true },
    { type: 'separator', id: 'separator-quit' },
    { type: 'normal', id: 'quit', label: t.quit(PRODUCT_NAME), enabled: true },
  ];
}

/**
 * The next time the view would change with no new input, or null. With `morning`, that
 * includes the morning pause's label turning from "until 08:00" to "until tomorrow" and back.
 */
export function trayRefreshAt(
  input: TrayInput,
  now: number,
  morning?: MorningPause,
): number | null {
  const times: number[] = [];
  if (quietActive(input, now)) times.push(input.quietUntil as number);
  if (morning && morning.changesAt > now) times.push(morning.changesAt);
  const shown = [input.status.since, input.status.emergencySince, input.lastEvent?.at];
  for (const at of shown) {
    if (at !== undefined && Number.isFinite(at) && at + DATED_AFTER_MS > now) {
      times.push(at + DATED_AFTER_MS);
    }
  }
  return times.length > 0 ? Math.min(...times) : null;
}

export function trayView(
  input: TrayInput,
  now: number,
  clock: TrayClock,
  morning: MorningPause = localNextMorning(now),
): TrayView {
  return {
    icon: trayIcon(input),
    tooltip: trayTooltip(input, now, clock),
    title: trayTitle(input),
    menu: trayMenu(input, now, clock, morning),
    refreshAt: trayRefreshAt(input, now, morning),
  };
}
