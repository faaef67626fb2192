/** The parts of the feed's state that main and the dashboard both speak of. */

/** What happened since the start of the local day. */
export interface DayCounters {
  /** Epoch ms of the start of the day these counters cover. */
  dayStart: number;
  /** Broadcasts applied. */
  events: number;
  /** Times an order's matched stake grew. */
  fills: number;
  /** Sum of the matched-stake increases. */
  matchedStake: number;
  /** Hedge bets that became `placed`. */
  hedgesPlaced: number;
  /** Hedge bets that became `pending` (they may have been placed since). */
  hedgesPending: number;
  /** Hedge bets that became `declined`. */
  hedgesDeclined: number;
}

/** A day with nothing in it yet. */
export function emptyDayCounters(dayStart: number): DayCounters {
  return {
    dayStart,
    events: 0,
    fills: 0,
    matchedStake: 0,
    hedgesPlaced: 0,
    hedgesPending: 0,
    hedgesDeclined: 0,
  };
}

export interface EmergencyState {
  active: boolean;
  reason: string | null;
  /** When the current state began (epoch ms); null until the first emergency message. */
  since: number | null;
}

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
  /**
   * How many orders have fills missing a hedge, all of them, even when `orders` was cut
   * to fit a push (main sets it on every report it pushes). Absent when `orders` lists
   * them all: read it through missingHedgeOrderCount().
   */
  ordersMissingHedge?: number;
  /** Oldest first; may be only the oldest of them (see ordersMissingHedge). */
  orders: MissingHedge[];
}

/** How many orders have fills missing a hedge, whether or not `orders` lists them all. */
export function missingHedgeOrderCount(report: MissingHedgeReport): number {
  return report.ordersMissingHedge ?? report.orders.length;
}
