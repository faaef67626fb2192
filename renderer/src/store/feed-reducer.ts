import type { Gap } from '../../../common/domain/connection';
import type { ErrorRecord, FeedEvent } from '../../../common/domain/events';
import type { NotificationIntent } from '../../../common/domain/notifications';
import {
  isFinishedBet,
  isFinishedOrder,
  isFinishedScore,
} from '../../../common/domain/record-status';
import type { FeedStatus } from '../../../common/domain/status';
import type { AppSnapshot, DayCounters, EmergencyState } from '../../../common/ipc/app-snapshot';
import type { PushBatch } from '../../../common/ipc/push-batch';
import type {
  AccountPayload,
  BetPayload,
  OrderPayload,
  ScorePayload,
} from '../../../common/protocol/payloads';
import { parseTimestamp } from '../../../common/timestamps';
import { prependNewest, RecordMap, setBounded } from './bounded-map';
import type { DashboardState, FeedEntry, StoreLimits } from './dashboard-state';
import { MapView } from './map-view';
import { accountKey, hedgeState } from './record-keys';

/**
 * The state a snapshot describes, replacing what the feed showed before (a snapshot is
 * complete: after a resync or a restarted feed nothing older is kept). What the user set
 * up in this window (navigation) survives.
 */
export function stateFromSnapshot(
  snapshot: AppSnapshot,
  previous: DashboardState,
  limits: StoreLimits,
): DashboardState {
  const base: DashboardState = {
    ...previous,
    load: 'ready',
    loadError: null,
    status: snapshot.status,
    settings: snapshot.settings,
    keyStatus: snapshot.keyStatus,
    demo: snapshot.demo,
    quietUntil: snapshot.quietUntil,
    entries: [],
    lastEventAt: null,
    orders: new Map(),
    bets: new Map(),
    accounts: new Map(),
    scores: new Map(),
    emergency: snapshot.feed.emergency,
    counters: snapshot.feed.counters,
    missingHedges: snapshot.feed.missingHedges,
    notifications: prependNewest([], snapshot.notifications, limits.notifications),
    errors: prependNewest([], snapshot.errors, limits.errors),
    gaps: prependNewest([], snapshot.gaps, limits.gaps),
    trading: snapshot.trading ?? previous.trading,
  };
  const draft = new FeedDraft(base, limits);
  for (const order of snapshot.feed.orders) draft.putOrder(order);
  for (const bet of snapshot.feed.bets) draft.putBet(bet);
  for (const account of snapshot.feed.accounts) draft.putAccount(account);
  for (const score of snapshot.feed.scores) draft.putScore(score);
  draft.addEntries(snapshot.feed.recentEvents);
  draft.setStatus(snapshot.status);
  const state = draft.finish();
  // The snapshot's emergency and counters already include its recent events.
  return { ...state, emergency: base.emergency, counters: base.counters };
}

export interface ApplyOptions {
  /**
   * Batches that arrived while a snapshot was being fetched: only events after the
   * snapshot's last one are new, and the rest of each batch may already be in it.
   */
  joinAfterSeq?: number;
}

/** The state after some pushed batches, oldest first. */
export function applyBatches(
  state: DashboardState,
  batches: readonly PushBatch[],
  limits: StoreLimits,
  options: ApplyOptions = {},
): DashboardState {
  const draft = new FeedDraft(state, limits);
  const joining = options.joinAfterSeq !== undefined;
  for (const batch of batches) {
    const events =
      options.joinAfterSeq === undefined
        ? batch.events
        : batch.events.filter((event) => event.seq > (options.joinAfterSeq ?? 0));
    draft.applyEvents(events, batch.counters === undefined);
    if (batch.status && (!joining || isNewerStatus(batch.status, state.status))) {
      draft.setStatus(batch.status);
    }
    if (batch.counters && !joining) draft.setCounters(batch.counters);
    if (batch.missingHedges && !joining) draft.setMissingHedges(batch.missingHedges);
    draft.addNotifications(batch.notifications, joining);
    draft.addErrors(batch.errors, joining);
    draft.addGaps(batch.gaps, joining);
  }
  return draft.finish();
}

