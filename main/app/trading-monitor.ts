import type { Gap } from '../../common/domain/connection';
import type { NotificationIntent } from '../../common/domain/notifications';
import type { FeedStatus } from '../../common/domain/status';
import { Emitter } from '../../common/emitter';
import type { Language } from '../../common/i18n/language';
import {
  EMPTY_TRADING_VIEW,
  type TradingAction,
  type TradingActionOutcome,
  type TradingView,
} from '../../common/ipc/trading';
import { redactSecrets } from '../../common/redact';
import { utcDay } from '../../common/rest/numbers';
import type { Pnl } from '../../common/rest/pnl';
import type { PositionsSummary } from '../../common/rest/positions-summary';
import type { RestSnapshot } from '../../common/rest/snapshot';
import type { TradingStatus } from '../../common/rest/trading-status';
import type { FeedEngine } from '../engine';
import type { RestClient } from '../rest';
import { isGapNews } from '../store/gap-news';
import type { BetRecord, OrderRecord } from '../store/records';
import { lookUpBets } from './bet-lookup';
import { lookUpOrders } from './order-lookup';
import {
  type ConfirmationFacts,
  cancelResultText,
  controlResultText,
  tradingStateChanged,
  tradingStatusIntent,
} from './trading-texts';

/** The REST calls the monitor makes (a RestClient; tests may pass a fake). */
export type TradingClient = Pick<
  RestClient,
  | 'tradingStatus'
  | 'pause'
  | 'resume'
  | 'stop'
  | 'start'
  | 'cancelAll'
  | 'snapshot'
  | 'positionsSummary'
  | 'pnl'
  | 'orders'
  | 'openOrders'
> &
  /** Without it, pending bets from before today are not looked up. */
  Partial<Pick<RestClient, 'bets'>>;

export type TradingMonitorEvents = {
  view: [view: TradingView];
  /** A trading status change the user did not make (what the merge raises, the engine tells). */
  notification: [intent: NotificationIntent];
  /** The store was reconciled with a REST snapshot. */
  reconciled: [snapshot: RestSnapshot];
  /**
   * Orders the store held as open that the server no longer lists as open and that the
   * lookup did not find either (ids, each told once): their final state is unknown.
   */
  unresolved: [orderIds: string[], at: number];
};

export interface TradingMonitorOptions {
  client: TradingClient;
  engine: Pick<FeedEngine, 'store' | 'mergeState'>;
  /** How often trading/status is read while the feed runs, live or not. Default 20 s. */
  pollMs?: number;
  /** P&L and positions are re-read by the first poll this long after the last read. Default 60 s. */
  pnlRefreshMs?: number;
  /** How long a confirmation waits for a fresh count of open orders. Default 3 s. */
  confirmReadMs?: number;
  /** The language of results and notifications, read each time one is written. Default 'en'. */
  language?: () => Language;
  now?: () => number;
}

export const TRADING_POLL_MS = 20_000;
export const PNL_REFRESH_MS = 60_000;
export const CONFIRM_READ_MS = 3_000;

function problemText(error: unknown): string {
  const detail = (error as { detail?: unknown }).detail;
  const text = typeof detail === 'string' && detail ? detail : (error as Error)?.message;
  return redactSecrets(text || String(error));
}

/**
 * The REST side of one feed engine. From start() it reads trading/status on one timer,
 * whatever the socket does: the kill switch must work when the socket cannot connect.
 * Each time the feed goes live (first subscribe and every reconnect) it loads a snapshot
 * and merges it into the engine's store, so what the socket missed is repaired; after a
 * reconnect, fills made while the socket was down are merged as news, so the notification
 * policy watches them for their hedge like any other (the first time is history). It runs
 * the trader's actions. A status change found by a read, not made by an action here, is
 * announced as a notification. P&L and positions are re-read about every minute and
 * after each action, so "today" follows the clock past UTC midnight.
 */
