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
import {
  type BetRecord,
  hedgeStatusOf,
  isFinishedBet,
  isFinishedOrder,
  isLiveHedge,
  isStaleOrderCopy,
  mergeRecord,
  type OrderRecord,
} from './records';

export interface OrderBookLimits {
  maxOrders: number;
  maxBets: number;
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

  constructor(limits: OrderBookLimits) {
    this.orders = new BoundedRecordMap(limits.maxOrders, isFinishedOrder);
    this.bets = new BoundedRecordMap(limits.maxBets, isFinishedBet, (betId, bet) =>
      this.unlink(betId, orderIdOf(bet)),
    );
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

  applyOrder(event: OrderBroadcast, counters: DayCounters): readonly StoreEffect[] {
    const update = event.record;
    const stored = this.orders.get(update.orderId);
    const order = stored ? mergeRecord(stored, update) : update;
    const delta = matchedIncrease(stored, update, event.old);
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

    const orderId = orderIdOf(bet);
    const order = orderId === undefined ? undefined : this.orders.get(orderId);
    if (after === 'declined') {
      const effect: HedgeDeclinedEffect = {
        kind: 'hedge-declined',
        bet,
        orderStillHedged: orderId !== undefined && this.hasLiveHedge(orderId, betId),
      };
      if (order) effect.order = order;
      return [effect];
    }
    if (before === 'placed' || before === 'pending') return NO_EFFECTS;
    const effect: HedgePlacedEffect = { kind: 'hedge-placed', bet };
    if (order) effect.order = order;
    return [effect];
  }

  /**
   * Replaces or merges orders from another source (a REST snapshot); no effects. A copy
   * older than the stored order, or one that would reopen a finished order, is skipped.
   */
  mergeOrders(orders: readonly OrderRecord[], replace: boolean): void {
    if (replace) this.orders.clear();
    for (const update of orders) {
      if (typeof update?.orderId !== 'string') continue;
      const stored = this.orders.get(update.orderId);
      if (stored && isStaleOrderCopy(stored, update)) continue;
      this.orders.set(update.orderId, stored ? mergeRecord(stored, update) : update);
    }
  }

  mergeBets(bets: readonly BetRecord[], replace: boolean): void {
    if (replace) {
      this.bets.clear();
      this.betIdsByOrder.clear();
    }
    for (const update of bets) {
      if (typeof update?.betId !== 'string') continue;
      const stored = this.bets.get(update.betId);
      this.storeBet(update.betId, stored, stored ? mergeRecord(stored, update) : update);
    }
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

  private hasLiveHedge(orderId: string, exceptBetId: string): boolean {
    for (const id of this.betIdsByOrder.betIds(orderId)) {
      if (id === exceptBetId) continue;
      const bet = this.bets.get(id);
      if (bet && isLiveHedge(bet)) return true;
    }
    return false;
  }
}
