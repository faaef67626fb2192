import type { Gap } from '../../common/domain/connection';
import type { ErrorRecord, FeedEvent } from '../../common/domain/events';
import { missingHedgeOrderCount } from '../../common/domain/feed-state';
import type { NotificationIntent } from '../../common/domain/notifications';
import type { FeedStatus } from '../../common/domain/status';
import type { DayCounters, MissingHedgeReport } from '../../common/ipc/app-snapshot';
import type { PushSender } from '../../common/ipc/contract';
import { MAX_PUSH_BYTES, type PushBatch } from '../../common/ipc/push-batch';
import type { FeedEngineEvents } from '../engine';
import { jsonBytes } from './json-bytes';
import { clipNotification, clipText } from './push-clip';

export interface PushTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface PushBatcherOptions {
  send: PushSender;
  /** Whether any window is open to receive; when none is, output is discarded. */
  hasReceivers?: () => boolean;
  /**
   * Counters and missing hedges to attach to each batch (read at flush time). A change
   * in them is pushed on its own after pushSummary(), e.g. when a hedge goes missing or
   * a new day begins in a quiet feed.
   */
  summarize?: () => { counters?: DayCounters; missingHedges?: MissingHedgeReport };
  /** Least time between two batches; 17 ms keeps to 60 a second at most. */
  minIntervalMs?: number;
  /** Serialised size every batch stays under (UTF-8 bytes of its JSON). */
  maxPushBytes?: number;
  /** Events carried over to later frames before the oldest are dropped, in bytes. */
  maxBacklogBytes?: number;
  now?: () => number;
  timers?: PushTimers;
}

export interface PushBatcherStats {
  pushes: number;
  eventsSent: number;
  eventsDropped: number;
  /** Notifications, errors or gaps too large for any batch, left out (counted in `dropped`). */
  oversizedDropped: number;
  /** The largest batch sent, in bytes of its JSON. */
  largestPushBytes: number;
}

const DEFAULT_MIN_INTERVAL_MS = 17;
/** Missing-hedge lists are cut to this share of a batch. */
const MISSING_HEDGES_SHARE = 1 / 4;
/** `,"dropped":` and the longest count. */
const DROPPED_FIELD_BYTES = 11 + 16;
/** `,"restarted":true` */
const RESTARTED_FIELD_BYTES = ',"restarted":true'.length;
/** Starting guess of an event's size, until some have been measured. */
const INITIAL_EVENT_BYTES = 1_000;

type Queued<T> = { item: T; bytes: number };

/** What the batcher takes from a feed source: FeedEngine's events (FeedController passes them on). */
export type PushSourceEvents = FeedEngineEvents;

export interface PushSource {
  on<K extends keyof PushSourceEvents>(
    event: K,
    listener: (...args: PushSourceEvents[K]) => void,
  ): () => void;
}

/**
 * Gathers what the engine produces and pushes it to the windows as 'push:batch', at most
 * one batch per frame (so never more than 60 a second), each under maxPushBytes.
 *
 * Taking input is O(1): an event is only appended. Sizes are measured when a batch is
 * built, and only for what goes into it, so the cost per second is bounded by what can
 * be sent, whatever the input rate. Status is coalesced (the latest wins). The summary
 * (counters, missing hedges) rides along with every batch; after pushSummary() (a tick
 * of the engine) a change in it alone makes a batch too. Gaps, notifications and errors
 * that do not fit wait for the next frame, never dropped for lack of room: their texts
 * and target ids are clipped when taken, so each fits an empty batch (one that still
 * could not is dropped and counted in `dropped`, not left to hold up all that follow).
 * Events that do not fit wait too, up to maxBacklogBytes (about four batches); beyond
 * that the oldest are dropped and counted in the next batch's `dropped`, as is an event
 * too large for any batch.
 */
export class PushBatcher {
  private readonly options: Required<Omit<PushBatcherOptions, 'summarize'>> &
    Pick<PushBatcherOptions, 'summarize'>;
  private status: FeedStatus | undefined;
  private events: FeedEvent[] = [];
  private readonly gaps: Queued<Gap>[] = [];
  private readonly notifications: Queued<NotificationIntent>[] = [];
  private readonly errors: Queued<ErrorRecord>[] = [];
  private dropped = 0;
  /** Queued items too large for any batch, left out since the last batch. */
  private oversized = 0;
  private restarted = false;
  /** The counters and missing hedges of the last batch sent, as JSON. */
  private sentSummary = '';
  private averageEventBytes = INITIAL_EVENT_BYTES;
  private timer: unknown;
  private lastPushAt = Number.NEGATIVE_INFINITY;
  private disposed = false;
  private readonly counts: PushBatcherStats = {
    pushes: 0,
    eventsSent: 0,
    eventsDropped: 0,
    oversizedDropped: 0,
    largestPushBytes: 0,
  };

