import type { NotificationIntent } from '../../common/domain/notifications';
import type { FeedStatus } from '../../common/domain/status';
import { Emitter } from '../../common/emitter';
import {
  EMPTY_TRADING_VIEW,
  type TradingAction,
  type TradingActionOutcome,
  type TradingView,
} from '../../common/ipc/trading';
import { redactSecrets } from '../../common/redact';
import type { PositionsSummary } from '../../common/rest/positions-summary';
import type { RestSnapshot } from '../../common/rest/snapshot';
import type { TradingStatus } from '../../common/rest/trading-status';
import type { FeedEngine } from '../engine';
import type { RestClient } from '../rest';
import {
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
  | 'orders'
>;

export type TradingMonitorEvents = {
  view: [view: TradingView];
  /** A trading status change the user did not make, and what the reconciliation's merge raised. */
  notification: [intent: NotificationIntent];
  /** The store was reconciled with a REST snapshot. */
  reconciled: [snapshot: RestSnapshot];
};

export interface TradingMonitorOptions {
  client: TradingClient;
  engine: Pick<FeedEngine, 'store' | 'policy'>;
  /** How often trading/status is read while the feed is live. Default 20 s. */
  pollMs?: number;
  now?: () => number;
}

export const TRADING_POLL_MS = 20_000;

/** Largest page the API serves: one request looks up the orders a snapshot no longer lists. */
const LOOKUP_PAGE_SIZE = 2000;

function problemText(error: unknown): string {
  const detail = (error as { detail?: unknown }).detail;
  const text = typeof detail === 'string' && detail ? detail : (error as Error)?.message;
  return redactSecrets(text || String(error));
}

/**
 * The REST side of one feed engine. Each time the feed goes live (first subscribe and
 * every reconnect) it loads a snapshot and merges it into the engine's store, so what
 * the socket missed is repaired; while live it reads trading/status on one timer; it
 * runs the trader's actions. A status change found by a read, not made by an action
 * here, is announced as a notification.
 */
export class TradingMonitor extends Emitter<TradingMonitorEvents> {
  private view: TradingView = EMPTY_TRADING_VIEW;
  private live = false;
  /** Bumped on every live period, so answers from an earlier one are dropped. */
  private session = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly pollMs: number;
  private readonly now: () => number;

  constructor(private readonly options: TradingMonitorOptions) {
    super();
    this.pollMs = options.pollMs ?? TRADING_POLL_MS;
    this.now = options.now ?? (() => Date.now());
  }

  get current(): TradingView {
    return this.view;
  }

  /** Feed the engine's status here; a change to or from live starts or stops the work. */
  onFeedStatus(status: FeedStatus): void {
    if (this.disposed) return;
    const live = status.state === 'live';
    if (live === this.live) return;
    this.live = live;
    this.session += 1;
    this.clearTimer();
    if (live) void this.reconcile();
  }

  /** Loads a REST snapshot and merges it into the store. Resolves when done (never rejects). */
  async reconcile(): Promise<void> {
    const session = this.session;
    const { client, engine } = this.options;
    try {
      const snapshot = await client.snapshot();
      if (!this.isCurrent(session)) return;
      const staleIds = this.staleOpenOrderIds(snapshot);
      const day = { from: snapshot.day, to: snapshot.day };
      const [positions, closed] = await Promise.all([
        // Optional: the dashboard shows it when the server serves it.
        client.positionsSummary(day).catch((): PositionsSummary | null => null),
        staleIds.size > 0 ? this.lookUpOrders(staleIds, snapshot.day) : [],
      ]);
      if (!this.isCurrent(session)) return;
      const now = this.now();
      const status = snapshot.tradingStatus;
      const effects = engine.store.merge(
        {
          orders: [...snapshot.openOrders.map((o) => o.record), ...closed],
          bets: snapshot.bets.map((b) => b.record),
          accounts: snapshot.accounts.map((a) => a.record),
          emergency: { active: status.emergencyActive, reason: status.systemReason ?? null },
        },
        now,
      );
      if (effects.length > 0) {
        for (const intent of engine.policy.onEffects(effects, now)) {
          this.emit('notification', intent);
        }
      }
      this.acceptStatus(status, now, false);
      this.update({
        pnl: snapshot.pnl,
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

  /** Reads trading/status now and restarts the poll timer. Never rejects. */
  async poll(): Promise<void> {
    const session = this.session;
    this.clearTimer();
    try {
      const status = await this.options.client.tradingStatus();
      if (this.isCurrent(session)) this.acceptStatus(status, this.now(), false);
    } catch (error) {
      if (this.isCurrent(session)) this.update({ problem: problemText(error) });
    } finally {
      if (this.isCurrent(session)) this.schedulePoll();
    }
  }

  /** Runs an action (already confirmed by the caller) and reads the status right after. */
  async act(action: TradingAction): Promise<TradingActionOutcome> {
    const { client } = this.options;
    this.update({ busy: action });
    try {
      let message: string;
      if (action === 'cancel-all') {
        message = cancelResultText(await client.cancelAll());
      } else {
        const result = await client[action]();
        // The status an action of ours produced is no news.
        this.acceptStatus(result, this.now(), true);
        message = controlResultText(action, result);
      }
      return { action, ok: true, message };
    } catch (error) {
      return { action, ok: false, message: problemText(error) };
    } finally {
      this.update({ busy: null });
      if (this.live && !this.disposed) void this.poll();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.live = false;
    this.session += 1;
    this.clearTimer();
  }

  private isCurrent(session: number): boolean {
    return !this.disposed && session === this.session;
  }

  private acceptStatus(status: TradingStatus, now: number, ours: boolean): void {
    const previous = this.view.status;
    this.update({ status, checkedAt: now, problem: null });
    if (!ours && tradingStateChanged(previous, status)) {
      this.emit('notification', tradingStatusIntent(previous, status, now));
    }
  }

  /** Orders the store holds as open that the snapshot no longer lists as open. */
  private staleOpenOrderIds(snapshot: RestSnapshot): Set<string> {
    const open = new Set(snapshot.openOrders.map((o) => String(o.record.orderId)));
    const stale = new Set<string>();
    for (const order of this.options.engine.store.openOrders()) {
      const id = String(order.orderId);
      if (!open.has(id)) stale.add(id);
    }
    return stale;
  }

  /** Their current state from today's orders (one page); orders not found stay as they are. */
  private async lookUpOrders(ids: Set<string>, day: string) {
    try {
      const page = await this.options.client.orders({
        from: day,
        to: day,
        pageSize: LOOKUP_PAGE_SIZE,
      });
      return page.items.map((o) => o.record).filter((o) => ids.has(String(o.orderId)));
    } catch {
      return [];
    }
  }

  private schedulePoll(): void {
    this.clearTimer();
    if (!this.live || this.disposed) return;
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
