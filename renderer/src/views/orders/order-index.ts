import type { BetPayload, OrderPayload } from '../../../../common/protocol/payloads';

/** Each order's hedge bets, oldest first. */
export function betsByOrder(bets: ReadonlyMap<string, BetPayload>): Map<string, BetPayload[]> {
  const index = new Map<string, BetPayload[]>();
  for (const bet of bets.values()) {
    if (!bet.orderId) continue;
    const list = index.get(bet.orderId);
    if (list) list.push(bet);
    else index.set(bet.orderId, [bet]);
  }
  return index;
}

/** Newest first: orders in the order they first appeared, reversed, so rows keep their place. */
export function newestFirst<T>(map: ReadonlyMap<string, T>): T[] {
  const list = Array.from(map.values());
  list.reverse();
  return list;
}

export function matchedShare(order: OrderPayload): number | null {
  const ordered = typeof order.orderStake === 'number' ? order.orderStake : null;
  const matched = typeof order.matchedStake === 'number' ? order.matchedStake : 0;
  if (ordered === null || ordered <= 0) return null;
  return Math.max(0, Math.min(1, matched / ordered));
}