  constructor(options: PushBatcherOptions) {
    const maxPushBytes = options.maxPushBytes ?? MAX_PUSH_BYTES - 1;
    this.options = {
      send: options.send,
      summarize: options.summarize,
      hasReceivers: options.hasReceivers ?? (() => true),
      minIntervalMs: options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS,
      maxPushBytes,
      maxBacklogBytes: options.maxBacklogBytes ?? 4 * maxPushBytes,
      now: options.now ?? (() => performance.now()),
      timers: options.timers ?? {
        set: (callback, ms) => setTimeout(callback, ms),
        clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      },
    };
  }

  /** Takes everything a feed source emits (the engine, or the controller around it). */
  listenTo(source: PushSource): () => void {
    const unsubscribers = [
      source.on('status', this.pushStatus),
      source.on('event', this.pushEvent),
      source.on('notification', this.pushNotification),
      source.on('error', this.pushError),
      source.on('gap', this.pushGap),
      source.on('tick', this.pushSummary),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }

  /** The feed restarted (FeedController 'restarted'): the next batch says so. */
  readonly pushRestart = (): void => {
    if (this.disposed) return;
    this.restarted = true;
    this.schedule();
  };

  readonly pushStatus = (status: FeedStatus): void => {
    if (this.disposed) return;
    this.status = clipText(status, 'reason');
    this.schedule();
  };

  readonly pushEvent = (event: FeedEvent): void => {
    if (this.disposed) return;
    this.events.push(event);
    this.schedule();
  };

  readonly pushNotification = (intent: NotificationIntent): void => {
    this.enqueue(this.notifications, clipNotification(intent));
  };

  readonly pushError = (error: ErrorRecord): void => {
    this.enqueue(this.errors, clipText(error, 'message'));
  };

  readonly pushGap = (gap: Gap): void => {
    this.enqueue(this.gaps, gap);
  };

  /** The summary may have changed with no event: a batch follows when it did. */
  readonly pushSummary = (): void => {
    if (this.disposed || this.options.summarize === undefined) return;
    this.schedule();
  };

  stats(): PushBatcherStats {
    return { ...this.counts };
  }

  /** Stops the timer and forgets anything not yet sent. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.options.timers.clear(this.timer);
    this.timer = undefined;
    this.discardPending();
  }

  private enqueue<T>(queue: Queued<T>[], item: T): void {
    if (this.disposed) return;
    queue.push({ item, bytes: jsonBytes(item) });
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.disposed) return;
    const wait = Math.max(0, this.lastPushAt + this.options.minIntervalMs - this.options.now());
    this.timer = this.options.timers.set(() => this.onTimer(), wait);
  }

  private onTimer(): void {
    this.timer = undefined;
    const now = this.options.now();
    // A timer may fire a little early by this clock; the spacing is what caps the rate.
    if (now < this.lastPushAt + this.options.minIntervalMs) {
      this.schedule();
      return;
    }
    if (!this.options.hasReceivers()) {
      this.discardPending();
      return;
    }
    const batch = this.build();
    if (batch === null) return;
    this.sentSummary = batch.summary;
    this.lastPushAt = now;
    this.options.send('push:batch', batch.value);
    this.counts.pushes++;
    this.counts.eventsSent += batch.value.events.length;
    this.counts.largestPushBytes = Math.max(this.counts.largestPushBytes, batch.bytes);
    if (this.hasPending()) this.schedule();
  }

  private build(): { value: PushBatch; bytes: number; summary: string } | null {
    const limit = this.options.maxPushBytes - DROPPED_FIELD_BYTES - RESTARTED_FIELD_BYTES;
    const batch: PushBatch = { events: [], notifications: [], errors: [], gaps: [] };
    const size = new BatchSize();
    if (this.status !== undefined) {
      batch.status = this.status;
      size.addField('status', jsonBytes(this.status));
      this.status = undefined;
    }
    const summary = this.options.summarize?.();
    let summaryText = '';
    if (summary?.counters !== undefined) {
      batch.counters = summary.counters;
      const text = JSON.stringify(summary.counters);
      size.addField('counters', Buffer.byteLength(text));
      summaryText += text;
    }
    if (summary?.missingHedges !== undefined) {
      const fitted = fitMissingHedges(summary.missingHedges, limit * MISSING_HEDGES_SHARE);
      batch.missingHedges = fitted.report;
      size.addField('missingHedges', fitted.bytes);
      summaryText += `|${fitted.text}`;
    }
    this.takeQueued(this.gaps, batch.gaps, 'gaps', size, limit);
    this.takeQueued(this.notifications, batch.notifications, 'notifications', size, limit);
    this.takeQueued(this.errors, batch.errors, 'errors', size, limit);
    this.takeEvents(batch.events, size, limit);
    if (this.restarted) {
      batch.restarted = true;
      size.addField('restarted', 4);
      this.restarted = false;
    }
    if (this.dropped + this.oversized > 0) {
      batch.dropped = this.dropped + this.oversized;
      size.addField('dropped', String(batch.dropped).length);
      this.counts.eventsDropped += this.dropped;
      this.counts.oversizedDropped += this.oversized;
      this.dropped = 0;
      this.oversized = 0;
    }
    const empty =
      summaryText === this.sentSummary &&
      batch.status === undefined &&
      batch.dropped === undefined &&
      batch.restarted === undefined &&
      batch.events.length + batch.notifications.length + batch.errors.length + batch.gaps.length ===
        0;
    return empty ? null : { value: batch, bytes: size.total, summary: summaryText };
  }

  /**
   * Oldest first, while they fit; the rest wait for the next batch. One too large for
   * any batch is dropped and counted, or it would hold up every later one for good.
   */
  private takeQueued<T>(
    queue: Queued<T>[],
    into: T[],
    list: ListName,
    size: BatchSize,
    limit: number,
  ): void {
    let taken = 0;
    while (taken < queue.length) {
      const next = queue[taken]!;
      if (size.total + size.itemCost(list, next.bytes) <= limit) {
        size.addItem(list, next.bytes);
        into.push(next.item);
        taken++;
        continue;
      }
      if (EMPTY_BATCH_BYTES + next.bytes > limit) {
        queue.splice(taken, 1);
        this.oversized++;
        continue;
      }
      break;
    }
    queue.splice(0, taken);
  }

  private takeEvents(into: FeedEvent[], size: BatchSize, limit: number): void {
    this.trimBacklog();
    let taken = 0;
    let measured = 0;
    let measuredBytes = 0;
    while (taken < this.events.length) {
      const bytes = jsonBytes(this.events[taken]);
      measured++;
      measuredBytes += bytes;
      if (size.total + size.itemCost('events', bytes) <= limit) {
        size.addItem('events', bytes);
        into.push(this.events[taken]!);
        taken++;
        continue;
      }
      if (EMPTY_BATCH_BYTES + bytes > limit) {
        // Too large for any batch: dropped, in its place in the order.
        this.events.splice(taken, 1);
        this.dropped++;
        continue;
      }
      break;
    }
    this.events.splice(0, taken);
    if (measured > 0) {
      this.averageEventBytes = 0.8 * this.averageEventBytes + 0.2 * (measuredBytes / measured);
    }
  }

  /** Keeps the newest events that fit the backlog by their average size; drops the rest. */
  private trimBacklog(): void {
    const keep = Math.max(1, Math.floor(this.options.maxBacklogBytes / this.averageEventBytes));
    const excess = this.events.length - keep;
    if (excess <= 0) return;
    this.events.splice(0, excess);
    this.dropped += excess;
  }

  private hasPending(): boolean {
    return (
      this.status !== undefined ||
      this.events.length > 0 ||
      this.gaps.length > 0 ||
      this.notifications.length > 0 ||
      this.errors.length > 0 ||
      this.dropped > 0 ||
      this.oversized > 0 ||
      this.restarted
    );
  }

  private discardPending(): void {
    this.status = undefined;
    this.events = [];
    this.gaps.length = 0;
    this.notifications.length = 0;
    this.errors.length = 0;
    this.dropped = 0;
    this.oversized = 0;
    this.restarted = false;
  }
}

type ListName = 'events' | 'notifications' | 'errors' | 'gaps';

/** `{"events":[],"notifications":[],"errors":[],"gaps":[]}` */
const EMPTY_BATCH_BYTES = '{"events":[],"notifications":[],"errors":[],"gaps":[]}'.length;

/** The exact JSON size of a batch as it is built, from the measured sizes of its parts. */
class BatchSize {
  total = EMPTY_BATCH_BYTES;
  private readonly lengths: Record<ListName, number> = {
    events: 0,
    notifications: 0,
    errors: 0,
    gaps: 0,
  };

