import type { AccountPayload, BetPayload, OrderPayload } from '../protocol/payloads';
import type { RawObject } from '../protocol/server-frames';
import type { Pnl } from './pnl';
import type { TradingStatus } from './trading-status';

/**
 * One list item from the REST API: exactly as the server sent it, and validated and
 * normalised by the same schema as the WebSocket payload of its channel, so it can be
 * merged into the store like a broadcast.
 */
export interface RestRecord<R> {
  payload: RawObject;
  record: R;
}

export type RestOrder = RestRecord<OrderPayload>;
export type RestBet = RestRecord<BetPayload>;
export type RestAccount = RestRecord<AccountPayload>;

/** What the app loads after each subscribe to correct whatever the socket missed. */
export interface RestSnapshot {
  tradingStatus: TradingStatus;
  /** Every open order (all pages). */
  openOrders: RestOrder[];
  /** Today's hedge bets (all pages, up to the client's limit). */
  bets: RestBet[];
  /** The server's count of today's bets; larger than bets.length when the limit cut it. */
  betsTotal: number;
  accounts: RestAccount[];
  /** Today's P&L. */
  pnl: Pnl;
  /** The UTC day (YYYY-MM-DD) the snapshot calls today. */
  day: string;
  /** When the last part arrived (epoch ms). */
  fetchedAt: number;
}
