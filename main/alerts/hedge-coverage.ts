import { IntrusiveList } from '../store/intrusive-list';

/** A fill waiting for its hedge, or covered by one. */
export interface PendingFill {
  /** Its key in the watch's waiting list. */
  id: number;
  orderId: string;
  stake: number;
  exchange: string | null;
  fixtureId: string | null;
  /** When it was seen (epoch ms), or given back by a declined hedge. */
  at: number;
  /** How many fills it stands for: 1, or those of a missing entry a late hedge cleared. */
  fills: number;
}

/** What one hedge seen placed or pending covers. */
export interface HedgeCover {
  readonly betId: string;
  readonly orderId: string;
  /** When the hedge was seen (epoch ms). */
  at: number;
  /** Oldest first. None yet: an early hedge, for a fill whose broadcast is still to come. */
  readonly fills: PendingFill[];
}

interface CoverNode extends HedgeCover {
  /** Neighbours in the order hedges were seen, for forgetting the oldest. */
  prev: CoverNode | null;
  next: CoverNode | null;
  /** Neighbours among the same order's hedges. */
  older: CoverNode | null;
  newer: CoverNode | null;
  /** The hedge whose fill it took over on arrival (takeSharedFill), if it did. */
  tookFrom: HedgeCover | null;
}

/**
 * Which fills each hedge covers, by bet and by order, so that a declined hedge gives back
 * what it covered and nothing else. Bounded: beyond `max` hedges or covered fills, the
 * oldest hedges are forgotten (a declined hedge it forgot is judged by its order instead).
 * Written for every hedge, so its nodes are its own links: no allocation beyond the node.
 */
export class HedgeCoverage {
  private readonly byBet = new Map<string, CoverNode>();
  private readonly seen = new IntrusiveList<CoverNode>();
  /** orderId → its newest hedge; the others follow by `older`. */
  private readonly newestByOrder = new Map<string, CoverNode>();
  private coveredFills = 0;

  constructor(private readonly max: number) {}

  get(betId: string): HedgeCover | undefined {
    return this.byBet.get(betId);
  }

  /**
   * Remembers hedge `betId` covering `fills` (the array is kept, not copied), one of them
   * taken over from hedge `tookFrom` when given (takeSharedFill).
   */
  add(
    betId: string,
    orderId: string,
    at: number,
    fills: PendingFill[],
    tookFrom: HedgeCover | null = null,
  ): void {
    const older = this.newestByOrder.get(orderId) ?? null;
    const node: CoverNode = {
      betId,
      orderId,
      at,
      fills,
      prev: null,
      next: null,
      older,
      newer: null,
      tookFrom,
    };
    if (older) older.newer = node;
    this.newestByOrder.set(orderId, node);
    this.byBet.set(betId, node);
    this.seen.append(node);
    this.coveredFills += fills.length;
    this.trim();
  }

  addFill(cover: HedgeCover, fill: PendingFill): void {
    cover.fills.push(fill);
    this.coveredFills += 1;
    this.trim();
  }

  remove(betId: string): void {
    const node = this.byBet.get(betId);
    if (node) this.forget(node);
  }

  /** The order's oldest early hedge seen within `graceMs` of `at`, if any. */
  earlyHedge(orderId: string, at: number, graceMs: number): HedgeCover | undefined {
    let found: CoverNode | undefined;
    for (let node = this.newestByOrder.get(orderId) ?? null; node; node = node.older) {
      if (node.fills.length === 0 && Math.abs(at - node.at) <= graceMs) found = node;
    }
    return found;
  }

  /**
   * The hedge to take over what the declined hedge `declined` covered: the order's oldest
   * one covering nothing that was seen after it (its retry, however late the decline is
   * told) or within `graceMs` of the decline at `at`.
   */
  replacementOf(declined: HedgeCover, at: number, graceMs: number): HedgeCover | undefined {
    let found: CoverNode | undefined;
    for (let node = this.newestByOrder.get(declined.orderId) ?? null; node; node = node.older) {
      if (node.fills.length > 0) continue;
      if (node.at >= declined.at || Math.abs(at - node.at) <= graceMs) found = node;
    }
    return found;
  }

  /**
   * Moves into `into` the newest fill seen since `since` from the latest hedge of the order
   * that covers it together with older fills, and returns that hedge: a hedge that finds
   * nothing waiting is more likely that fill's own (each fill is hedged) than one for a
   * fill still to come.
   */
  takeSharedFill(orderId: string, since: number, into: PendingFill[]): HedgeCover | null {
    for (let node = this.newestByOrder.get(orderId) ?? null; node; node = node.older) {
      const fills = node.fills;
      const newest = fills[fills.length - 1];
      if (fills.length < 2 || !newest || newest.fills !== 1 || newest.at < since) continue;
      fills.pop();
      this.coveredFills -= 1;
      into.push(newest);
      return node;
    }
    return null;
  }

  /**
   * The order's hedge seen within `leadMs` of `at` that covers only the fill it took over on
   * arrival (takeSharedFill), from a hedge still known: it was an early hedge, for the fill
   * seen at `at`, after all. Gives that fill back and returns the hedge, now covering nothing.
   */
  takeBackShared(orderId: string, at: number, leadMs: number): HedgeCover | undefined {
    for (let node = this.newestByOrder.get(orderId) ?? null; node; node = node.older) {
      const from = node.tookFrom;
      if (!from || node.fills.length !== 1 || Math.abs(at - node.at) > leadMs) continue;
      if (this.byBet.get(from.betId) !== from) continue;
      from.fills.push(node.fills.pop() as PendingFill);
      node.tookFrom = null;
      return node;
    }
    return undefined;
  }

  shiftTimes(deltaMs: number): void {
    for (let node = this.seen.first; node; node = node.next) {
      node.at += deltaMs;
      for (const fill of node.fills) fill.at += deltaMs;
    }
  }

  private trim(): void {
    while (this.byBet.size > this.max || this.coveredFills > this.max) {
      const oldest = this.seen.first;
      if (!oldest) return;
      this.forget(oldest);
    }
  }

  private forget(node: CoverNode): void {
    this.byBet.delete(node.betId);
    this.seen.remove(node);
    this.coveredFills -= node.fills.length;
    if (node.older) node.older.newer = node.newer;
    if (node.newer) node.newer.older = node.older;
    else if (node.older) this.newestByOrder.set(node.orderId, node.older);
    else this.newestByOrder.delete(node.orderId);
    node.older = null;
    node.newer = null;
    node.tookFrom = null;
  }
}
