import type { Gap } from '../common/domain/connection';
import type { ErrorRecord, FeedEvent } from '../common/domain/events';
import type { NotificationIntent } from '../common/domain/notifications';
import type { FeedStatus } from '../common/domain/status';
import { Emitter } from '../common/emitter';
import type { ServerFrame } from '../common/protocol/server-frames';
import { NotificationPolicy, type NotificationPolicyOptions } from './alerts/notification-policy';
import { WallClock } from './clock/wall-clock';
import { FeedConnection, type FeedConnectionOptions } from './feed/connection';
import { type DayStartFn, localDayStart, nextDayStart } from './store/day-counters';
import type { StoreEffect } from './store/effects';
import { FeedStore, type FeedStoreOptions, type StoreMergeInput } from './store/feed-store';
import type { FeedSnapshot } from './store/snapshot';

export type FeedEngineOptions = Partial<FeedConnectionOptions> &
  Pick<FeedConnectionOptions, 'url' | 'apiKey' | 'channels'> & {
    policy?: NotificationPolicyOptions;
    store?: FeedStoreOptions;
    /** The `seq` of the first event; an engine replacing another continues its numbering. */
    firstSeq?: number;
  };

export type FeedEngineEvents = {
  status: [status: FeedStatus];
  event: [event: FeedEvent];
  notification: [intent: NotificationIntent];
  error: [error: ErrorRecord];
  gap: [gap: Gap];
  /**
   * The state moved on with no event: a policy deadline passed (fills may now miss their
   * hedge, even when quiet mode kept that from being a notification), a new day began
   * (today's counters start again) or a REST merge was folded in (fills counted, hedges
   * found). Listeners re-read counters and missing hedges.
   */
  tick: [at: number];
};

/** setTimeout's limit. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Longest the policy timer sleeps before it looks at the clock again, while a deadline is
 * set (with none, no timer runs at all). Deadlines are wall-clock times, timers run on a
 * monotonic clock that stops while the machine sleeps: after a resume or a forward step of
 * the wall clock a deadline may be long past while the timer still waits. (A wall clock set
 * back moves the deadlines back with it: clock/wall-clock.ts.) One wake every 5 s with a
 * deadline pending is far below the idle CPU budget.
 */
export const MAX_POLICY_WAIT_MS = 5_000;

/**
 * The feed engine: one connection, the store it fills and the policy that decides what
 * the user is told. The desktop app, the headless CLI and the tests all run this.
 */
export class FeedEngine extends Emitter<FeedEngineEvents> {
  readonly connection: FeedConnection;
  readonly store: FeedStore;
  readonly policy: NotificationPolicy;
  private readonly now: () => number;
  private seq = 0;
  private current: FeedStatus;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt: number | null = null;
  private dayTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly dayStartOf: DayStartFn;

  constructor(options: FeedEngineOptions) {
    super();
    this.now = this.wallClock(options);
    this.dayStartOf = options.store?.dayStart ?? localDayStart;
    this.seq = (options.firstSeq ?? 1) - 1;
    // The connection stamps each frame with this clock: a step back is seen before the frame.
    this.connection = new FeedConnection({ ...options, now: this.now });
    // Without the bets channel no hedge is ever seen: fills are not watched for one.
    this.policy = new NotificationPolicy({
      watchHedges: options.channels.includes('bets'),
      ...options.policy,
    });
    this.store = new FeedStore({
      ...options.store,
      missingHedges: () => this.policy.missingHedges(),
    });
    this.current = this.composeStatus();
    this.connection.on('frame', (frame, receivedAt, text) =>
      this.handleFrame(frame, receivedAt, text),
    );
    this.connection.on('status', (status) => {
      this.publishStatus();
      this.notify(this.policy.onStatus(status, this.now()));
    });
    this.connection.on('error', (error) => this.emit('error', error));
    this.connection.on('gap', (gap) => this.emit('gap', gap));
  }

  get status(): FeedStatus {
    return this.current;
  }

  start(): void {
    this.connection.start();
    if (this.dayTimer === undefined) this.scheduleNextDay();
  }

  async stop(): Promise<void> {
    await this.connection.stop();
    this.clearTimer();
    clearTimeout(this.dayTimer);
    this.dayTimer = undefined;
  }

  checkNow(): void {
    this.connection.checkNow();
  }

  setApiKey(apiKey: string): Promise<void> {
    return this.connection.setApiKey(apiKey);
  }

  /**
   * Folds in state learned elsewhere (the REST snapshot after a reconnect) as the feed's
   * own: the policy hears of what changed (an emergency raised or cleared meanwhile, fills
   * made during a gap, with `news`) and the status is republished, so the tray shows the
   * emergency the socket missed.
   */
  mergeState(input: StoreMergeInput, now: number = this.now()): readonly StoreEffect[] {
    const effects = this.store.merge(input, now);
    if (effects.length > 0) this.notify(this.policy.onEffects(effects, now));
    this.publishStatus();
    // Silent changes too (missed fills counted, missing hedges cleared by a hedge found).
    this.emit('tick', now);
    return effects;
  }