  addField(name: string, valueBytes: number): void {
    this.total += 1 + fieldCost(name, valueBytes);
  }

  itemCost(list: ListName, bytes: number): number {
    return bytes + (this.lengths[list] > 0 ? 1 : 0);
  }

  addItem(list: ListName, bytes: number): void {
    this.total += this.itemCost(list, bytes);
    this.lengths[list]++;
  }
}

function fieldCost(name: string, valueBytes: number): number {
  return name.length + 3 + valueBytes;
}

/** The oldest orders that fit in maxBytes; `ordersMissingHedge` still counts them all. */
function fitMissingHedges(
  full: MissingHedgeReport,
  maxBytes: number,
): { report: MissingHedgeReport; bytes: number; text: string } {
  const report = { ...full, ordersMissingHedge: missingHedgeOrderCount(full) };
  let fitted = report;
  let text = JSON.stringify(fitted);
  let bytes = Buffer.byteLength(text);
  while (bytes > maxBytes && fitted.orders.length > 0) {
    const keep = Math.floor((fitted.orders.length * maxBytes) / bytes);
    fitted = {
      ...report,
      orders: report.orders.slice(0, Math.min(keep, fitted.orders.length - 1)),
    };
    text = JSON.stringify(fitted);
    bytes = Buffer.byteLength(text);
  }
  return { report: fitted, bytes, text };
}
