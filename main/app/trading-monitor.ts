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
import { utcDay } from '../../common/rest/numbers';
import type { RestSnapshot } from '../../common/rest/snapshot';
import type { TradingStatus } from '../../common/rest/trading-status';
import type { FeedEngine } from '../engine';
import { CONTROL_TIMEOUT_MS, type RestClient } from '../rest';
import { readConfirmationFacts } from './confirmation-facts';
import {
  answeredOutcome,
  type ControlAction,
  isClearRefusal,
  reachedTarget,
  unclearOutcome,
  unreadOutcome,
} from './control-outcome';
import { PnlReader } from './pnl-reader';
import { PollTimer } from './poll-timer';
import { problemText } from './problem-text';
import { Reconciliation } from './reconciliation';
import { StatusReadOrder } from './status-read-order';
import { tradingTexts } from './texts';
import {
  type ConfirmationFacts,
  cancelResultText,
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

/**
 * The REST side of one feed engine. From start() it reads trading/status on one timer,
 * whatever the socket does: the kill switch must work when the socket cannot connect.
 * Each time the feed goes live (first subscribe and every reconnect) it loads a snapshot
 * and merges it into the engine's store (reconciliation.ts), so what the socket missed is
 * repaired; after a reconnect, fills made while the socket was down are merged as news, so
 * the notification policy watches them for their hedge like any other (the first time is
 * history). It runs the trader's actions. A status change found by a read, not made by an
 * action here, is announced as a notification. P&L and positions are re-read about every
 * minute and after each action, so "today" follows the clock past UTC midnight.
 */
export class TradingMonitor extends Emitter<TradingMonitorEvents> {
  private view: TradingView = EMPTY_TRADING_VIEW;
  private running = false;
  private live = false;
  private everLive = false;
  /** Bumped on every live period, so snapshots from an earlier one are dropped. */
  private session = 0;
  /** The feed's emergency flag as last heard (onFeedStatus). */
  private feedEmergency = false;
  /**
   * The last reconciliation failed, or left a gap unrepaired (a lookup page could not be
   * read): polls run it again while the feed is live, as going live will not come again.
   */
  private reconcileAgain = false;
  /** When the last reconciliation ended: a retry waits a poll period after it. */
  private reloadEndedAt = Number.NEGATIVE_INFINITY;
  private disposed = false;
  private readonly reads = new StatusReadOrder();
  private readonly reconciliation: Reconciliation;
  private readonly pnl: PnlReader;
  private readonly pollTimer: PollTimer;
  private readonly pollMs: number;
  private readonly now: () => number;
  private readonly language: () => Language;

  constructor(private readonly options: TradingMonitorOptions) {
    super();
    this.reconciliation = new Reconciliation({
      client: options.client,
      engine: options.engine,
      onUnresolved: (orderIds, at) => this.emit('unresolved', orderIds, at),
    });
    this.pnl = new PnlReader(options.client, options.pnlRefreshMs ?? PNL_REFRESH_MS);
    this.pollMs = options.pollMs ?? TRADING_POLL_MS;
    this.pollTimer = new PollTimer(this.pollMs);
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
   * Feed the engine's status here; each time it goes live, a snapshot is merged (and again
   * at each poll while that failed or left the gap unrepaired). When the
   * feed's emergency flag changes, the trading status is read at once: it changes with it.
   */
  onFeedStatus(status: FeedStatus): void {
    if (this.disposed) return;
    const emergency = status.emergency === true;
    // A change our own merge made came with the status that merge read.
    const readStatus = emergency !== this.feedEmergency && !this.reconciliation.merging;
    this.feedEmergency = emergency;
    const live = status.state === 'live';
    if (live !== this.live) {
      this.live = live;
      this.session += 1;
      if (live) {
        // What changes from now on is news: a fill the first REST read lists before its
        // broadcast arrives (which then adds nothing) must not be taken in as history.
        if (!this.everLive) this.reconciliation.noteMissedFrom(status.since);
        this.everLive = true;
        void this.reconcile();
      } else {
        // Retried only while live; going live again reconciles anyway.
        if (this.view.reloadProblem !== null) this.update({ reloadProblem: null });
        if (this.everLive) this.reconciliation.noteMissedFrom(status.since);
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
    this.reconciliation.noteMissedFrom(gap.from);
  }

  /**
   * Loads a REST snapshot and merges it into the store (reconciliation.ts). Resolves when
   * done (never rejects).
   */
  async reconcile(): Promise<void> {
    const session = this.session;
    const read = this.reads.begin();
    const pass = this.reconciliation.begin();
    this.reconcileAgain = false;
    let snapshotRead = false;
    try {
      const snapshot = await this.options.client.snapshot();
      snapshotRead = true;
      if (!this.isCurrent(session)) return;
      const lookups = await pass.lookUp(snapshot);
      if (!this.isCurrent(session)) return;
      const now = this.now();
      const { emergencyNewer } = pass.merge(lookups, now);
      const capped = this.reconciliation.gapReadCapped;
      const repaired = !this.reconciliation.gapUnrepaired && !capped;
      this.reconcileAgain = this.reconciliation.gapUnrepaired;
      if (!emergencyNewer && this.reads.mayApply(read)) {
        this.acceptStatus(snapshot.tradingStatus, now, false);
      }
      this.pnl.noteRead(snapshot.day, now);
      const [positions] = lookups;
      this.update({
        pnl: snapshot.pnl,
        pnlReadAt: now,
        positions,
        openOrders: snapshot.openOrders.length,
        // The snapshot read the trading status, whether or not it was shown.
        problem: null,
        mergedAt: now,
        // The dashboard says a gap that ended before this time was repaired.
        ...(repaired ? { reconciledAt: now } : {}),
        reloadProblem: repaired ? null : this.gapProblem(capped),
      });
      this.emit('reconciled', snapshot);
    } catch (error) {
      if (this.isCurrent(session)) {
        this.reconcileAgain = true;
        const reloadProblem = tradingTexts(this.language()).reloadFailed(problemText(error));
        this.update({ reloadProblem });
      }
    } finally {
      this.reloadEndedAt = this.now();
      // Without the snapshot the trading status went unread: read it alone (one list the
      // snapshot needs may fail while the status answers). It schedules the next poll.
      if (!snapshotRead) void this.readStatus();
      // Even when the feed left live meanwhile: the status is polled whatever the socket does.
      else this.schedulePoll();
    }
  }

  private gapProblem(capped: boolean): string {
    const texts = tradingTexts(this.language());
    return capped ? texts.gapTooLarge : texts.gapNotRead;
  }

  /**
   * Reads trading/status now (and P&L with positions when due) and restarts the poll
   * timer; while live with a reconciliation to retry, that instead, at most once a poll
   * period. Never rejects.
   */
  poll(): Promise<void> {
    return this.read(false);
  }

  private async read(byTimer: boolean): Promise<void> {
    if (this.disposed) return;
    // The snapshot holds the trading status and P&L too.
    if (this.reconcileAgain && this.live && (byTimer || this.retryDue())) return this.reconcile();
    return this.readStatus();
  }

  /** Reads trading/status (and P&L with positions when due), then sets the next poll. */
  private async readStatus(): Promise<void> {
    if (this.disposed) return;
    this.pollTimer.clear();
    const read = this.reads.begin();
    const startedAt = this.now();
    const money = this.pnl.isDue(startedAt) ? this.pnl.read(utcDay(startedAt), startedAt) : null;
    try {
      const status = await this.options.client.tradingStatus();
      if (this.disposed) return;
      if (this.reads.mayApply(read)) this.acceptStatus(status, this.now(), false);
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
   * What a stop or cancel-all question says (confirmation-facts.ts): the open orders read
   * from the server now, else the store's count as an estimate. Never rejects.
   */
  confirmationFacts(): Promise<ConfirmationFacts> {
    return readConfirmationFacts({
      client: this.options.client,
      timeoutMs: this.options.confirmReadMs ?? CONFIRM_READ_MS,
      statusKnown: this.view.status !== null,
      estimateOpenOrders: () => {
        // The store knows nothing until the socket or a snapshot filled it.
        const known = this.everLive || this.view.mergedAt !== null;
        return known ? this.reconciliation.openOrderEstimate() : null;
      },
    });
  }

  /**
   * Runs an action (already confirmed by the caller) and reads the status right after. A
   * control the server may have applied though its answer was unclear is never sent again:
   * the status is read to tell what happened.
   */
  async act(action: TradingAction): Promise<TradingActionOutcome> {
    this.reads.actionStarted();
    this.update({ busy: action });
    try {
      return action === 'cancel-all' ? await this.cancelAll() : await this.control(action);
    } finally {
      this.reads.actionEnded();
      // Stops and cancels move P&L and positions: read them with the status.
      this.pnl.want();
      if (!this.disposed) this.update({ busy: null });
      if (this.running && !this.disposed) void this.poll();
    }
  }

  private async cancelAll(): Promise<TradingActionOutcome> {
    try {
      const result = await this.options.client.cancelAll({}, { timeoutMs: CONTROL_TIMEOUT_MS });
      return { action: 'cancel-all', ok: true, message: cancelResultText(result, this.language()) };
    } catch (error) {
      return { action: 'cancel-all', ok: false, message: problemText(error) };
    }
  }

  private async control(action: ControlAction): Promise<TradingActionOutcome> {
    const { client } = this.options;
    try {
      const result = await client[action]({ timeoutMs: CONTROL_TIMEOUT_MS });
      // The state asked for is no news; any other (a system stop, a resume refused) is.
      this.acceptStatus(result, this.now(), reachedTarget(action, result));
      return answeredOutcome(action, result, this.language());
    } catch (error) {
      if (isClearRefusal(error)) return { action, ok: false, message: problemText(error) };
      try {
        const status = await client.tradingStatus();
        this.acceptStatus(status, this.now(), reachedTarget(action, status));
        return unclearOutcome(action, error, status, this.language());
      } catch (readError) {
        return unreadOutcome(action, error, readError, this.language());
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.running = false;
    this.live = false;
    this.session += 1;
    this.pollTimer.clear();
  }

  private isCurrent(session: number): boolean {
    return !this.disposed && session === this.session;
  }

  /** Whether a reconciliation retry may start now: a poll period after the last one ended. */
  private retryDue(): boolean {
    const elapsed = this.now() - this.reloadEndedAt;
    // A clock set back must not hold retries off.
    return elapsed >= this.pollMs || elapsed < 0;
  }

  private acceptStatus(status: TradingStatus, now: number, ours: boolean): void {
    // A late answer to a disposed monitor (the feed restarted) belongs to no view.
    if (this.disposed) return;
    const previous = this.view.status;
    this.update({ status, checkedAt: now, problem: null });
    if (!ours && tradingStateChanged(previous, status)) {
      this.emit('notification', tradingStatusIntent(previous, status, now, this.language()));
    }
  }

  private schedulePoll(): void {
    this.pollTimer.clear();
    if (!this.running || this.disposed) return;
    this.pollTimer.schedule(() => void this.read(true));
  }

  private update(patch: Partial<TradingView>): void {
    if (this.disposed) return;
    this.view = { ...this.view, ...patch };
    this.emit('view', this.view);
  }
}
