import { type BetRecord, FINISHED_ORDER_STATUSES, type OrderRecord } from '../model-types';
import type { DayRange } from './query-params';

const round2 = (value: number) => Math.round(value * 100) / 100;
const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
const isOpen = (o: OrderRecord) => !FINISHED_ORDER_STATUSES.includes(o.orderStatus);

/** The OrderSummary shape (orders/summary and positions/summary). */
export function orderSummary(orders: OrderRecord[]) {
  return {
    totalOrders: orders.length,
    fixtureCount: new Set(orders.map((o) => o.fixtureId)).size,
    exchangeCount: new Set(orders.map((o) => o.exchange)).size,
    totalStake: round2(sum(orders.map((o) => o.orderStake))),
    totalMatched: round2(sum(orders.map((o) => o.matchedStake))),
    totalOpen: round2(sum(orders.filter(isOpen).map((o) => o.orderStake - o.matchedStake))),
    filledCount: orders.filter((o) => o.orderStatus === 'FILLED').length,
    cancelledCount: orders.filter((o) => o.orderStatus === 'CANCELLED').length,
    openCount: orders.filter(isOpen).length,
  };
}

export function betSummary(bets: BetRecord[]) {
  const stake = sum(bets.map((b) => b.placedStake));
  return {
    totalBets: bets.length,
    orderCount: new Set(bets.map((b) => b.orderId)).size,
    bookmakerCount: new Set(bets.map((b) => b.bookmaker)).size,
    totalStake: round2(stake),
    avgPrice:
      stake > 0
        ? Math.round((sum(bets.map((b) => b.placedPrice * b.placedStake)) / stake) * 1000) / 1000
        : null,
    placedCount: bets.filter((b) => b.betStatus === 'placed').length,
    pendingCount: bets.filter((b) => b.betStatus === 'pending').length,
    declinedCount: bets.filter((b) => b.betStatus === 'declined').length,
    wonCount: bets.filter((b) => b.settlementStatus.toLowerCase() === 'won').length,
    lostCount: bets.filter((b) => b.settlementStatus.toLowerCase() === 'lost').length,
  };
}

/** Position status filter values (openapi: open, matched, filled, cancelled, active). */
export function positionStatusMatches(order: OrderRecord, statuses: string[]): boolean {
  return statuses.some((status) => {
    switch (status) {
      case 'open':
        return isOpen(order);
      case 'matched':
        return order.matchedStake > 0;
      case 'filled':
        return order.orderStatus === 'FILLED';
      case 'cancelled':
        return order.orderStatus === 'CANCELLED' || order.orderStatus === 'EXPIRED';
      case 'active':
        return isOpen(order) || (order.matchedStake > 0 && order.settlementStatus === 'UNDECIDED');
      default:
        return false;
    }
  });
}

/** Orders grouped by fixture, outcome, player and exchange (the positions list). */
export function positions(orders: OrderRecord[]) {
  const groups = new Map<string, OrderRecord[]>();
  for (const order of orders) {
    const key = [order.fixtureId, order.outcomeId, order.playerId ?? 0, order.exchange].join('|');
    groups.set(key, [...(groups.get(key) ?? []), order]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const matched = sum(group.map((o) => o.matchedStake));
    return {
      fixtureId: first.fixtureId,
      outcomeId: first.outcomeId,
      playerId: first.playerId ?? 0,
      exchange: first.exchange,
      orderCount: group.length,
      totalStake: round2(sum(group.map((o) => o.orderStake))),
      matchedStake: round2(matched),
      openStake: round2(sum(group.filter(isOpen).map((o) => o.orderStake - o.matchedStake))),
      avgPrice:
        matched > 0
          ? Math.round((sum(group.map((o) => o.orderCents * o.matchedStake)) / matched) * 1000) /
            1000
          : 0,
      participant1Name: null,
      participant2Name: null,
      sportId: null,
      sportName: null,
      tournamentId: null,
      tournamentName: null,
      categoryName: null,
      startTime: null,
    };
  });
}

/**
 * The simulator's P&L. The generated day never settles, so every hedged fill counts as
 * a settled pair (its spread: the exchange price against the hedge price) and every
 * unhedged fill as a naked one, won or lost by the parity of its order id.
 */
export function pnlReport(orders: OrderRecord[], bets: BetRecord[], range: DayRange) {
  const hedgedByOrder = new Map<number, BetRecord[]>();
  for (const bet of bets) {
    if (bet.betStatus !== 'placed') continue;
    hedgedByOrder.set(bet.orderId, [...(hedgedByOrder.get(bet.orderId) ?? []), bet]);
  }
  let matchedTotal = 0;
  let unhedgedStake = 0;
  let nakedPnl = 0;
  let spread = 0;
  let turnover = 0;
  let driftWeighted = 0;
  let pairs = 0;
  let naked = 0;
  for (const order of orders) {
    if (order.matchedStake <= 0) continue;
    matchedTotal += order.matchedStake;
    const hedges = hedgedByOrder.get(order.orderId) ?? [];
    const hedged = sum(hedges.map((b) => b.placedStake));
    for (const bet of hedges) {
      pairs++;
      turnover += bet.placedStake;
      spread += bet.placedStake * (1 / order.orderCents / bet.placedPrice - 1);
      driftWeighted +=
        bet.placedStake *
        ((order.bookmakerOutcomePrice - bet.placedPrice) / order.bookmakerOutcomePrice);
    }
    const unhedged = Math.max(0, order.matchedStake - hedged);
    if (unhedged > 0) {
      naked++;
      unhedgedStake += unhedged;
      nakedPnl +=
        order.orderId % 2 === 0 ? -unhedged * order.orderCents : unhedged * (1 - order.orderCents);
    }
  }
  return {
    totalTurnover: round2(turnover),
    validTurnover: round2(Math.abs(spread) + Math.abs(nakedPnl)),
    netRealizedSpread: round2(spread),
    nakedPnl: round2(nakedPnl),
    unhedgedStake: round2(unhedgedStake),
    unhedgedStakePct: matchedTotal > 0 ? round2((unhedgedStake / matchedTotal) * 100) : 0,
    avgHedgePriceDrift: turnover > 0 ? Math.round((driftWeighted / turnover) * 10_000) / 10_000 : 0,
    settledPairCount: pairs,
    nakedSettledCount: naked,
    fromDate: range.fromDate ?? null,
    toDate: range.toDate ?? null,
  };
}