export class TradingMonitor extends Emitter<TradingMonitorEvents> {
  private view: TradingView = EMPTY_TRADING_VIEW;
  private running = false;
  private live = false;
  private everLive = false;
  /**
   * Since when (epoch ms) the feed may have missed updates that no reconciliation has
   * repaired yet: set when a live feed goes down, moved back to the start of the gap the
   * connection reports. Null until the feed was first live: what happened before the app
   * listened is history, not news.
   */
  private missedSince: number | null = null;
  /** Bumped on every live period, so snapshots from an earlier one are dropped. */
  private session = 0;
  /**
   * Orders the store holds as open that the server no longer lists as open and a lookup
   * did not find. They stay in the store as last known (their final state, a fill or a
   * cancel, is not known, and inventing one would be worse), are reported once, are not
   * counted in the open-order estimate, and are not paged for again (found only if a later
   * lookup reads them anyway). Pruned when the store no longer holds them as open.
   */
  private readonly unresolved = new Set<string>();
  /**
   * Bumped when an action starts and when it ends: a status read that began before the
   * latest action ended may predate it, and is dropped (see beginRead).
   */
  private actionEpoch = 0;
  private actionsRunning = 0;
  /**
   * Status reads numbered as they start, and the newest one applied: an answer that began
   * before one already applied is older than what is shown, and is dropped.
   */
  private readsStarted = 0;
  private newestReadApplied = 0;
  /** The feed's emergency flag as last heard (onFeedStatus). */
  private feedEmergency = false;
  /** True while a merge of ours runs: the statuses it makes the engine publish are ours. */
  private merging = false;
  private pnlReadAt: number | null = null;
  private pnlDay: string | null = null;
  private pnlWanted = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly pollMs: number;
  private readonly pnlRefreshMs: number;
  private readonly confirmReadMs: number;
  private readonly now: () => number;
  private readonly language: () => Language;

  constructor(private readonly options: TradingMonitorOptions) {
    super();
    this.pollMs = options.pollMs ?? TRADING_POLL_MS;
    this.pnlRefreshMs = options.pnlRefreshMs ?? PNL_REFRESH_MS;
    this.confirmReadMs = options.confirmReadMs ?? CONFIRM_READ_MS;
    this.now = options.now ?? (() => Date.now());
    this.language = options.language ?? (() => 'en');
  }

  get current(): TradingView {
    return this.view;
  }

  /** Call when the feed starts: reads the trading status now and then every poll period. */
  start(): void {
    if (this.running || this.disposed) return;
    this.running = true;
    void this.poll();
  }

  /**
   * Feed the engine's status here; each time it goes live, a snapshot is merged. When the
   * feed's emergency flag changes, the trading status is read at once: it changes with it.
   */
  onFeedStatus(status: FeedStatus): void {
    if (this.disposed) return;
    const emergency = status.emergency === true;
    // A change our own merge made came with the status that merge read.
    const readStatus = emergency !== this.feedEmergency && !this.merging;
    this.feedEmergency = emergency;
    const live = status.state === 'live';
    if (live !== this.live) {
      this.live = live;
      this.session += 1;
      if (live) {
        this.everLive = true;
        void this.reconcile();
      } else if (this.everLive) {
        this.noteMissedFrom(status.since);
      }
    }
    if (readStatus && this.running) void this.poll();
  }

  /**
   * Feed the engine's gaps here (the connection reports one just before it is live again):
   * updates from `gap.from` on may have been missed, and the next reconciliation reads them.
   */
  noteGap(gap: Gap): void {
    if (this.disposed || !this.everLive) return;
    this.noteMissedFrom(gap.from);
  }

