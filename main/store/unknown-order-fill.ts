import type { OrderBroadcast } from '../../common/protocol/server-frames';
import { SERVER_CLOCK_SKEW_MS } from '../clock/server-clock-skew';
import { changedSince } from './gap-news';
import { STAKE_EPSILON, toFiniteNumber } from './records';

/**
 * The matched stake a broadcast shows matching for an order the store does not hold (never
 * seen, or evicted). `old` lists the fields that changed (mm-api.md): with
 * `old.matchedStake`, the growth from it; without it, nothing (a price tick, a settlement:
 * the stake matched before). An INSERT counts from zero. An UPDATE with no `old` is taken as
 * the fill itself only when the order matched as it arrived, within the clock leeway, by
 * the rule a gap's news is judged by (gap-news.ts); else it matched before the store held it.
 */
export function unknownOrderFill(event: OrderBroadcast, now: number): number {
  const update = event.record;
  const matched = update.matchedStake;
  if (typeof matched !== 'number' || !Number.isFinite(matched)) return 0;
  const old = event.old;
  let before = 0;
  if (old && 'matchedStake' in old) before = toFiniteNumber(old.matchedStake) ?? 0;
  else if (old) return 0;
  else if (event.event === 'UPDATE' && !changedSince(update, now - SERVER_CLOCK_SKEW_MS)) return 0;
  const delta = matched - before;
  return delta > STAKE_EPSILON ? delta : 0;
}
