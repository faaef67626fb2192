import type { BetRecord, OrderRecord } from './records';

/** An order's matched stake grew. */
export interface FillEffect {
  kind: 'fill';
  /** The order after the update. */
  order: OrderRecord;
  /** How much the matched stake grew with this event. */
  matchedDelta: number;
  /** Matched stake after the event. */
  matchedStake: number;
  /** False when the order is now fully matched. */
  partial: boolean;
}

/** A hedge bet became placed or pending (emitted once per bet, not again on pending → placed). */
export interface HedgePlacedEffect {
  kind: 'hedge-placed';
  bet: BetRecord;
  /** The hedged order, when the store knows it. */
  order?: OrderRecord;
}

/**
 * An order gained a live hedge the feed never broadcast (a merge found it: placed while the
 * socket was away). Silent: it only tells the hedge watch that the order's waiting and
 * missing fills are covered.
 */
export interface HedgeCoveredEffect {
  kind: 'hedge-covered';
  orderId: string;
  /**
   * When the latest such hedge was placed (epoch ms), as the server says; it covers only
   * fills seen by then. Null when no placing time is known: it then covers every fill.
   */
  placedAt: number | null;
}

export interface HedgeDeclinedEffect {
  kind: 'hedge-declined';
  bet: BetRecord;
  order?: OrderRecord;
  /**
   * A later hedge of the same order is placed or pending: a retry of the declined one
   * (order-book.ts). A live hedge placed before it hedged an earlier fill, not this one's.
   */
  replaced: boolean;
  /**
   * Replaced, and told by a merge that found a live hedge of the order placed while the
   * feed was away, and no fill of it: the replacement may be one the hedge watch never saw.
   */
  replacedByMerge?: true;
}

/** Emergency mode became active, or its reason or trigger time changed while active. */
export interface EmergencyEffect {
  kind: 'emergency';
  active: true;
  reason: string | null;
  /** When the emergency was triggered (epoch ms). */
  since: number;
}

export interface EmergencyClearedEffect {
  kind: 'emergency-cleared';
  reason: string | null;
  /** When it was cleared (epoch ms). */
  since: number;
  /** When the emergency that just ended was triggered. */
  activeSince: number | null;
}

export type StoreEffect =
  | FillEffect
  | HedgePlacedEffect
  | HedgeCoveredEffect
  | HedgeDeclinedEffect
  | EmergencyEffect
  | EmergencyClearedEffect;

/** Shared result for the common case, so the hot path allocates nothing. */
export const NO_EFFECTS: readonly StoreEffect[] = Object.freeze([]);
