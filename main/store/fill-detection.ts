import type { RawObject } from '../../common/protocol/server-frames';
import { isStatus, type OrderRecord, STAKE_EPSILON, toFiniteNumber } from './records';

/**
 * How much an order update grew the matched stake; 0 when it did not.
 *
 * The baseline is the stored value (what was already counted), so a repeated frame is not
 * a second fill. Growth over it is a fill whatever `old` lists: a stake the store never saw
 * match (a gap, or a frame overtaken by this one, which then arrives stale) is counted
 * here, once. With no stored copy (or no stake in it) the baseline is `old.matchedStake`,
 * else zero: for a REST copy judged news (gap-news.ts); a broadcast for an order the store
 * does not hold goes to unknownOrderFill instead.
 */
export function matchedIncrease(
  stored: OrderRecord | undefined,
  update: OrderRecord,
  old: RawObject | undefined,
): number {
  const matched = update.matchedStake;
  if (typeof matched !== 'number' || !Number.isFinite(matched)) return 0;
  const counted = stored ? toFiniteNumber(stored.matchedStake) : undefined;
  const before = old && 'matchedStake' in old ? toFiniteNumber(old.matchedStake) : undefined;
  const delta = matched - (counted ?? before ?? 0);
  return delta > STAKE_EPSILON ? delta : 0;
}

/** Whether the order still has stake to match, judged from the freshest evidence first. */
export function isPartialFill(update: OrderRecord, merged: OrderRecord, matched: number): boolean {
  if (isStatus(update.matchedStatus, 'FULLY_MATCHED')) return false;
  if (isStatus(update.matchedStatus, 'PARTIALLY_MATCHED')) return true;
  const ordered = toFiniteNumber(merged.orderStake);
  if (ordered !== undefined && ordered > 0) return matched < ordered - STAKE_EPSILON;
  if (isStatus(merged.matchedStatus, 'FULLY_MATCHED')) return false;
  return !isStatus(merged.orderStatus, 'FILLED');
}
