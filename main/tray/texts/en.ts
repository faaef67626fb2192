import { plural } from '../tray-text';
import type { TrayTexts } from './catalog';

/** FULLY_MATCHED → fully matched. */
function serverWord(status: string): string {
  return status.toLowerCase().replace(/_/g, ' ');
}

export const en: TrayTexts = {
  locale: 'en-US',

  states: {
    connecting: 'Connecting',
    live: 'Live',
    reconnecting: 'Reconnecting',
    'auth-failed': 'API key refused',
    stopped: 'Stopped',
  },
  noApiKey: 'No API key',
  noApiKeyHint: 'No API key: add one in Settings',
  keychainUnreadable: 'Keychain unavailable: API key not read yet',
  stateSince: (state, clock) => `${state} since ${clock}`,
  attempt: (line, attempt) => `${line} (attempt ${attempt})`,
  emergency: (since) => (since === null ? 'EMERGENCY' : `EMERGENCY since ${since}`),
  emergencyReason: (reason) => `EMERGENCY: ${reason}`,
  feed: (line) => `Feed: ${line}`,
  named: (name, line) => `${name}: ${line}`,
  today: (fills, hedges, unhedged, count) => {
    const parts = [
      `${count(fills)} ${plural(fills, 'fill', 'fills')}`,
      `${count(hedges)} ${plural(hedges, 'hedge', 'hedges')}`,
    ];
    if (unhedged > 0) parts.push(`${count(unhedged)} unhedged`);
    return `Today: ${parts.join(', ')}`;
  },
  last: (clock, summary) => `Last: ${clock} ${summary}`,
  missingHedges: (fills, count) => `${count} ${plural(fills, 'fill', 'fills')} without a hedge`,

  pausedUntil: (clock) => `Notifications paused until ${clock}`,
  pauseNotifications: 'Pause notifications',
  quietPaused: (clock) => `Paused until ${clock} (emergencies still shown)`,
  quietOff: 'Notifications are on',
  for30Minutes: 'For 30 minutes',
  for1Hour: 'For 1 hour',
  untilTomorrow: (hour) => `Until tomorrow ${hour}:00`,
  untilToday: (hour) => `Until ${hour}:00`,
  resumeNotifications: 'Resume notifications',

  openDashboard: 'Open dashboard',
  reconnectNow: 'Reconnect now',
  settings: 'Settings…',
  openLogs: 'Open logs folder',
  quit: (product) => `Quit ${product}`,

  tradingUnknown: 'Trading status unknown',
  tradingUnknownRestFailed: 'Trading status unknown (REST failed)',
  tradingPause: 'Pause trading',
  tradingResume: 'Resume trading',
  tradingStop: 'Stop trading (cancels all orders)…',
  tradingStart: 'Start trading',
  tradingCancelAll: 'Cancel all open orders…',
  working: (label) => `${label.replace(/…$/, '')} (working…)`,

  cancelButton: 'Cancel',

  events: {
    orderStatus: serverWord,
    betStatus: serverWord,
    created: 'new',
    updated: 'updated',
    order: (exchange, change) => `order ${exchange} ${change}`,
    hedge: (bookmaker, change) => `hedge ${bookmaker} ${change}`,
    balance: (stake) => `balance ${stake}`,
    account: (exchange, what) => `account ${exchange} ${what}`,
    score: (fixtureId, score) => `score ${fixtureId} ${score}`,
    emergencyRaised: 'emergency raised',
    emergencyCleared: 'emergency cleared',
  },
};
