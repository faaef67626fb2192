import { LinkedMap } from '../store/linked-map';
import type { MissingHedge, MissingHedgeReport } from '../store/snapshot';

/** A fill that needs a hedge. */
export interface WatchedFill {
  orderId: string;
  /** The matched stake of this fill. */
  stake: number;
  exchange?: string | null;
  fixtureId?: string | null;
  /** When the fill was seen (epoch ms); its grace period starts here. */
  at: number;
}

/** An order that just gained unhedged fills (totals cover all of its missing fills). */
export interface NewlyMissingHedge extends MissingHedge {
  /** Fills that went missing just now. */
  newFills: number;
  newStake: number;
}

export interface HedgeWatchOptions {
  /** How long a fill may wait for its hedge. Default 15 s. */
  graceMs?: number;
  /** Most fills waiting at once; beyond it the oldest is reported missing early. Default 10,000. */
  maxPendingFills?: number;
  /** Most orders listed as missing a hedge; beyond it the oldest is forgotten. Default 5,000. */
  maxMissingOrders?: number;
}

interface PendingFill {
  /** Its key in `pending`. */
  id: number;
  orderId: string;
  stake: number;
  exchange: string | null;
  fixtureId: string | null;
  at: number;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Tracks fills until a hedge covers them. A non-declined hedge for an order covers all of
 * its waiting fills; a fill still uncovered when its grace period ends is missing a hedge
 * until a (late) hedge for its order arrives. Pure: time comes in as arguments.
 */
export class HedgeWatch {
  private grace: number;
  private readonly maxPending: number;
  private readonly maxMissing: number;
  /** Waiting fills in arrival order, so the first one is always the next to expire. */
  private readonly pending = new LinkedMap<number, PendingFill>();
  /** orderId → ids of its waiting fills (an order has one or a few: an array is enough). */
  private readonly pendingByOrder = new Map<string, number[]>();
  private nextFillId = 0;
  /** Orders with unhedged fills, oldest first. */
  private readonly missing = new LinkedMap<string, MissingHedge>();
  private missingFills = 0;
  /**
   * Hedges that arrived when nothing of their order was waiting: the feed may deliver a
   * hedge before the fill it covers (different channels), so a fill shortly after is covered.
   */
  private readonly earlyHedges = new LinkedMap<string, number>();

  constructor(options: HedgeWatchOptions = {}) {
    this.grace = validGrace(options.graceMs ?? 15_000);
    this.maxPending = Math.max(1, Math.floor(options.maxPendingFills ?? 10_000));
    this.maxMissing = Math.max(1, Math.floor(options.maxMissingOrders ?? 5_000));
  }

  get graceMs(): number {
    return this.grace;
  }

  setGraceMs(ms: number): void {
    this.grace = validGrace(ms);
  }

  get fillsMissingHedge(): number {
    return this.missingFills;
  }

  get pendingFills(): number {
    return this.pending.size;
  }

  /** Starts the grace period of a fill. Returns fills pushed out early by the size limit. */
  onFill(fill: WatchedFill): NewlyMissingHedge[] {
    const hedgedAt = this.earlyHedges.size > 0 ? this.earlyHedges.get(fill.orderId) : undefined;
    if (hedgedAt !== undefined) {
      this.earlyHedges.delete(fill.orderId);
      if (Math.abs(fill.at - hedgedAt) <= this.grace) return [];
    }
    return this.watch(fill);
  }

  /**
   * A placed or pending hedge for the order: covers its waiting fills and clears its missing
   * ones. Returns the cleared missing entry, if there was one.
   */
  onHedge(orderId: string, at: number): MissingHedge | null {
    const hadWaiting = this.pendingByOrder.has(orderId);
    const missing = this.cover(orderId);
    if (!hadWaiting && !missing) this.rememberEarlyHedge(orderId, at);
    return missing;
  }

  /**
   * A hedge for the order, placed by `upTo` (epoch ms; default: whenever): clears its fills
   * seen by then, waiting or missing, like onHedge, but is not remembered as an early hedge.
   * For a hedge the feed never broadcast (a REST merge found it): it covers what came before
   * it, not a fill still to come. Returns the cleared missing entry, if there was one.
   */
  cover(orderId: string, upTo = Number.POSITIVE_INFINITY): MissingHedge | null {
    const waiting = this.pendingByOrder.get(orderId);
    if (waiting) {
      const later: number[] = [];
      for (const id of waiting) {
        const fill = this.pending.get(id);
        if (fill !== undefined && fill.at > upTo) later.push(id);
        else this.pending.delete(id);
      }
      if (later.length > 0) this.pendingByOrder.set(orderId, later);
      else this.pendingByOrder.delete(orderId);
    }
    const missing = this.missing.get(orderId);
    if (!missing || missing.since > upTo) return null;
    this.missing.delete(orderId);
    this.missingFills -= missing.fills;
    return { ...missing };
  }

