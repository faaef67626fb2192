import { LinkedMap } from '../store/linked-map';
import type { MissingHedge, MissingHedgeReport } from '../store/snapshot';
import { HedgeCoverage, type PendingFill } from './hedge-coverage';

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

/** What a declined hedge the watch saw left behind. */
export interface LostHedge {
  /**
   * A hedge of the order with nothing to cover, seen after the declined one or shortly
   * before its decline (a retry whose broadcast overtook the decline's), covers what the
   * declined one did.
   */
  replaced: boolean;
  /** Fills pushed out early by the size limit as the declined hedge's fills wait again. */
  missing: NewlyMissingHedge[];
}

export interface HedgeWatchOptions {
  /** How long a fill may wait for its hedge. Default 15 s. */
  graceMs?: number;
  /** Most fills waiting at once; beyond it the oldest is reported missing early. Default 10,000. */
  maxPendingFills?: number;
  /**
   * Most hedges (and fills they cover) remembered for their decline; one declined after
   * more newer ones came is judged by its order (onUnseenHedgeLost). Default 2,000.
   */
  maxRememberedHedges?: number;
  /** Most orders listed as missing a hedge; beyond it the oldest is forgotten. Default 5,000. */
  maxMissingOrders?: number;
}

/**
 * How far a hedge's broadcast may run ahead of its fill's (they come on different channels):
 * a hedge that took over another's fill but came this close before a new fill is that one's.
 */
