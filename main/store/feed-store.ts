import type { FeedEvent } from '../../common/domain/events';
import type { AccountBroadcast, ScoreBroadcast } from '../../common/protocol/server-frames';
import { BoundedRecordMap } from './bounded-record-map';
import { DayCounter, type DayCounters, type DayStartFn, localDayStart } from './day-counters';
import { NO_EFFECTS, type StoreEffect } from './effects';
import { type EmergencyInput, type EmergencyState, EmergencyTracker } from './emergency-state';
import type { MergeNews } from './gap-news';
import { OrderBook } from './order-book';
import { RecentEvents } from './recent-events';
import {
  type AccountRecord,
  accountKey,
  type BetRecord,
  hedgeStatusOf,
  isFinishedOrder,
  isFinishedScore,
  isInactiveAccount,
  mergeRecord,
  type OrderRecord,
  type ScoreRecord,
} from './records';
import {
  type FeedSnapshot,
  type MissingHedgeReport,
  NO_MISSING_HEDGES,
  type StoreSizes,
} from './snapshot';

export interface FeedStoreOptions {
  /** Most orders kept; finished ones are evicted first. Default 10,000. */
  maxOrders?: number;
  /** Most hedge bets kept; declined or settled ones are evicted first. Default 10,000. */
  maxBets?: number;
  /** Most fixtures with scores kept; not-live ones are evicted first. Default 2,000. */
  maxScores?: number;
  /** Most accounts kept; inactive ones are evicted first. Default 500. */
  maxAccounts?: number;
  /** Recent broadcasts kept for the event list. Default 2,000. */
  recentCapacity?: number;
  /** Start of the day containing a time; decides when today's counters reset. Default: local midnight. */
  dayStart?: DayStartFn;
  /** Where the snapshot's missing-hedge list comes from (the notification policy's hedge watch). */
  missingHedges?: () => MissingHedgeReport;
}

/** State from another source (a REST snapshot) to fold into the store. */
export interface StoreMergeInput {
  orders?: readonly OrderRecord[];
  bets?: readonly BetRecord[];
  accounts?: readonly AccountRecord[];
  emergency?: EmergencyInput;
  /** Replace the given collections instead of merging into them. */
  replace?: boolean;
  /**
   * The copies were read when `accountBroadcasts` was this: an account a broadcast updated
   * since keeps the broadcast's state, as the copy is older.
   */
  accountsReadAt?: number;
  /**
   * The records may hold news: the feed was down from `news.since` and missed what happened
   * meanwhile. Orders whose matched stake grew then produce fills (FeedStore.merge).
   */
  news?: MergeNews;
}

/**
 * The feed's current state, built from broadcasts. Pure: no timers, no I/O; time comes in
 * as `now`. Every collection is bounded, so memory stays flat however long it runs.
 */
export class FeedStore {
  private readonly book: OrderBook;
  private readonly accounts: BoundedRecordMap<string, AccountRecord>;
  private readonly scores: BoundedRecordMap<string, ScoreRecord>;
  private readonly emergencyTracker = new EmergencyTracker();
  private readonly day: DayCounter;
  private readonly recent: RecentEvents;
  private readonly missingHedges: () => MissingHedgeReport;
  private accountBroadcastCount = 0;
  /** accountBroadcasts as it was after each kept account's latest broadcast. */
  private readonly accountBroadcastAt = new Map<string, number>();

  constructor(options: FeedStoreOptions = {}) {
    this.book = new OrderBook({
      maxOrders: options.maxOrders ?? 10_000,
      maxBets: options.maxBets ?? 10_000,
    });
    this.accounts = new BoundedRecordMap(options.maxAccounts ?? 500, isInactiveAccount, (key) =>
      this.accountBroadcastAt.delete(key),
    );
    this.scores = new BoundedRecordMap(options.maxScores ?? 2_000, isFinishedScore);
    this.day = new DayCounter(options.dayStart ?? localDayStart);
    this.recent = new RecentEvents(options.recentCapacity ?? 2_000);
    this.missingHedges = options.missingHedges ?? (() => NO_MISSING_HEDGES);
  }