  /**
   * Loads a REST snapshot and merges it into the store, with the orders the store held as
   * open that the server no longer lists as open (looked up back to the day they were
   * created, order-lookup.ts), and after a gap the orders that tell what the feed missed,
   * as news. Resolves when done (never rejects).
   */
  async reconcile(): Promise<void> {
    const session = this.session;
    const read = this.beginRead();
    const readNo = ++this.readsStarted;
    const { client, engine } = this.options;
    const missedSince = this.missedSince;
    const emergencyBroadcasts = engine.store.emergencyBroadcasts;
    try {
      const snapshot = await client.snapshot();
      if (!this.isCurrent(session)) return;
      const openIds = new Set(snapshot.openOrders.map((o) => String(o.record.orderId)));
      const stale = this.staleOpenOrders(openIds);
      const staleIds = new Set(stale.map((o) => String(o.orderId)));
      for (const id of this.unresolved) if (!staleIds.has(id)) this.unresolved.delete(id);
      const wanted = stale.filter((o) => !this.unresolved.has(String(o.orderId)));
      const day = { from: snapshot.day, to: snapshot.day };
      const [positions, lookup, olderBets] = await Promise.all([
        // Optional: the dashboard shows it when the server serves it.
        client.positionsSummary(day).catch((): PositionsSummary | null => null),
        wanted.length > 0 || missedSince !== null
          ? lookUpOrders(client, { today: snapshot.day, wanted, missedSince })
          : { orders: [], complete: true },
        this.lookUpStaleBets(snapshot),
      ]);
      if (!this.isCurrent(session)) return;
      const looked = lookup?.orders ?? [];
      const closed = looked.filter((o) => staleIds.has(String(o.orderId)));
      const missed =
        missedSince === null ? [] : this.missedOrders(looked, openIds, staleIds, missedSince);
      const now = this.now();
      const status = snapshot.tradingStatus;
      // An emergency broadcast applied since the read began is newer than the snapshot: its
      // emergency and trading status are left out (the broadcast's status change reads the
      // trading status again).
      const emergencyNewer = engine.store.emergencyBroadcasts !== emergencyBroadcasts;
      this.merging = true;
      try {
        engine.mergeState(
          {
            orders: [...snapshot.openOrders.map((o) => o.record), ...closed, ...missed],
            bets: [...snapshot.bets.map((b) => b.record), ...(olderBets ?? [])],
            accounts: snapshot.accounts.map((a) => a.record),
            ...(emergencyNewer
              ? {}
              : {
                  emergency: {
                    active: status.emergencyActive,
                    reason: status.systemReason ?? null,
                  },
                }),
            ...(missedSince === null ? {} : { news: { since: missedSince } }),
          },
          now,
        );
      } finally {
        this.merging = false;
      }
      // Without the orders the gap is not repaired: the next reconciliation reads them.
      if (lookup?.complete) this.missedSince = null;
      // After a failed page, an order not found may be on a page not read: not unresolved.
      if (lookup) this.noteUnresolved(lookup.complete ? wanted : [], closed, now);
      if (!emergencyNewer && this.isFresh(read) && this.isNewest(readNo)) {
        this.acceptStatus(status, now, false);
      }
      this.notePnlRead(snapshot.day, now);
      this.update({
        pnl: snapshot.pnl,
        pnlReadAt: now,
        positions,
        openOrders: snapshot.openOrders.length,
        reconciledAt: now,
        problem: null,
      });
      this.emit('reconciled', snapshot);
    } catch (error) {
      if (this.isCurrent(session)) this.update({ problem: problemText(error) });
    } finally {
      if (this.isCurrent(session)) this.schedulePoll();
    }
  }

