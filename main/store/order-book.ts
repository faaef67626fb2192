import type { BetBroadcast, OrderBroadcast } from '../../common/protocol/server-frames';
import { BetIndex } from './bet-index';
import { BoundedRecordMap } from './bounded-record-map';
import type { DayCounters } from './day-counters';
import {
  type FillEffect,
  type HedgeDeclinedEffect,
  type HedgePlacedEffect,
  NO_EFFECTS,
  type StoreEffect,
} from './effects';
import { isPartialFill, matchedIncrease } from './fill-detection';
import { isGapHedge, type MergeNews, missedMatchedStake } from './gap-news';
import {
  type BetRecord,
  hedgeStatusOf,
  isFinishedBet,
  isFinishedOrder,
  isLiveHedge,
  isStaleBetCopy,
  isStaleOrderCopy,
  isStaleOrderUpdate,
  mergeRecord,
  type OrderRecord,
  parseTimestamp,
  withMatchOf,
} from './records';
import { UncountedMatches } from './uncounted-matches';
import { unknownOrderFill } from './unknown-order-fill';

export interface OrderBookLimits {
  maxOrders: number;
  maxBets: number;
}

/** What merging hedge bets from another source found (OrderBook.mergeBets). */
export interface BetMerge {
  /**
   * Orders that gained a live hedge by the merge, each with when the latest of those hedges
   * was placed (null when none says).
   */
  hedged: ReadonlyMap<string, number | null>;
  /** Hedges the store held as live that the copies say were declined. */
  declined: readonly HedgeDeclinedEffect[];
}

/** An order whose matched stake a news merge found grown: a fill the feed missed. */
export interface MissedFill {
  /** The copy that showed the growth. */
  update: OrderRecord;
  /** The order as stored after it. */
  order: OrderRecord;
  matchedDelta: number;
}

/** The later of two placing times; unknown (null) only when neither is known. */
function latest(a: number | null | undefined, b: number | undefined): number | null {
  if (a === undefined || a === null) return b ?? null;
  return b === undefined ? a : Math.max(a, b);
}

