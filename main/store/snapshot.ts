import type { FeedEvent } from '../../common/domain/events';
import type { MissingHedge, MissingHedgeReport } from '../../common/domain/feed-state';
import type { DayCounters } from './day-counters';
import type { EmergencyState } from './emergency-state';
import type { AccountRecord, BetRecord, OrderRecord, ScoreRecord } from './records';

export type { MissingHedge, MissingHedgeReport };

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