  /**
   * The order's only live hedge was declined: its matched stake is unhedged again and gets a
   * fresh grace period, unless fills of the order are already waiting or missing.
   */
  onHedgeLost(fill: WatchedFill): NewlyMissingHedge[] {
    this.earlyHedges.delete(fill.orderId);
    if (this.pendingByOrder.has(fill.orderId) || this.missing.has(fill.orderId)) return [];
    return this.watch(fill);
  }

  /** Moves fills whose grace period has ended to the missing list; returns what changed. */
  expire(now: number): NewlyMissingHedge[] {
    for (let at = this.earlyHedges.firstValue(); at !== undefined && at + this.grace <= now; ) {
      this.earlyHedges.shiftValue();
      at = this.earlyHedges.firstValue();
    }
    const first = this.pending.firstValue();
    if (first === undefined || first.at + this.grace > now) return [];
    const changed = new Map<string, NewlyMissingHedge>();
    for (let fill = this.pending.firstValue(); fill && fill.at + this.grace <= now; ) {
      this.pending.shiftValue();
      this.markMissing(fill, changed);
      fill = this.pending.firstValue();
    }
    return [...changed.values()];
  }

  /** When the next waiting fill's grace period ends, or null when none is waiting. */
  nextDeadline(): number | null {
    const first = this.pending.firstValue();
    return first === undefined ? null : first.at + this.grace;
  }

  /** Moves every time kept by `deltaMs`: the wall clock they were read from was set. */
  shiftTimes(deltaMs: number): void {
    for (const fill of this.pending.values()) fill.at += deltaMs;
    for (const entry of this.missing.values()) entry.since += deltaMs;
    this.earlyHedges.updateValues((at) => at + deltaMs);
  }

  report(): MissingHedgeReport {
    const orders: MissingHedge[] = [];
    for (const entry of this.missing.values()) orders.push({ ...entry });
    return { fillsMissingHedge: this.missingFills, orders };
  }

  private watch(fill: WatchedFill): NewlyMissingHedge[] {
    const id = this.nextFillId++;
    this.pending.set(id, {
      id,
      orderId: fill.orderId,
      stake: Number.isFinite(fill.stake) ? fill.stake : 0,
      exchange: text(fill.exchange),
      fixtureId: text(fill.fixtureId),
      at: fill.at,
    });
    const ids = this.pendingByOrder.get(fill.orderId);
    if (ids) ids.push(id);
    else this.pendingByOrder.set(fill.orderId, [id]);
    if (this.pending.size <= this.maxPending) return [];
    const changed = new Map<string, NewlyMissingHedge>();
    while (this.pending.size > this.maxPending) {
      this.markMissing(this.pending.shiftValue() as PendingFill, changed);
    }
    return [...changed.values()];
  }

  /** Moves a fill already taken out of `pending` to the missing list. */
  private markMissing(fill: PendingFill, changed: Map<string, NewlyMissingHedge>): void {
    const ids = this.pendingByOrder.get(fill.orderId);
    const index = ids ? ids.indexOf(fill.id) : -1;
    if (ids && index >= 0) ids.splice(index, 1);
    if (ids?.length === 0) this.pendingByOrder.delete(fill.orderId);

    let entry = this.missing.get(fill.orderId);
    if (!entry) {
      entry = {
        orderId: fill.orderId,
        exchange: fill.exchange,
        fixtureId: fill.fixtureId,
        stake: 0,
        fills: 0,
        since: fill.at,
      };
      this.missing.set(fill.orderId, entry);
    }
    entry.stake += fill.stake;
    entry.fills += 1;
    entry.since = Math.min(entry.since, fill.at);
    entry.exchange ??= fill.exchange;
    entry.fixtureId ??= fill.fixtureId;
    this.missingFills += 1;

    const news = changed.get(fill.orderId);
    if (news) {
      news.newFills += 1;
      news.newStake += fill.stake;
      Object.assign(news, { stake: entry.stake, fills: entry.fills, since: entry.since });
    } else {
      changed.set(fill.orderId, { ...entry, newFills: 1, newStake: fill.stake });
    }
    this.trimMissing(changed);
  }

  private trimMissing(changed: Map<string, NewlyMissingHedge>): void {
    while (this.missing.size > this.maxMissing) {
      const entry = this.missing.shiftValue() as MissingHedge;
      this.missingFills -= entry.fills;
      changed.delete(entry.orderId);
    }
  }

  private rememberEarlyHedge(orderId: string, at: number): void {
    this.earlyHedges.set(orderId, at);
    if (this.earlyHedges.size > this.maxPending) this.earlyHedges.shiftValue();
  }
}

function validGrace(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`hedge grace must be >= 0 ms, got ${ms}`);
  return ms;
}
