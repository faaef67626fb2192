import type { Language } from '../../common/i18n/language';
import type { TradingAction } from '../../common/ipc/trading';
import type { TradingStatus } from '../../common/rest/trading-status';
import { tradingStateLabel } from '../app/trading-texts';
import { trayTexts } from './texts';
import type { TrayMenuItem } from './tray-menu';

/** What the tray needs of the trading status (TradingView, cut down). */
export interface TrayTrading {
  /** Null until the first read, and while no feed runs. */
  status: Pick<TradingStatus, 'status' | 'manualPaused' | 'manualStopped'> | null;
  /** An action under way: every control waits for it. */
  busy: TradingAction | null;
  /** The last read failed. */
  problem: string | null;
}

/** "Trading live", "Trading paused"... or why it is not known. */
export function tradingLine(trading: TrayTrading, language: Language = 'en'): string {
  if (trading.status) return tradingStateLabel(trading.status, language);
  const t = trayTexts(language);
  return trading.problem ? t.tradingUnknownRestFailed : t.tradingUnknown;
}

/**
 * Pause, Resume, Stop, Start and Cancel all, each enabled when it would change
 * something: resume undoes a pause, start undoes a stop. All wait while an action runs.
 * While the status is unknown (REST unread, or the socket down from the start) Stop and
 * Cancel all stay enabled: the kill switch must work exactly then; their question says
 * the state is unknown.
 */
export function tradingMenu(trading: TrayTrading, language: Language = 'en'): TrayMenuItem[] {
  const t = trayTexts(language);
  const idle = trading.busy === null;
  const known = trading.status !== null && idle;
  const paused = trading.status?.manualPaused === true;
  const stopped = trading.status?.manualStopped === true;
  const busy = (action: TradingAction, label: string) =>
    trading.busy === action ? t.working(label) : label;
  return [
    {
      type: 'normal',
      id: 'trading-pause',
      label: busy('pause', t.tradingPause),
      enabled: known && !paused && !stopped,
    },
    {
      type: 'normal',
      id: 'trading-resume',
      label: busy('resume', t.tradingResume),
      enabled: known && paused && !stopped,
    },
    {
      type: 'normal',
      id: 'trading-stop',
      label: busy('stop', t.tradingStop),
      enabled: idle && !stopped,
    },
    {
      type: 'normal',
      id: 'trading-start',
      label: busy('start', t.tradingStart),
      enabled: known && stopped,
    },
    {
      type: 'normal',
      id: 'trading-cancel-all',
      label: busy('cancel-all', t.tradingCancelAll),
      enabled: idle,
    },
  ];
}
