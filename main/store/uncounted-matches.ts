import { orderChangedAt } from './gap-news';
import { type OrderRecord, STAKE_EPSILON, toFiniteNumber } from './records';

interface UncountedMatch {
  stake: number;
  /** When the order last matched, by its own timestamps (epoch ms). */
  changedAt: number | undefined;
}

/**
 * Matched stake the store holds but never counted as a fill: an order it did not hold came
 * in a broadcast that did not show it matching (unknown-order-fill.ts). Its stored copy would
 * hide from a news merge a fill made during the gap, so the merge judges this stake as it
 * judges an order it never saw (gap-news.ts). Only orders the store holds are kept.
 */
export class UncountedMatches {
  private readonly byOrder = new Map<string, UncountedMatch>();

  get size(): number {
    return this.byOrder.size;
  }

  note(order: OrderRecord): void {
    const stake = toFiniteNumber(order.matchedStake);
    if (stake === undefined || stake <= STAKE_EPSILON) return;
    this.byOrder.set(order.orderId, { stake, changedAt: orderChangedAt(order) });
  }

  /**
   * Forgets the order's uncounted stake; returns it when it matched during a gap that began
   * at `since`, else 0 (no gap: the merge's copies are history).
   */
  take(orderId: string, since: number | undefined): number {
    if (this.byOrder.size === 0) return 0;
    const match = this.byOrder.get(orderId);
    if (match === undefined) return 0;
    this.byOrder.delete(orderId);
    const { stake, changedAt } = match;
    return since !== undefined && changedAt !== undefined && changedAt >= since ? stake : 0;
  }

  has(orderId: string): boolean {
    return this.byOrder.has(orderId);
  }

  forget(orderId: string): void {
    this.byOrder.delete(orderId);
  }

  clear(): void {
    this.byOrder.clear();
  }
}