  /**
   * Folds one broadcast into the state; returns what the notification policy needs to know.
   * `text`, the server's text of this broadcast when at hand, is what the recent-events list
   * keeps (recent-events.ts).
   */
  apply(event: FeedEvent, now: number, text?: string): readonly StoreEffect[] {
    const counters = this.day.at(now);
    counters.events += 1;
    this.recent.push(event, text);
    if (event.record == null || typeof event.record !== 'object') return NO_EFFECTS;
    switch (event.channel) {
      case 'orders':
        return typeof event.record.orderId === 'string'
          ? this.book.applyOrder(event, counters, now)
          : NO_EFFECTS;
      case 'bets':
        return typeof event.record.betId === 'string'
          ? this.book.applyBet(event, counters)
          : NO_EFFECTS;
      case 'accounts':
        this.applyAccount(event);
        return NO_EFFECTS;
      case 'scores':
        this.applyScore(event);
        return NO_EFFECTS;
      case 'emergency':
        return this.emergencyTracker.applyPayload(
          event.record,
          Number.isFinite(event.receivedAt) ? event.receivedAt : now,
        );
      default:
        return NO_EFFECTS;
    }
  }

  /**
   * Folds state from another source in (a REST snapshot). Emergency transitions produce
   * effects. Orders and bets do not: they are history, not news. Unless `input.news` says
   * the feed was down: then an order whose matched stake grew (or one the store never saw,
   * matched during the gap) is a fill, counted and reported as its broadcast would have
   * been, once the bets are merged too, so an order hedged during the gap is not reported.
   * An order that gained a live hedge by the merge (news or not) gets a silent
   * 'hedge-covered': its broadcast will never come (the store now holds the bet, so a later
   * one changes nothing), and fills already waiting for it must not be reported missing.
   * A hedge the store held as placed or pending that the snapshot shows declined gives the
   * 'hedge-declined' its broadcast would have: the fill it covered is unhedged again, unless
   * a retry covers it, which may be one only the merge found (replacedByMerge).
   */
  merge(input: StoreMergeInput, now: number): readonly StoreEffect[] {
    const replace = input.replace === true;
    const missed = input.orders ? this.book.mergeOrders(input.orders, replace, input.news) : [];
    const bets = input.bets
      ? this.book.mergeBets(input.bets, replace, this.day.at(now), input.news)
      : { hedged: new Map<string, number | null>(), declined: [] };
    const hedged = bets.hedged;
    if (input.accounts) {
      if (replace) {
        this.accounts.clear();
        this.accountBroadcastAt.clear();
      }
      const readAt = input.accountsReadAt;
      for (const account of input.accounts) {
        if (readAt !== undefined && this.accountBroadcastSince(account, readAt)) continue;
        this.storeAccount(account);
      }
    }
    const emergency = input.emergency
      ? this.emergencyTracker.apply(input.emergency, now)
      : NO_EFFECTS;
    const fills =
      missed.length === 0
        ? NO_EFFECTS
        : this.book.missedFillEffects(missed, hedged, this.day.at(now));
    if (hedged.size === 0 && fills.length === 0 && bets.declined.length === 0) return emergency;
    this.book.markReplacedByMerge(bets, missed);
    const effects: StoreEffect[] = [...emergency, ...fills, ...bets.declined];
    for (const [orderId, placedAt] of hedged) {
      effects.push({ kind: 'hedge-covered', orderId, placedAt });
    }
    return effects;
  }

  order(orderId: string): OrderRecord | undefined {
    return this.book.orders.get(orderId);
  }

  /**
   * Whether the order's matched stake came in a broadcast that did not show it matching,
   * and was not counted: a news merge judges that stake (uncounted-matches.ts).
   */
  hasUncountedMatch(orderId: string): boolean {
    return this.book.hasUncountedMatch(orderId);
  }

  bet(betId: string): BetRecord | undefined {
    return this.book.bets.get(betId);
  }

