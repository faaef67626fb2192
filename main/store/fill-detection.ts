import type { RawObject } from '../../common/protocol/server-frames';
import { isStatus, type OrderRecord, STAKE_EPSILON, toFiniteNumber } from './records';

/**
 * How much an order update grew the matched stake; 0 when it did not.
 *
 * The baseline is the larger of `old.matchedStake` (what the server says it was) and the
 * stored value (what we already counted), so a repeated frame is not a second fill and
 * an INSERT for a new order counts from zero.
 */
export function matchedIncrease(
  stored: OrderRecord | undefined,
  update: OrderRecord,
  old: RawObject | undefined,
): number {
  const matched = update.matchedStake;
  if (typeof matched !== 'number' || !Number.isFinite(matched)) return 0;
  const before = old && 'matchedStake' in old ? (toFiniteNumber(old.matchedStake) ?? 0) : undefined;
  const counted = stored ? toFiniteNumber(stored.matchedStake) : undefined;
  const baseline = Math.max(before ?? 0, counted ?? 0);
  const delta = matched - baseline;
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