function isNewerStatus(status: FeedStatus, current: FeedStatus | null): boolean {
  return current === null || status.since >= current.since;
}

/**
 * A state being changed. A collection written to gets a new MapView over the same Map
 * (changed in place: copying thousands of records each frame would cost more than the
 * rest of the frame); one not written to keeps its identity, so what reads only it does
 * not render again.
 */
class FeedDraft {
  private orders: RecordMap<string, OrderPayload> | null = null;
  private bets: RecordMap<string, BetPayload> | null = null;
  private accounts: Map<string, AccountPayload> | null = null;
  private scores: RecordMap<string, ScorePayload> | null = null;
  private readonly added: FeedEntry[] = [];
  private next: DashboardState;

  constructor(
    base: DashboardState,
    private readonly limits: StoreLimits,
  ) {
    this.next = { ...base };
  }

  finish(): DashboardState {
    const next = this.next;
    if (this.orders) next.orders = new MapView(this.orders);
    if (this.bets) next.bets = new MapView(this.bets);
    if (this.accounts) next.accounts = new MapView(this.accounts);
    if (this.scores) next.scores = new MapView(this.scores);
    if (this.added.length > 0) {
      next.entries = prependNewest(next.entries, this.added, this.limits.events);
    }
    return next;
  }

  addEntries(events: readonly FeedEvent[]): void {
    for (const event of events) {
      this.added.push({ id: ++this.next.eventsReceived, event });
      if (Number.isFinite(event.receivedAt)) {
        this.next.lastEventAt = Math.max(this.next.lastEventAt ?? 0, event.receivedAt);
      }
    }
    // Only the newest ever show; holding more until finish() would grow with a burst.
    if (this.added.length > 2 * this.limits.events) {
      this.added.splice(0, this.added.length - this.limits.events);
    }
  }

  /** Events into the list and the records; `countLocally` when the batch has no counters. */
  applyEvents(events: readonly FeedEvent[], countLocally: boolean): void {
    if (events.length === 0) return;
    this.addEntries(events);
    const counters = countLocally ? { ...this.next.counters } : null;
    for (const event of events) this.applyRecord(event, counters);
    if (counters) this.next.counters = counters;
  }

  private applyRecord(event: FeedEvent, counters: DayCounters | null): void {
    if (counters) counters.events++;
    switch (event.channel) {
      case 'orders': {
        const before = (this.orders ?? this.next.orders).get(event.record.orderId);
        const after = this.putOrder(event.record);
        if (counters) countFill(counters, before, after);
        return;
      }
      case 'bets': {
        const before = (this.bets ?? this.next.bets).get(event.record.betId);
        const after = this.putBet(event.record);
        if (counters) countHedge(counters, before, after);
        return;
      }
      case 'accounts':
        this.putAccount(event.record);
        return;
      case 'scores':
        this.putScore(event.record);
        return;
      case 'emergency':
        this.next.emergency = emergencyFrom(event);
        return;
    }
  }

  putOrder(record: OrderPayload): OrderPayload {
    this.orders ??= writableRecords(this.next.orders, this.limits.orders, isFinishedOrder);
    const stored = this.orders.get(record.orderId);
    const merged = stored ? { ...stored, ...record } : record;
    this.orders.set(record.orderId, merged);
    return merged;
  }

  putBet(record: BetPayload): BetPayload {
    this.bets ??= writableRecords(this.next.bets, this.limits.bets, isFinishedBet);
    const stored = this.bets.get(record.betId);
    const merged = stored ? { ...stored, ...record } : record;
    this.bets.set(record.betId, merged);
    return merged;
  }

  putAccount(record: AccountPayload): void {
    this.accounts ??= MapView.writable(this.next.accounts);
    const key = accountKey(record);
    const stored = this.accounts.get(key);
    setBounded(
      this.accounts,
      key,
      stored ? { ...stored, ...record } : record,
      this.limits.accounts,
    );
  }

