import type { Pnl } from '../rest/pnl';
import type { PositionsSummary } from '../rest/positions-summary';
import type { TradingStatus } from '../rest/trading-status';

/** What the trader can do from the tray and the dashboard. */
export const TRADING_ACTIONS = ['pause', 'resume', 'stop', 'start', 'cancel-all'] as const;
export type TradingAction = (typeof TRADING_ACTIONS)[number];

/** Actions that ask for confirmation first: they cancel orders. */
export const CONFIRMED_ACTIONS: readonly TradingAction[] = ['stop', 'cancel-all'];

/** The trading side of the app: what the REST API last said (push 'push:trading', app:snapshot). */
export interface TradingView {
  /** The engine's trading status as last read; null before the first answer. */
  status: TradingStatus | null;
  /** When `status` was read (epoch ms). */
  checkedAt: number | null;
  /** Why the last read of the trading status failed; null when it succeeded. Never contains the key. */
  problem: string | null;
  /** Today's P&L (the UTC day) from the latest snapshot. */
  pnl: Pnl | null;
  /** When `pnl` and `positions` were read (epoch ms); null while none was. */
  pnlReadAt: number | null;
  /** Today's positions summary from the latest snapshot (null when the server gave none). */
  positions: PositionsSummary | null;
  /** Open orders the latest snapshot listed. */
  openOrders: number | null;
  /** When the store was last reconciled with a REST snapshot (epoch ms); a gap that ended before it was repaired. */
  reconciledAt: number | null;
  /**
   * When a REST snapshot was last merged into the store (epoch ms), whether or not it
   * repaired the gap: the store's orders, bets and accounts changed outside the feed then.
   */
  mergedAt: number | null;
  /**
   * Why the last reload from REST (the reconciliation after going live) failed, or that it
   * could not read all the feed missed, as a sentence in the app's language; null when it
   * succeeded. Retried while the feed stays live. Never contains the key.
   */
  reloadProblem: string | null;
  /** The action under way, if any. */
  busy: TradingAction | null;
}

export const EMPTY_TRADING_VIEW: TradingView = {
  status: null,
  checkedAt: null,
  problem: null,
  pnl: null,
  pnlReadAt: null,
  positions: null,
  openOrders: null,
  reconciledAt: null,
  mergedAt: null,
  reloadProblem: null,
  busy: null,
};

/**
 * What the question before a stop or cancel-all is worded from (the tray's and the
 * dashboard's): open orders counted fresh, and whether the trading status is known.
 */
export interface ConfirmationFacts {
  /** Open orders now; null when nothing is known. */
  openOrders: number | null;
  /** Whether `openOrders` is the server's answer just now, not the app's own count. */
  exact: boolean;
  /** Whether the trading status has been read; the question says when it has not. */
  statusKnown: boolean;
}

/** What an action did, for a person: shown as a notification or a dashboard message. */
export interface TradingActionOutcome {
  action: TradingAction;
  ok: boolean;
  /** The result, or the server's `detail` when it refused. */
  message: string;
}
