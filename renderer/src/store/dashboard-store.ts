import type { KeyStatus } from '../../../common/domain/key-status';
import type { NotificationTarget } from '../../../common/domain/notifications';
import type { MmTrayApi, Unsubscribe } from '../../../common/ipc/bridge';
import type { PushBatch } from '../../../common/ipc/push-batch';
import type { TradingView } from '../../../common/ipc/trading';
import type { Settings } from '../../../common/settings/schema';
import {
  type DashboardState,
  DEFAULT_LIMITS,
  INITIAL_STATE,
  type StoreLimits,
} from './dashboard-state';
import { applyBatches, stateFromSnapshot } from './feed-reducer';
import { animationFrameScheduler, type FrameScheduler } from './frame-scheduler';

export interface DashboardStoreOptions {
  limits?: Partial<StoreLimits>;
  scheduler?: FrameScheduler;
  /** Least time between two snapshot fetches caused by dropped events. */
  minResyncIntervalMs?: number;
  /** Wait before retrying a snapshot reload that failed after the first load; doubles each time. */
  resyncRetryMs?: number;
  /** Longest wait between two retries. */
  maxResyncRetryMs?: number;
  now?: () => number;
}

/** Batches waiting for a frame (or a snapshot) beyond this mean the page fell behind. */
const MAX_PENDING_BATCHES = 600;

/**
 * The dashboard's state, fed by the bridge and read with useSyncExternalStore. Pushes
 * are queued and folded in once per animation frame, so a burst costs one render.
 *
 * Joining: subscribe to pushes first, then fetch the snapshot, then apply only pushed
 * events newer than the snapshot's last. A batch that says events were dropped or the
 * feed restarted (another key, endpoint or channels: main's numbering goes on, so only
 * the batch can say), or sequence numbers going back, means the page's picture is
 * incomplete or stale: it fetches a fresh snapshot.
 */
export class DashboardStore {
  private state: DashboardState = INITIAL_STATE;
  private readonly listeners = new Set<() => void>();
  private readonly limits: StoreLimits;
  private readonly schedule: FrameScheduler;
  private readonly minResyncIntervalMs: number;
  private readonly resyncRetryMs: number;
  private readonly maxResyncRetryMs: number;
  private resyncFailures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;
  private pending: PushBatch[] = [];
  private cancelFrame: (() => void) | null = null;
  private loading: Promise<void> | null = null;
  private resyncWanted = false;
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;
  private lastResyncAt = Number.NEGATIVE_INFINITY;
  private lastSeq = 0;
  private skipThroughSeq: number | null = null;
  private navigationSerial = 0;
  private unsubscribers: Unsubscribe[] = [];
  private stopped = false;

  constructor(
    private readonly bridge: MmTrayApi,
    options: DashboardStoreOptions = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.schedule = options.scheduler ?? animationFrameScheduler();
    this.minResyncIntervalMs = options.minResyncIntervalMs ?? 1_000;
    this.resyncRetryMs = options.resyncRetryMs ?? 2_000;
    this.maxResyncRetryMs = options.maxResyncRetryMs ?? 60_000;
    this.now = options.now ?? (() => Date.now());
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): DashboardState => this.state;

  /** Subscribes to every push, then loads the snapshot. */
  start(): Promise<void> {
    const bridge = this.bridge;
    this.unsubscribers = [
      bridge.onBatch((batch) => this.receive(batch)),
      bridge.onSettings((settings) => this.applySettings(settings)),
      bridge.onKeyStatus((status) => this.applyKeyStatus(status)),
      bridge.onNavigate((target) => this.navigate(target)),
      bridge.onTrading((view) => this.applyTrading(view)),
    ];
    return this.resync();
  }

  stop(): void {
    this.stopped = true;
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
    this.cancelFrame?.();
    this.cancelFrame = null;
    if (this.resyncTimer !== null) clearTimeout(this.resyncTimer);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.pending = [];
  }

  /** Loads the snapshot again (also the retry after a failed first load). */
  resync(): Promise<void> {
    if (this.loading) return this.loading;
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.resyncWanted = false;
    this.lastResyncAt = this.now();
    this.loading = this.loadSnapshot().finally(() => {
      this.loading = null;
      if (this.pending.length > 0 || this.resyncWanted) this.requestFrame();
    });
    return this.loading;
  }

  applySettings(settings: Settings): void {
    const previous = this.state.settings;
    this.setState({
      ...this.state,
      settings,
      quietUntil: settings.notifications.quietUntil,
      demo:
        previous && previous.demoMode !== settings.demoMode ? settings.demoMode : this.state.demo,
    });
    // Demo on or off restarts the feed from another source: what is shown is stale.
    if (previous && previous.demoMode !== settings.demoMode) this.wantResync();
  }