  putScore(record: ScorePayload): void {
    this.scores ??= writableRecords(this.next.scores, this.limits.scores, isFinishedScore);
    const stored = this.scores.get(record.fixtureId);
    let merged = record;
    if (stored) {
      merged = { ...stored, ...record };
      if (stored.scores && record.scores) merged.scores = { ...stored.scores, ...record.scores };
    }
    this.scores.set(record.fixtureId, merged);
  }

  setStatus(status: FeedStatus): void {
    this.next.status = status;
    if (status.emergency) {
      this.next.emergency = {
        active: true,
        reason: status.emergencyReason ?? this.next.emergency.reason,
        since: status.emergencySince ?? this.next.emergency.since,
      };
    } else if (this.next.emergency.active) {
      this.next.emergency = { active: false, reason: null, since: status.since };
    }
  }

  setCounters(counters: DayCounters): void {
    this.next.counters = counters;
  }

  setMissingHedges(report: DashboardState['missingHedges']): void {
    this.next.missingHedges = report;
  }

  addNotifications(items: readonly NotificationIntent[], dedupe: boolean): void {
    const fresh = dedupe ? unseen(items, this.next.notifications, notificationKey) : items;
    if (fresh.length === 0) return;
    this.next.notifications = prependNewest(
      this.next.notifications,
      fresh,
      this.limits.notifications,
    );
  }

  addErrors(items: readonly ErrorRecord[], dedupe: boolean): void {
    const fresh = dedupe ? unseen(items, this.next.errors, (e) => `${e.at}|${e.message}`) : items;
    if (fresh.length === 0) return;
    this.next.errors = prependNewest(this.next.errors, fresh, this.limits.errors);
  }

  addGaps(items: readonly Gap[], dedupe: boolean): void {
    const fresh = dedupe ? unseen(items, this.next.gaps, (g) => `${g.from}|${g.to}`) : items;
    if (fresh.length === 0) return;
    this.next.gaps = prependNewest(this.next.gaps, fresh, this.limits.gaps);
  }
}

/** The RecordMap behind a view, to change in place; any other map is copied into one. */
function writableRecords<V>(
  map: ReadonlyMap<string, V>,
  limit: number,
  isFinished: (value: V) => boolean,
): RecordMap<string, V> {
  const inner = map instanceof MapView ? MapView.writable(map) : null;
  return inner instanceof RecordMap && inner.limit === limit
    ? inner
    : RecordMap.of(map, limit, isFinished);
}

function notificationKey(n: NotificationIntent): string {
  return `${n.at}|${n.kind}|${n.title}|${n.body}`;
}

function unseen<T>(items: readonly T[], known: readonly T[], key: (item: T) => string): T[] {
  if (items.length === 0) return [];
  const seen = new Set(known.map(key));
  return items.filter((item) => !seen.has(key(item)));
}

function emergencyFrom(event: FeedEvent & { channel: 'emergency' }): EmergencyState {
  const { record } = event;
  return {
    active: record.emergency === true,
    reason: typeof record.reason === 'string' ? record.reason : null,
    since: parseTimestamp(record.triggeredAt) ?? event.receivedAt,
  };
}

/** Today's fills, as main counts them: each growth of an order's matched stake. */
function countFill(counters: DayCounters, before: OrderPayload | undefined, after: OrderPayload) {
  const was = typeof before?.matchedStake === 'number' ? before.matchedStake : 0;
  const now = typeof after.matchedStake === 'number' ? after.matchedStake : was;
  if (now > was + 1e-9) {
    counters.fills++;
    counters.matchedStake += now - was;
  }
}

function countHedge(counters: DayCounters, before: BetPayload | undefined, after: BetPayload) {
  const state = hedgeState(after);
  if (before && hedgeState(before) === state) return;
  if (state === 'placed') counters.hedgesPlaced++;
  else if (state === 'pending') counters.hedgesPending++;
  else if (state === 'declined') counters.hedgesDeclined++;
}