  /**
   * Reads trading/status now (and P&L with positions when due) and restarts the poll
   * timer. Never rejects.
   */
  async poll(): Promise<void> {
    if (this.disposed) return;
    this.clearTimer();
    const read = this.beginRead();
    const readNo = ++this.readsStarted;
    const startedAt = this.now();
    const money = this.pnlDue(startedAt) ? this.readPnl(utcDay(startedAt), startedAt) : null;
    try {
      const status = await this.options.client.tradingStatus();
      if (this.disposed) return;
      if (this.isFresh(read) && this.isNewest(readNo)) this.acceptStatus(status, this.now(), false);
      else this.update({ problem: null });
    } catch (error) {
      if (!this.disposed) this.update({ problem: problemText(error) });
    } finally {
      const patch = await money;
      if (patch && !this.disposed) this.update(patch);
      this.schedulePoll();
    }
  }

  /**
   * What a stop or cancel-all question says: the open orders read from the server now
   * (at most confirmReadMs), else the store's count as an estimate, and whether the
   * trading status is known. Never rejects.
   */
  async confirmationFacts(): Promise<ConfirmationFacts> {
    const statusKnown = this.view.status !== null;
    const abort = new AbortController();
    const timeout = new Promise<never>((_, reject) => {
      abort.signal.addEventListener('abort', () => reject(abort.signal.reason), { once: true });
    });
    const timer = setTimeout(
      () => abort.abort(new Error('open orders not read in time')),
      this.confirmReadMs,
    );
    try {
      const open = await Promise.race([
        this.options.client.openOrders({}, { signal: abort.signal }),
        timeout,
      ]);
      return { openOrders: open.length, exact: true, statusKnown };
    } catch {
      // The store knows nothing until the socket or a snapshot filled it.
      const known = this.everLive || this.view.reconciledAt !== null;
      const estimate = known ? this.confirmedOpenOrders() : null;
      return { openOrders: estimate, exact: false, statusKnown };
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  }

  /** Runs an action (already confirmed by the caller) and reads the status right after. */
  async act(action: TradingAction): Promise<TradingActionOutcome> {
    const { client } = this.options;
    this.actionsRunning += 1;
    this.actionEpoch += 1;
    this.update({ busy: action });
    try {
      let message: string;
      if (action === 'cancel-all') {
        message = cancelResultText(await client.cancelAll(), this.language());
      } else {
        const result = await client[action]();
        // The status an action of ours produced is no news.
        this.acceptStatus(result, this.now(), true);
        message = controlResultText(action, result, this.language());
      }
      return { action, ok: true, message };
    } catch (error) {
      return { action, ok: false, message: problemText(error) };
    } finally {
      this.actionsRunning -= 1;
      this.actionEpoch += 1;
      // Stops and cancels move P&L and positions: read them with the status.
      this.pnlWanted = true;
      if (!this.disposed) this.update({ busy: null });
      if (this.running && !this.disposed) void this.poll();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.running = false;
    this.live = false;
    this.session += 1;
    this.clearTimer();
  }

  private isCurrent(session: number): boolean {
    return !this.disposed && session === this.session;
  }

  /**
   * A token for a status read starting now; null when an action is under way, since
   * the answer may then be from before or after it.
   */
  private beginRead(): number | null {
    return this.actionsRunning > 0 ? null : this.actionEpoch;
  }

  /** Whether a read may be applied: no action started or ended since it began. */
  private isFresh(read: number | null): boolean {
    return read !== null && read === this.actionEpoch;
  }

  /** Whether status read `readNo` is no older than any applied; if so, it is the newest now. */
  private isNewest(readNo: number): boolean {
    if (readNo < this.newestReadApplied) return false;
    this.newestReadApplied = readNo;
    return true;
  }

  private pnlDue(now: number): boolean {
    return (
      this.pnlWanted ||
      this.pnlReadAt === null ||
      now - this.pnlReadAt >= this.pnlRefreshMs ||
      utcDay(now) !== this.pnlDay
    );
  }

  private notePnlRead(day: string, at: number): void {
    this.pnlWanted = false;
    this.pnlReadAt = at;
    this.pnlDay = day;
  }

  /** Today's P&L and positions; never rejects. Null when nothing is to change. */
  private async readPnl(day: string, startedAt: number): Promise<Partial<TradingView> | null> {
    const { client } = this.options;
    const range = { from: day, to: day };
    const [pnl, positions] = await Promise.all([
      client.pnl(range).catch((): Pnl | null => null),
      // Optional: the dashboard shows it when the server serves it.
      client.positionsSummary(range).catch((): PositionsSummary | null => null),
    ]);
    if (pnl === null) {
      // Yesterday's figures are not today's: once the day has turned, show none.
      return this.pnlDay !== null && this.pnlDay !== day ? { pnl: null, positions: null } : null;
    }
    this.notePnlRead(day, startedAt);
    return { pnl, positions, pnlReadAt: startedAt };
  }

  private acceptStatus(status: TradingStatus, now: number, ours: boolean): void {
    const previous = this.view.status;
    this.update({ status, checkedAt: now, problem: null });
    if (!ours && tradingStateChanged(previous, status)) {
      this.emit('notification', tradingStatusIntent(previous, status, now, this.language()));
    }
  }

  private noteMissedFrom(at: number): void {
    if (!Number.isFinite(at)) return;
    this.missedSince = this.missedSince === null ? at : Math.min(this.missedSince, at);
  }

  /** Orders the store holds as open that the snapshot no longer lists as open. */
  private staleOpenOrders(openIds: ReadonlySet<string>): OrderRecord[] {
    return this.options.engine.store
      .openOrders()
      .filter((order) => !openIds.has(String(order.orderId)));
  }

  /**
   * Bets the store holds as pending that the snapshot (today's bets) does not list: placed
   * before UTC midnight; read back to their day. Null when none could be read.
   */
  private async lookUpStaleBets(snapshot: RestSnapshot): Promise<BetRecord[] | null> {
    const { client, engine } = this.options;
    if (!client.bets) return null;
    const listed = new Set(snapshot.bets.map((b) => String(b.record.betId)));
    const stale = engine.store.pendingBets().filter((bet) => !listed.has(String(bet.betId)));
    if (stale.length === 0) return [];
    return lookUpBets({ bets: client.bets.bind(client) }, snapshot.day, stale);
  }

  /** The store's open orders, less those the server no longer lists as open. */
  private confirmedOpenOrders(): number {
    const open = this.options.engine.store.openOrders();
    if (this.unresolved.size === 0) return open.length;
    return open.filter((order) => !this.unresolved.has(String(order.orderId))).length;
  }

  /** Remembers (and tells, once) the wanted orders a lookup did not find. */
  private noteUnresolved(
    wanted: readonly OrderRecord[],
    found: readonly OrderRecord[],
    now: number,
  ): void {
    const foundIds = new Set(found.map((o) => String(o.orderId)));
    for (const id of foundIds) this.unresolved.delete(id);
    const fresh: string[] = [];
    for (const order of wanted) {
      const id = String(order.orderId);
      if (foundIds.has(id) || this.unresolved.has(id)) continue;
      this.unresolved.add(id);
      fresh.push(id);
    }
    if (fresh.length > 0) this.emit('unresolved', fresh, now);
  }

  /**
   * Orders looked up that tell what the feed missed since `since` (gap-news.ts), other
   * than those the snapshot lists as open or the stale lookup already takes.
   */
  private missedOrders(
    orders: readonly OrderRecord[],
    openIds: ReadonlySet<string>,
    staleIds: ReadonlySet<string>,
    since: number,
  ): OrderRecord[] {
    const store = this.options.engine.store;
    return orders.filter((order) => {
      const id = String(order.orderId);
      return !openIds.has(id) && !staleIds.has(id) && isGapNews(store.order(id), order, since);
    });
  }

  private schedulePoll(): void {
    this.clearTimer();
    if (!this.running || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, this.pollMs);
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private update(patch: Partial<TradingView>): void {
    this.view = { ...this.view, ...patch };
    this.emit('view', this.view);
  }
}
