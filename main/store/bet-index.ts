/**
 * Which bets belong to which order: orderId → betIds. An order nearly always has one hedge
 * bet, so that bet's id is kept as it is, and a Set only once there are two: the index is
 * written for most frames and holds up to one entry per stored bet.
 */
export class BetIndex {
  private readonly byOrder = new Map<string, string | Set<string>>();

  /** Orders with at least one bet. */
  get size(): number {
    return this.byOrder.size;
  }

  link(orderId: string, betId: string): void {
    const ids = this.byOrder.get(orderId);
    if (ids === undefined) this.byOrder.set(orderId, betId);
    else if (typeof ids !== 'string') ids.add(betId);
    else if (ids !== betId) this.byOrder.set(orderId, new Set([ids, betId]));
  }

  unlink(orderId: string, betId: string): void {
    const ids = this.byOrder.get(orderId);
    if (ids === undefined) return;
    if (typeof ids === 'string') {
      if (ids === betId) this.byOrder.delete(orderId);
      return;
    }
    ids.delete(betId);
    if (ids.size === 1) this.byOrder.set(orderId, ids.values().next().value as string);
    else if (ids.size === 0) this.byOrder.delete(orderId);
  }

  /** The order's bet ids, in the order they were linked. */
  betIds(orderId: string): Iterable<string> {
    const ids = this.byOrder.get(orderId);
    if (ids === undefined) return [];
    return typeof ids === 'string' ? [ids] : ids;
  }

  clear(): void {
    this.byOrder.clear();
  }
}