  /**
   * Call after changing the policy's settings (the hedge grace): its deadlines may have
   * moved earlier than the timer set for them.
   */
  policyChanged(): void {
    this.scheduleTick();
  }

  snapshot(): FeedSnapshot {
    return this.store.snapshot(this.now());
  }

  /** The `seq` of the latest event; 0 (or firstSeq - 1) before the first. */
  get lastSeq(): number {
    return this.seq;
  }

  /**
   * One frame through the pipeline: store, then policy. `text` is the frame as the server
   * sent it, when at hand. Public for the benchmark.
   */
  handleFrame(frame: ServerFrame, receivedAt: number, text?: string): void {
    if (frame.type !== 'broadcast') return;
    const event = frame as FeedEvent;
    event.seq = ++this.seq;
    event.receivedAt = receivedAt;
    const effects = this.store.apply(event, receivedAt, text);
    // Listeners see the event with the store already updated by it.
    this.emit('event', event);
    if (effects.length > 0) {
      this.notify(this.policy.onEffects(effects, receivedAt));
      if (event.channel === 'emergency') this.publishStatus();
    }
  }

  /**
   * `now`, checked against `monotonicNow` for being set back (clock/wall-clock.ts). Without
   * `monotonicNow`, against performance.now, unless `now` is given (a test's clock): then
   * not at all.
   */
  private wallClock(options: FeedEngineOptions): () => number {
    const wall = options.now ?? (() => Date.now());
    const monotonic =
      options.monotonicNow ?? (options.now === undefined ? () => performance.now() : undefined);
    if (monotonic === undefined) return wall;
    const clock = new WallClock(wall, monotonic, (stepMs) => this.clockSetBack(stepMs));
    return () => clock.read();
  }

  /**
   * The policy's deadlines move back with the clock, and a timer waiting for them is set
   * again. None waits in a stopped engine, nor in the timer's own callback, which reads the
   * clock first and the deadlines after.
   */
  private clockSetBack(stepMs: number): void {
    this.policy.clockSetBack(stepMs);
    if (this.timer === undefined) return;
    this.clearTimer();
    this.scheduleTick();
  }

  private notify(intents: readonly NotificationIntent[]): void {
    for (const intent of intents) this.emit('notification', intent);
    this.scheduleTick();
  }

  /**
   * One timer, at the policy's next deadline (missing hedges, burst summaries, outages).
   * A timer already set for an earlier time is left alone even when the deadline moved later
   * or went away (it then wakes with nothing due, and sets the next one): deadlines move on
   * many frames, and setting a timer is not free. It sleeps at most MAX_POLICY_WAIT_MS at a
   * time; waking before its deadline by the clock, it only sets the next one.
   */
  private scheduleTick(): void {
    const deadline = this.policy.nextDeadline();
    if (deadline === null || (this.timerAt !== null && this.timerAt <= deadline)) return;
    this.clearTimer();
    this.timerAt = deadline;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = null;
        // Read first: a clock set back moves the policy's deadlines (clockSetBack).
        const now = this.now();
        const due = this.policy.nextDeadline();
        if (due === null || now < due) {
          this.scheduleTick();
          return;
        }
        this.notify(this.policy.tick(now));
        this.emit('tick', now);
      },
      Math.min(Math.max(0, deadline - this.now()), MAX_POLICY_WAIT_MS),
    );
    this.timer.unref?.();
  }

  /** A tick when the next day begins, so today's counters are seen to start again. */
  private scheduleNextDay(): void {
    const now = this.now();
    const next = nextDayStart(this.dayStartOf, this.dayStartOf(now));
    if (!(next > now)) return;
    this.dayTimer = setTimeout(
      () => {
        this.dayTimer = undefined;
        // A timer may fire early by the wall clock (it was changed): then it is re-armed.
        if (this.now() >= next) this.emit('tick', this.now());
        this.scheduleNextDay();
      },
      Math.min(next - now, MAX_TIMER_MS),
    );
    this.dayTimer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = null;
  }

  private composeStatus(): FeedStatus {
    const emergency = this.store.emergency;
    const status: FeedStatus = { ...this.connection.status, emergency: emergency.active };
    if (emergency.active) {
      if (emergency.reason !== null) status.emergencyReason = emergency.reason;
      if (emergency.since !== null) status.emergencySince = emergency.since;
    }
    return status;
  }

  private publishStatus(): void {
    const next = this.composeStatus();
    const prev = this.current;
    if (
      prev.state === next.state &&
      prev.since === next.since &&
      prev.reason === next.reason &&
      prev.retryAt === next.retryAt &&
      prev.emergency === next.emergency &&
      prev.emergencyReason === next.emergencyReason
    ) {
      return;
    }
    this.current = next;
    this.emit('status', next);
  }
}