  betsOfOrder(orderId: string): BetRecord[] {
    return this.book.betsOfOrder(orderId);
  }

  account(exchange: string, username: string): AccountRecord | undefined {
    return this.accounts.get(accountKey(exchange, username));
  }

  score(fixtureId: string): ScoreRecord | undefined {
    return this.scores.get(fixtureId);
  }

  /**
   * Orders the store holds as open (not filled, cancelled, expired or failed). Cheaper than
   * snapshot().orders filtered: no recent events are read back.
   */
  openOrders(): OrderRecord[] {
    return this.book.orders.values().filter((order) => !isFinishedOrder(order));
  }

  /** Hedge bets the store holds as pending (placed or declined is still to come). */
  pendingBets(): BetRecord[] {
    return this.book.bets.values().filter((bet) => hedgeStatusOf(bet) === 'pending');
  }

  get emergency(): EmergencyState {
    return this.emergencyTracker.state;
  }

  /**
   * How many emergency broadcasts the store applied so far: read it before a REST read,
   * and leave the read's emergency out of the merge if it moved meanwhile.
   */
  get emergencyBroadcasts(): number {
    return this.emergencyTracker.broadcastsApplied;
  }

  /**
   * How many account broadcasts the store applied so far: read it before a REST read, and
   * pass it as the merge's `accountsReadAt`.
   */
  get accountBroadcasts(): number {
    return this.accountBroadcastCount;
  }

  /** Today's counters; pass `now` to roll over to a new day first. */
  counters(now?: number): DayCounters {
    return this.day.snapshot(now);
  }

  /** Recent broadcasts, newest last. */
  recentEvents(): FeedEvent[] {
    return this.recent.toArray();
  }

  sizes(): StoreSizes {
    return {
      orders: this.book.orders.size,
      bets: this.book.bets.size,
      betIndex: this.book.indexSize,
      accounts: this.accounts.size,
      scores: this.scores.size,
      recentEvents: this.recent.size,
    };
  }

  /** Everything, as plain data; pass `now` so the counters roll over to a new day. */
  snapshot(now?: number): FeedSnapshot {
    return {
      orders: this.book.orders.values(),
      bets: this.book.bets.values(),
      accounts: this.accounts.values(),
      scores: this.scores.values(),
      emergency: { ...this.emergencyTracker.state },
      counters: this.day.snapshot(now),
      recentEvents: this.recent.toArray(),
      missingHedges: this.missingHedges(),
    };
  }

  private applyAccount(event: AccountBroadcast): void {
    const account = event.record;
    this.storeAccount(account);
    if (account == null || typeof account !== 'object') return;
    this.accountBroadcastCount += 1;
    const key = accountKey(account.exchange, account.username);
    if (this.accounts.has(key)) this.accountBroadcastAt.set(key, this.accountBroadcastCount);
  }

  private accountBroadcastSince(account: AccountRecord, readAt: number): boolean {
    if (account == null || typeof account !== 'object') return false;
    const at = this.accountBroadcastAt.get(accountKey(account.exchange, account.username));
    return at !== undefined && at > readAt;
  }

  private storeAccount(update: AccountRecord): void {
    if (update == null || typeof update !== 'object') return;
    const key = accountKey(update.exchange, update.username);
    const stored = this.accounts.get(key);
    this.accounts.set(key, stored ? mergeRecord(stored, update) : update);
  }

  private applyScore(event: ScoreBroadcast): void {
    const update = event.record;
    if (typeof update.fixtureId !== 'string') return;
    const stored = this.scores.get(update.fixtureId);
    if (!stored) {
      this.scores.set(update.fixtureId, update);
      return;
    }
    const scores =
      stored.scores && update.scores ? mergeRecord(stored.scores, update.scores) : undefined;
    const merged = mergeRecord(stored, update);
    // The live score merges field by field too (period scores may come one at a time).
    this.scores.set(
      update.fixtureId,
      scores === undefined || scores === merged.scores ? merged : { ...merged, scores },
    );
  }
}