const HEDGE_LEAD_MS = 2_000;

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Tracks fills until a hedge covers them. A non-declined hedge for an order covers all of
 * its waiting fills; a fill still uncovered when its grace period ends is missing a hedge
 * until a (late) hedge for its order arrives. A declined hedge gives back what it covered
 * (hedge-coverage.ts). Pure: time comes in as arguments.
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
   * What each hedge covers. A hedge that finds nothing of its order waiting is an early
   * one: the feed may deliver a hedge before the fill it covers (different channels), so a
   * fill shortly after is covered by it.
   */
  private readonly coverage: HedgeCoverage;

  constructor(options: HedgeWatchOptions = {}) {
    this.grace = validGrace(options.graceMs ?? 15_000);
    this.maxPending = Math.max(1, Math.floor(options.maxPendingFills ?? 10_000));
    this.maxMissing = Math.max(1, Math.floor(options.maxMissingOrders ?? 5_000));
    this.coverage = new HedgeCoverage(
      Math.max(1, Math.floor(options.maxRememberedHedges ?? 2_000)),
    );
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
    const pending = this.newFill(fill);
    if (this.coverEarly(pending)) return [];
    this.enqueue(pending);
    return this.trimPending();
  }

  /**
   * A placed or pending hedge `betId` for the order: covers its waiting fills and clears its
   * missing ones. One that finds none takes over the newest fill a hedge of the order
   * covers with others, else waits as an early hedge. A hedge seen before is not news.
   * Returns the cleared missing entry, if there was one.
   */
  onHedge(orderId: string, betId: string, at: number): MissingHedge | null {
    if (this.coverage.get(betId)) return null;
    const fills: PendingFill[] = [];
    const missing = this.release(orderId, Number.POSITIVE_INFINITY, fills);
    const tookFrom =
      fills.length === 0 ? this.coverage.takeSharedFill(orderId, at - this.grace, fills) : null;
    this.coverage.add(betId, orderId, at, fills, tookFrom);
    return missing;
  }

  /**
   * A hedge for the order, placed by `upTo` (epoch ms; default: whenever): clears its fills
   * seen by then, waiting or missing, like onHedge, but is not remembered as an early hedge.
   * For a hedge the feed never broadcast (a REST merge found it): it covers what came before
   * it, not a fill still to come. Returns the cleared missing entry, if there was one.
   */
  cover(orderId: string, upTo = Number.POSITIVE_INFINITY): MissingHedge | null {
    return this.release(orderId, upTo);
  }

  /**
   * The hedge `betId` was declined at `at`: the fills it covered wait for a hedge again,
   * with a fresh grace period, unless a hedge of the order seen since with nothing to
   * cover takes them over (its retry). Null when the watch does not know what it covered
   * (it never saw the hedge, forgot it, or saw it early with no fill since): see
   * onUnseenHedgeLost.
   */
  onHedgeLost(betId: string, at: number): LostHedge | null {
    const cover = this.coverage.get(betId);
    if (!cover) return null;
    this.coverage.remove(betId);
    if (cover.fills.length === 0) {
      // An early hedge declined before its fill came covers nothing; an old one, unknown.
      return Math.abs(at - cover.at) <= this.grace ? { replaced: false, missing: [] } : null;
    }
    const retry = this.coverage.replacementOf(cover, at, this.grace);
    for (const fill of cover.fills) {
      fill.at = at;
      if (retry) this.coverage.addFill(retry, fill);
      else this.enqueue(fill);
    }
    return { replaced: retry !== undefined, missing: retry ? [] : this.trimPending() };
  }

  /**
   * The hedge `betId` was declined and replaced by one the watch never saw (a merge found
   * it): what it covered stays covered, and it is forgotten.
   */
  forgetHedge(betId: string): void {
    this.coverage.remove(betId);
  }

  /**
   * A hedge of the order the watch knows nothing of was declined, and no replacement is
   * live: the order's matched stake (`fill`) is unhedged again and gets a fresh grace period,
   * unless fills of the order are already waiting or missing (or an early hedge covers it).
   */
  onUnseenHedgeLost(fill: WatchedFill): LostHedge {
    if (this.pendingByOrder.has(fill.orderId) || this.missing.has(fill.orderId)) {
      return { replaced: false, missing: [] };
    }
    const pending = this.newFill(fill);
    if (this.coverEarly(pending)) return { replaced: true, missing: [] };
    this.enqueue(pending);
    return { replaced: false, missing: this.trimPending() };
  }

  /** Moves fills whose grace period has ended to the missing list; returns what changed. */
  expire(now: number): NewlyMissingHedge[] {
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
    this.coverage.shiftTimes(deltaMs);
  }

  report(): MissingHedgeReport {
    const orders: MissingHedge[] = [];
    for (const entry of this.missing.values()) orders.push({ ...entry });
    return { fillsMissingHedge: this.missingFills, orders };
  }

  private newFill(fill: WatchedFill): PendingFill {
    return {
      id: this.nextFillId++,
      orderId: fill.orderId,
      stake: Number.isFinite(fill.stake) ? fill.stake : 0,
      exchange: text(fill.exchange),
      fixtureId: text(fill.fixtureId),
      at: fill.at,
      fills: 1,
    };
  }

  /**
   * Whether an early hedge of the fill's order covers it: one seen within the grace period
   * with nothing to cover, or one that took over another's fill just before (takeBackShared).
   */
  private coverEarly(fill: PendingFill): boolean {
    const early =
      this.coverage.earlyHedge(fill.orderId, fill.at, this.grace) ??
      this.coverage.takeBackShared(fill.orderId, fill.at, Math.min(this.grace, HEDGE_LEAD_MS));
    if (early) this.coverage.addFill(early, fill);
    return early !== undefined;
  }

  private enqueue(fill: PendingFill): void {
    this.pending.set(fill.id, fill);
    const ids = this.pendingByOrder.get(fill.orderId);
    if (ids) ids.push(fill.id);
    else this.pendingByOrder.set(fill.orderId, [fill.id]);
  }

  /** Reports the oldest waiting fills missing early while more wait than the limit allows. */
  private trimPending(): NewlyMissingHedge[] {
    if (this.pending.size <= this.maxPending) return [];
    const changed = new Map<string, NewlyMissingHedge>();
    while (this.pending.size > this.maxPending) {
      this.markMissing(this.pending.shiftValue() as PendingFill, changed);
    }
    return [...changed.values()];
  }

  /**
   * Clears the order's fills seen by `upTo`, waiting or missing, moving them into `into`
   * when given (the missing ones as one). Returns the cleared missing entry, if any.
   */
  private release(orderId: string, upTo: number, into?: PendingFill[]): MissingHedge | null {
    const missing = this.missing.get(orderId);
    const cleared = missing && missing.since <= upTo ? missing : undefined;
    if (cleared) {
      this.missing.delete(orderId);
      this.missingFills -= cleared.fills;
      into?.push({
        id: this.nextFillId++,
        orderId,
        stake: cleared.stake,
        exchange: cleared.exchange,
        fixtureId: cleared.fixtureId,
        at: cleared.since,
        fills: cleared.fills,
      });
    }
    const waiting = this.pendingByOrder.get(orderId);
    if (waiting) {
      const later: number[] = [];
      for (const id of waiting) {
        const fill = this.pending.get(id);
        if (fill !== undefined && fill.at > upTo) later.push(id);
        else if (fill !== undefined) {
          this.pending.delete(id);
          into?.push(fill);
        }
      }
      if (later.length > 0) this.pendingByOrder.set(orderId, later);
      else this.pendingByOrder.delete(orderId);
    }
    return cleared ? { ...cleared } : null;
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
    entry.fills += fill.fills;
    entry.since = Math.min(entry.since, fill.at);
    entry.exchange ??= fill.exchange;
    entry.fixtureId ??= fill.fixtureId;
    this.missingFills += fill.fills;

    const news = changed.get(fill.orderId);
    if (news) {
      news.newFills += fill.fills;
      news.newStake += fill.stake;
      Object.assign(news, { stake: entry.stake, fills: entry.fills, since: entry.since });
    } else {
      changed.set(fill.orderId, { ...entry, newFills: fill.fills, newStake: fill.stake });
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
}

function validGrace(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`hedge grace must be >= 0 ms, got ${ms}`);
  return ms;
}