function orderIdOf(bet: BetRecord | undefined): string | undefined {
  const id = bet?.orderId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Orders, their hedge bets, and the order → bets index, all bounded. */
export class OrderBook {
  readonly orders: BoundedRecordMap<string, OrderRecord>;
  readonly bets: BoundedRecordMap<string, BetRecord>;
  /** orderId → betIds; holds only bets in `bets`, so it is bounded by them. */
  private readonly betIdsByOrder = new BetIndex();
  /** Holds only orders in `orders`, so it is bounded by them. */
  private readonly uncounted = new UncountedMatches();

  constructor(limits: OrderBookLimits) {
    this.orders = new BoundedRecordMap(limits.maxOrders, isFinishedOrder, (orderId) =>
      this.uncounted.forget(orderId),
    );
    this.bets = new BoundedRecordMap(limits.maxBets, isFinishedBet, (betId, bet) =>
      this.unlink(betId, orderIdOf(bet)),
    );
  }

  /** Whether the order's matched stake was taken in without being counted as a fill. */
  hasUncountedMatch(orderId: string): boolean {
    return this.uncounted.has(orderId);
  }

  get indexSize(): number {
    return this.betIdsByOrder.size;
  }

  betsOfOrder(orderId: string): BetRecord[] {
    const out: BetRecord[] = [];
    for (const id of this.betIdsByOrder.betIds(orderId)) {
      const bet = this.bets.get(id);
      if (bet) out.push(bet);
    }
    return out;
  }

  /**
   * Folds an order broadcast in; `now` is when it arrived. An update older than the stored
   * copy (records.ts isStaleOrderUpdate) changes nothing but a matched stake above the
   * stored one: its fill, which the newer update did not carry (changed fields only).
   */
  applyOrder(event: OrderBroadcast, counters: DayCounters, now: number): readonly StoreEffect[] {
    const update = event.record;
    const stored = this.orders.get(update.orderId);
    let order: OrderRecord;
    if (stored && isStaleOrderUpdate(stored, update, event.old)) {
      if (matchedIncrease(stored, update, event.old) === 0) return NO_EFFECTS;
      order = withMatchOf(stored, update);
    } else {
      order = stored ? mergeRecord(stored, update) : update;
    }
    const delta = stored
      ? matchedIncrease(stored, update, event.old)
      : unknownOrderFill(event, now);
    // Before set, which may evict the very order.
    if (!stored && delta === 0 && !(event.old && 'matchedStake' in event.old)) {
      this.uncounted.note(update);
    }
    this.orders.set(update.orderId, order);
    if (delta === 0) return NO_EFFECTS;
    const matchedStake = update.matchedStake as number;
    counters.fills += 1;
    counters.matchedStake += delta;
    const fill: FillEffect = {
      kind: 'fill',
      order,
      matchedDelta: delta,
      matchedStake,
      partial: isPartialFill(update, order, matchedStake),
    };
    return [fill];
  }

  applyBet(event: BetBroadcast, counters: DayCounters): readonly StoreEffect[] {
    const update = event.record;
    const betId = update.betId;
    const stored = this.bets.get(betId);
    const bet = stored ? mergeRecord(stored, update) : update;
    this.storeBet(betId, stored, bet);

    const before = stored ? hedgeStatusOf(stored) : undefined;
    const after = hedgeStatusOf(bet);
    if (after === before || after === 'other') return NO_EFFECTS;
    if (after === 'placed') counters.hedgesPlaced += 1;
    else if (after === 'pending') counters.hedgesPending += 1;
    else counters.hedgesDeclined += 1;

    if (after === 'declined') return [this.declinedEffect(betId, bet)];
    if (before === 'placed' || before === 'pending') return NO_EFFECTS;
    const orderId = orderIdOf(bet);
    const order = orderId === undefined ? undefined : this.orders.get(orderId);
    const effect: HedgePlacedEffect = { kind: 'hedge-placed', bet };
    if (order) effect.order = order;
    return [effect];
  }

  /**
   * Replaces or merges orders from another source (a REST snapshot). A copy older than the
   * stored order, or one that would reopen a finished order, is skipped. Without `news` the
   * copies are history and none is returned; with it, the orders whose matched stake grew
   * (gap-news.ts), for missedFillEffects once the bets are merged too; a stored order whose
   * matched stake was never counted (uncounted-matches.ts) is judged for that stake as one
   * it never saw. With `replace` the store forgets its orders first, so each copy is one it
   * never saw.
   */
  mergeOrders(
    orders: readonly OrderRecord[],
    replace: boolean,
    news?: MergeNews,
  ): readonly MissedFill[] {
    if (replace) {
      this.orders.clear();
      this.uncounted.clear();
    }
    const missed: MissedFill[] = [];
    for (const update of orders) {
      if (typeof update?.orderId !== 'string') continue;
      const stored = this.orders.get(update.orderId);
      const uncounted = this.uncounted.take(update.orderId, news?.since);
      if (stored && isStaleOrderCopy(stored, update)) {
        if (uncounted > 0) missed.push({ update: stored, order: stored, matchedDelta: uncounted });
        continue;
      }
      const order = stored ? mergeRecord(stored, update) : update;
      this.orders.set(update.orderId, order);
      if (news === undefined) continue;
      const matchedDelta = missedMatchedStake(stored, update, news.since) + uncounted;
      if (matchedDelta > 0) missed.push({ update, order, matchedDelta });
    }
    return missed;
  }

  /**
   * Merges hedge bets from another source; a copy that would move a stored bet's status
   * back (records.ts isStaleBetCopy) is skipped. Returns the orders that gained a live hedge by it
   * (a placed or pending bet the store did not hold as one: hedges placed while the feed was
   * away), and the hedges it held as live that the copies say were declined meanwhile, as
   * the effects their broadcasts would have given (counted in today's declined hedges).
   * With `replace`, a bet held live before the store forgot it is no gain. With `news`,
   * hedges placed or left pending during the gap are counted in today's counters, as their
   * broadcasts would have been.
   */
  mergeBets(
    bets: readonly BetRecord[],
    replace: boolean,
    counters: DayCounters,
    news?: MergeNews,
  ): BetMerge {
    let liveBefore: Set<string> | undefined;
    if (replace) {
      liveBefore = new Set();
      for (const bet of this.bets.values()) {
        if (isLiveHedge(bet) && typeof bet.betId === 'string') liveBefore.add(bet.betId);
      }
      this.bets.clear();
      this.betIdsByOrder.clear();
    }
    const hedged = new Map<string, number | null>();
    const lost: string[] = [];
    for (const update of bets) {
      if (typeof update?.betId !== 'string') continue;
      const stored = this.bets.get(update.betId);
      if (stored && isStaleBetCopy(stored, update)) continue;
      const bet = stored ? mergeRecord(stored, update) : update;
      this.storeBet(update.betId, stored, bet);
      const orderId = orderIdOf(bet);
      const wasLive = stored ? isLiveHedge(stored) : liveBefore?.has(update.betId) === true;
      if (orderId !== undefined && isLiveHedge(bet) && !wasLive) {
        hedged.set(orderId, latest(hedged.get(orderId), parseTimestamp(bet.placedAt)));
      }
      if (wasLive && hedgeStatusOf(bet) === 'declined') lost.push(update.betId);
      const forgotten = stored === undefined && liveBefore?.has(update.betId) === true;
      if (news && !forgotten && isGapHedge(stored, bet, news.since)) {
        if (hedgeStatusOf(bet) === 'placed') counters.hedgesPlaced += 1;
        else counters.hedgesPending += 1;
      }
    }
    // Once every copy is in, so that "replaced" sees the other bets as they are now.
    const declined: HedgeDeclinedEffect[] = [];
    for (const betId of lost) {
      const bet = this.bets.get(betId);
      if (!bet) continue;
      counters.hedgesDeclined += 1;
      declined.push(this.declinedEffect(betId, bet));
    }
    return { hedged, declined };
  }

  /**
   * The fills a news merge found, as a broadcast would have reported them: each is counted
   * in today's counters, and becomes a fill effect unless its order gained a live hedge by
   * the same merge (hedged while the feed was away). A hedge the store already held covered
   * earlier fills, not this one: like a broadcast fill, it then waits for its own hedge.
   */
  missedFillEffects(
    missed: readonly MissedFill[],
    hedgedByMerge: ReadonlyMap<string, unknown>,
    counters: DayCounters,
  ): readonly StoreEffect[] {
    const effects: StoreEffect[] = [];
    for (const { update, order: merged, matchedDelta } of missed) {
      counters.fills += 1;
      counters.matchedStake += matchedDelta;
      if (hedgedByMerge.has(update.orderId)) continue;
      const order = this.orders.get(update.orderId) ?? merged;
      const matchedStake = update.matchedStake as number;
      const fill: FillEffect = {
        kind: 'fill',
        order,
        matchedDelta,
        matchedStake,
        partial: isPartialFill(update, order, matchedStake),
      };
      effects.push(fill);
    }
    return effects.length > 0 ? effects : NO_EFFECTS;
  }

  /**
   * Marks the replaced declines of a merge whose order gained a live hedge by it
   * (replacedByMerge), unless the merge found a fill of the order too: that hedge is rather
   * the new fill's own, as missedFillEffects takes it.
   */
  markReplacedByMerge(bets: BetMerge, missed: readonly MissedFill[]): void {
    for (const effect of bets.declined) {
      const orderId = orderIdOf(effect.bet);
      if (!effect.replaced || orderId === undefined || !bets.hedged.has(orderId)) continue;
      if (missed.some((fill) => fill.update.orderId === orderId)) continue;
      effect.replacedByMerge = true;
    }
  }

  private declinedEffect(betId: string, bet: BetRecord): HedgeDeclinedEffect {
    const orderId = orderIdOf(bet);
    const order = orderId === undefined ? undefined : this.orders.get(orderId);
    const effect: HedgeDeclinedEffect = {
      kind: 'hedge-declined',
      bet,
      replaced: orderId !== undefined && this.hasReplacement(orderId, betId, bet),
    };
    if (order) effect.order = order;
    return effect;
  }

  private storeBet(betId: string, stored: BetRecord | undefined, bet: BetRecord): void {
    const was = orderIdOf(stored);
    const now = orderIdOf(bet);
    if (was !== now) this.unlink(betId, was);
    // Link before set: set may evict this very bet when every other one is in play. A
    // stored bet whose order did not change is linked already.
    if (now !== undefined && (stored === undefined || was !== now)) {
      this.betIdsByOrder.link(now, betId);
    }
    this.bets.set(betId, bet);
  }

  private unlink(betId: string, orderId: string | undefined): void {
    if (orderId !== undefined) this.betIdsByOrder.unlink(orderId, betId);
  }

  /**
   * Whether a live hedge of the order came after the declined one: placed later by
   * `placedAt` when both carry one (a retry may be broadcast before the decline), else
   * first seen later (the index keeps the order bets were first seen in).
   */
  private hasReplacement(orderId: string, declinedId: string, declined: BetRecord): boolean {
    const declinedAt = parseTimestamp(declined.placedAt);
    let seenAfter = false;
    for (const id of this.betIdsByOrder.betIds(orderId)) {
      if (id === declinedId) {
        seenAfter = true;
        continue;
      }
      const bet = this.bets.get(id);
      if (!bet || !isLiveHedge(bet)) continue;
      const placedAt = declinedAt === undefined ? undefined : parseTimestamp(bet.placedAt);
      if (placedAt !== undefined && declinedAt !== undefined ? placedAt >= declinedAt : seenAfter) {
        return true;
      }
    }
    return false;
  }
}
