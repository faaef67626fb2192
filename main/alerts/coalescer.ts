import type { NotificationIntent, NotificationKind } from '../../common/domain/notifications';

/** One thing worth telling, before coalescing. */
export interface Notice {
  kind: NotificationKind;
  /** How many events it stands for (a missing hedge may cover several fills). */
  count: number;
  /** Stake involved, for summaries; 0 when not applicable. */
  stake: number;
  /** Exchange or bookmaker, for summaries. */
  venue: string | null;
  orderId: string | null;
  /** The notification for this notice alone. */
  render: (at: number) => NotificationIntent;
}

/** What a burst of notices of one kind adds up to. */
export interface BurstSummary {
  kind: NotificationKind;
  /** Events in the burst (sum of notice counts). */
  count: number;
  stake: number;
  /** Distinct venues, in order of appearance (at most MAX_NAMES kept). */
  venues: string[];
  venueCount: number;
  /** Distinct order ids, in order of appearance (at most MAX_NAMES kept). */
  orderIds: string[];
  orderCount: number;
}

const MAX_NAMES = 5;
/** Distinct values counted per burst; beyond it counts stop growing (memory stays bounded). */
const MAX_DISTINCT = 1_000;

class DistinctNames {
  private readonly seen = new Set<string>();
  readonly shown: string[] = [];

  add(name: string | null): void {
    if (name === null || this.seen.size >= MAX_DISTINCT || this.seen.has(name)) return;
    this.seen.add(name);
    if (this.shown.length < MAX_NAMES) this.shown.push(name);
  }

  get count(): number {
    return this.seen.size;
  }
}

interface Burst {
  /** Notices in this window go into the summary sent when it ends. */
  windowEnd: number;
  notices: number;
  count: number;
  stake: number;
  venues: DistinctNames;
  orders: DistinctNames;
  first: Notice | null;
}

function emptyBurst(windowEnd: number): Burst {
  return {
    windowEnd,
    notices: 0,
    count: 0,
    stake: 0,
    venues: new DistinctNames(),
    orders: new DistinctNames(),
    first: null,
  };
}

/**
 * Per-kind burst coalescing: the first notice of a kind goes out at once and opens a window;
 * notices of that kind within the window are merged into one summary sent when it ends,
 * which opens the next window. Nothing is dropped and nothing waits longer than a window.
 */
export class Coalescer {
  private readonly bursts = new Map<NotificationKind, Burst>();
  /** nextDeadline(), kept until a window opens or ends (asked after every notice). */
  private deadline: number | null = null;
  private deadlineStale = false;

  constructor(
    private windowMs: number,
    private readonly summarise: (summary: BurstSummary, at: number) => NotificationIntent,
  ) {}

  setWindowMs(ms: number): void {
    this.windowMs = ms;
  }

  /** Adds the notice; pushes onto `out` what is due now (the notice itself, a summary). */
  add(notice: Notice, now: number, out: NotificationIntent[]): void {
    let burst = this.bursts.get(notice.kind);
    if (burst && burst.windowEnd <= now) {
      const summary = this.flush(notice.kind, burst, now);
      if (summary) out.push(summary);
      burst = this.bursts.get(notice.kind);
    }
    if (!burst) {
      this.bursts.set(notice.kind, emptyBurst(now + this.windowMs));
      out.push(notice.render(now));
      return;
    }
    if (burst.notices === 0) this.deadlineStale = true;
    burst.notices += 1;
    burst.count += notice.count;
    burst.stake += notice.stake;
    burst.venues.add(notice.venue);
    burst.orders.add(notice.orderId);
    burst.first ??= notice;
  }

  /** Summaries of every window that has ended by `now`. */
  flushDue(now: number): NotificationIntent[] {
    const out: NotificationIntent[] = [];
    for (const [kind, burst] of [...this.bursts]) {
      if (burst.windowEnd > now) continue;
      const summary = this.flush(kind, burst, now);
      if (summary) out.push(summary);
    }
    return out;
  }

  /** Moves every window's end by `deltaMs`: the wall clock they were read from was set. */
  shiftTimes(deltaMs: number): void {
    for (const burst of this.bursts.values()) burst.windowEnd += deltaMs;
    this.deadlineStale = true;
  }

  /** When the earliest window holding notices ends; empty windows need no wake-up. */
  nextDeadline(): number | null {
    if (!this.deadlineStale) return this.deadline;
    let next: number | null = null;
    for (const burst of this.bursts.values()) {
      if (burst.notices > 0 && (next === null || burst.windowEnd < next)) next = burst.windowEnd;
    }
    this.deadline = next;
    this.deadlineStale = false;
    return next;
  }

  private flush(kind: NotificationKind, burst: Burst, now: number): NotificationIntent | null {
    this.deadlineStale = true;
    if (burst.notices === 0) {
      this.bursts.delete(kind);
      return null;
    }
    // The window ended busy: keep coalescing what follows into the next one.
    this.bursts.set(kind, emptyBurst(now + this.windowMs));
    if (burst.notices === 1 && burst.first) return burst.first.render(now);
    return this.summarise(
      {
        kind,
        count: burst.count,
        stake: burst.stake,
        venues: burst.venues.shown,
        venueCount: burst.venues.count,
        orderIds: burst.orders.shown,
        orderCount: burst.orders.count,
      },
      now,
    );
  }
}
