import type { TradingAction } from '../../common/ipc/trading';
import type { TradingStatus } from '../../common/rest/trading-status';
import { tradingStateLabel } from '../app/trading-texts';
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
export function tradingLine(trading: TrayTrading): string {
  if (trading.status) return tradingStateLabel(trading.status);
  return trading.problem ? 'Trading status unknown (REST failed)' : 'Trading status unknown';
}

/**
 * Pause, Resume, Stop, Start and Cancel all, each enabled when it would change
 * something: resume undoes a pause, start undoes a stop. All wait while an action runs.
 * While the status is unknown (REST unread, or the socket down from the start) Stop and
 * Cancel all stay enabled: the kill switch must work exactly then; their question says
 * the state is unknown.
 */
export function tradingMenu(trading: TrayTrading): TrayMenuItem[] {
  const idle = trading.busy === null;
  const known = trading.status !== null && idle;
  const paused = trading.status?.manualPaused === true;
  const stopped = trading.status?.manualStopped === true;
  const busy = (action: TradingAction, label: string) =>
    trading.busy === action ? `${label.replace(/…$/, '')} (working…)` : label;
  return [
    {
      type: 'normal',
      id: 'trading-pause',
      label: busy('pause', 'Pause trading'),
      enabled: known && !paused && !stopped,
    },
    {
      type: 'normal',
      id: 'trading-resume',
      label: busy('resume', 'Resume trading'),
      enabled: known && paused && !stopped,
    },
    {
      type: 'normal',
      id: 'trading-stop',
      label: busy('stop', 'Stop trading (cancels all orders)…'),
      enabled: idle && !stopped,
    },
    {
      type: 'normal',
      id: 'trading-start',
      label: busy('start', 'Start trading'),
      enabled: known && stopped,
    },
    {
      type: 'normal',
      id: 'trading-cancel-all',
      label: busy('cancel-all', 'Cancel all open orders…'),
      enabled: idle,
    },
  ];
}
