import { matchedIncrease } from './fill-detection';
import { type BetRecord, hedgeStatusOf, type OrderRecord, parseTimestamp } from './records';

/**
 * What a merge is told when its records may hold news: the feed was down from `since`
 * (epoch ms) and the socket never replays what it missed.
 */
export interface MergeNews {
  since: number;
}

/** When an order last changed as far as its fills go: `matchedAt`, else `updatedAt` (epoch ms). */
export function orderChangedAt(order: OrderRecord): number | undefined {
  return parseTimestamp(order.matchedAt) ?? parseTimestamp(order.updatedAt);
}

/** Whether an order the store never saw changed at or after `since`; else it is history. */
export function changedSince(order: OrderRecord, since: number): boolean {
  const at = orderChangedAt(order);
  return at !== undefined && at >= since;
}

/**
 * The matched stake a REST copy of an order adds to what the store holds, for a gap that
 * began at `since`: the growth over the stored copy; for an order the store never saw, all
 * of it when the order changed during the gap, else none (it matched before the app listened).
 */
export function missedMatchedStake(
  stored: OrderRecord | undefined,
  copy: OrderRecord,
  since: number,
): number {
  if (stored === undefined && !changedSince(copy, since)) return 0;
  return matchedIncrease(stored, copy, undefined);
}

/**
 * Whether a REST copy of an order tells what the feed missed in a gap that began at `since`:
 * a known order whose matched stake grew, or an order the store never saw that changed
 * during the gap (placed, matched or cancelled while the socket was down).
 */
export function isGapNews(
  stored: OrderRecord | undefined,
  copy: OrderRecord,
  since: number,
): boolean {
  return stored === undefined
    ? changedSince(copy, since)
    : matchedIncrease(stored, copy, undefined) > 0;
}

/**
 * Whether a REST copy of a hedge bet shows it placed or pending in a way the feed missed
 * during a gap that began at `since`: a known bet that moved to placed or pending, or one
 * the store never saw that was placed during the gap. Declined ones are reported apart.
 */
export function isGapHedge(stored: BetRecord | undefined, copy: BetRecord, since: number): boolean {
  const after = hedgeStatusOf(copy);
  if (after !== 'placed' && after !== 'pending') return false;
  if (stored !== undefined) return hedgeStatusOf(stored) !== after;
  const placedAt = parseTimestamp(copy.placedAt);
  return placedAt !== undefined && placedAt >= since;
}