  applyKeyStatus(keyStatus: KeyStatus): void {
    this.setState({ ...this.state, keyStatus });
  }

  /**
   * A new merge of a REST snapshot (repairing the gap or not) changed main's store outside
   * the event stream (orders, bets and accounts): the page's picture is refreshed from a
   * snapshot.
   */
  applyTrading(trading: TradingView): void {
    const merged = trading.mergedAt !== null && trading.mergedAt !== this.state.trading.mergedAt;
    this.setState({ ...this.state, trading });
    if (merged && this.state.load === 'ready') this.wantResync();
  }

  applyQuietUntil(quietUntil: number | null): void {
    this.setState({ ...this.state, quietUntil });
  }

  navigate(target: NotificationTarget): void {
    this.setState({ ...this.state, navigation: { target, serial: ++this.navigationSerial } });
  }

  private async loadSnapshot(): Promise<void> {
    try {
      const snapshot = await this.bridge.app.snapshot();
      if (this.stopped) return;
      const waiting = this.pending;
      this.pending = [];
      this.cancelFrame?.();
      this.cancelFrame = null;
      let next = stateFromSnapshot(snapshot, this.state, this.limits);
      next = applyBatches(next, waiting, this.limits, { joinAfterSeq: snapshot.lastEventSeq });
      this.lastSeq = Math.max(snapshot.lastEventSeq, lastSeqOf(waiting));
      this.skipThroughSeq = this.lastSeq;
      this.resyncFailures = 0;
      this.setState({ ...next, resyncProblem: null });
    } catch (error) {
      if (this.stopped) return;
      const message = error instanceof Error ? error.message : String(error);
      if (this.state.load !== 'ready') {
        this.setState({ ...this.state, load: 'failed', loadError: message });
        return;
      }
      // The page shows what it had, but it may be missing what the reload was for.
      this.setState({ ...this.state, resyncProblem: message });
      this.retryResync();
    }
  }

  /** Tries a failed reload again, waiting longer after each failure. */
  private retryResync(): void {
    const wait = Math.min(this.resyncRetryMs * 2 ** this.resyncFailures, this.maxResyncRetryMs);
    this.resyncFailures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.resync();
    }, wait);
  }

  private receive(incoming: PushBatch): void {
    if (this.stopped) return;
    const batch = this.loading ? incoming : this.afterSnapshot(incoming);
    if (batch.dropped || batch.restarted) this.resyncWanted = true;
    this.pending.push(batch);
    if (this.pending.length > MAX_PENDING_BATCHES) {
      if (this.loading) {
        // Too much to hold until the snapshot arrives: it will be fetched again.
        this.pending.splice(0, this.pending.length - MAX_PENDING_BATCHES);
        this.resyncWanted = true;
      } else {
        // No frame for a long while (a hidden window): fold them in now.
        this.cancelFrame?.();
        this.cancelFrame = null;
        this.flush();
        return;
      }
    }
    this.requestFrame();
  }

  /**
   * Main's batcher may still hold events the snapshot already had: those are skipped until
   * a newer one arrives. After that, a sequence number going back means the feed restarted.
   */
  private afterSnapshot(batch: PushBatch): PushBatch {
    let events = batch.events;
    if (this.skipThroughSeq !== null) {
      const skip = this.skipThroughSeq;
      events = events.filter((event) => event.seq > skip);
      if (events.length > 0) this.skipThroughSeq = null;
    } else if (events.length > 0 && events[0]!.seq <= this.lastSeq) {
      this.resyncWanted = true;
    }
    const last = events.at(-1);
    if (last) this.lastSeq = last.seq;
    return events === batch.events ? batch : { ...batch, events };
  }

  private wantResync(): void {
    this.resyncWanted = true;
    this.requestFrame();
  }

  private requestFrame(): void {
    if (this.cancelFrame || this.loading || this.stopped) return;
    this.cancelFrame = this.schedule(() => {
      this.cancelFrame = null;
      this.flush();
    });
  }

  private flush(): void {
    if (this.loading || this.stopped) return;
    if (this.resyncWanted && this.state.load === 'ready') {
      const wait = this.lastResyncAt + this.minResyncIntervalMs - this.now();
      if (wait <= 0) {
        void this.resync();
        return;
      }
      if (this.resyncTimer === null) {
        this.resyncTimer = setTimeout(() => {
          this.resyncTimer = null;
          this.requestFrame();
        }, wait);
      }
    }
    if (this.pending.length === 0) return;
    const batches = this.pending;
    this.pending = [];
    this.setState(applyBatches(this.state, batches, this.limits));
  }

  private setState(next: DashboardState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

function lastSeqOf(batches: readonly PushBatch[]): number {
  for (let i = batches.length - 1; i >= 0; i--) {
    const last = batches[i]!.events.at(-1);
    if (last) return last.seq;
  }
  return 0;
}
