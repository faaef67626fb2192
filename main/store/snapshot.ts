import type { FeedEvent } from '../../common/domain/events';
import type { DayCounters } from './day-counters';
import type { EmergencyState } from './emergency-state';
import type { AccountRecord, BetRecord, OrderRecord, ScoreRecord } from './records';

/** An order whose fills were not hedged within the grace period. */
export interface MissingHedge {
  orderId: string;
  exchange: string | null;
  fixtureId: string | null;
  /** Matched stake still without a hedge. */
  stake: number;
  /** Fills of this order still without a hedge. */
  fills: number;
  /** When the earliest unhedged fill happened (epoch ms). */
  since: number;
}

export interface MissingHedgeReport {
  fillsMissingHedge: number;
  /** Oldest first. */
  orders: MissingHedge[];
}

export const NO_MISSING_HEDGES: MissingHedgeReport = Object.freeze({
  fillsMissingHedge: 0,
  orders: [],
}) as MissingHedgeReport;

/** Everything the store knows, as plain data (JSON-serialisable). Lists are oldest first. */
export interface FeedSnapshot {
  orders: OrderRecord[];
  bets: BetRecord[];
  accounts: AccountRecord[];
  scores: ScoreRecord[];
  emergency: EmergencyState;
  counters: DayCounters;
  /** Most recent broadcasts, newest last. */
  recentEvents: FeedEvent[];
  missingHedges: MissingHedgeReport;
}

export interface StoreSizes {
  orders: number;
  bets: number;
  betIndex: number;
  accounts: number;
  scores: number;
  recentEvents: number;
}
