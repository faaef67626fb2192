import type { Gap } from '../../common/domain/connection';
import type { ErrorRecord, FeedEvent } from '../../common/domain/events';
import type { NotificationIntent } from '../../common/domain/notifications';
import type { FeedStatus } from '../../common/domain/status';
import { Emitter } from '../../common/emitter';
import type { Settings } from '../../common/settings/schema';
import { FeedEngine, type FeedEngineOptions } from '../engine';
import { checkEndpoint } from '../feed/endpoint';
import type { Simulator, SimulatorOptions } from '../simulator';
import { RingBuffer } from '../store/ring-buffer';
import type { FeedSnapshot } from '../store/snapshot';

/** Where the controller reads the API key (the vault); it never writes or shows it. */
export interface KeySource {
  readKey(): string | null;
}

export type FeedControllerEvents = {
  status: [status: FeedStatus];
  event: [event: FeedEvent];
  notification: [intent: NotificationIntent];
  error: [error: ErrorRecord];
  gap: [gap: Gap];
  demo: [demo: boolean];
};

export interface FeedControllerOptions {
  keys: KeySource;
  settings: () => Settings;
  /** Starts the embedded simulator for demo mode (injected so tests can tune it). */
  startSimulator: (options: Partial<SimulatorOptions>) => Promise<Simulator>;
  /** Extra engine options (tests shorten timings). */
  engine?: Partial<FeedEngineOptions>;
  /** The demo's pace (events per second); a calm market by default. */
  demoEventsPerSecond?: number;
  now?: () => number;
}

/**
 * Keeps exactly one feed engine running for the current key and settings, or the demo
 * simulator's. Restarts are serialised: the old engine unsubscribes and closes before a
 * new one connects, so a restart never holds two of the key's five connections.
 */
export class FeedController extends Emitter<FeedControllerEvents> {
  private engine: FeedEngine | null = null;
  private simulator: Simulator | null = null;
  private queue: Promise<void> = Promise.resolve();
  private current: FeedStatus;
  private readonly now: () => number;
  private readonly notifications = new RingBuffer<NotificationIntent>(50);
  private readonly gaps = new RingBuffer<Gap>(20);
  private readonly errors = new RingBuffer<ErrorRecord>(50);
  private lastSeq = 0;
  private stopped = false;

  constructor(private readonly options: FeedControllerOptions) {
    super();
    this.now = options.now ?? (() => Date.now());
    this.current = this.idleStatus('starting');
  }

  get status(): FeedStatus {
    return this.current;
  }

  get demo(): boolean {
    return this.simulator !== null;
  }

  /** (Re)starts the feed from the current key and settings. */
  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.shutDown();
      if (!this.stopped) await this.startUp();
    });
  }

  /** Stops for good (quit): unsubscribe, close 1000, stop the demo simulator. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.enqueue(() => this.shutDown());
  }

  checkNow(): void {
    this.engine?.checkNow();
  }

  /** Settings that need no reconnect: notification preferences and hedge grace. */
  applyPreferences(settings: Settings): void {
    const policy = this.engine?.policy;
    if (!policy) return;
    policy.setQuietUntil(settings.notifications.quietUntil);
    policy.setEnabledKinds(settings.notifications.enabledKinds);
    policy.setHedgeGraceMs(settings.hedgeGraceSeconds * 1000);
  }

  feedSnapshot(): FeedSnapshot | null {
    return this.engine?.snapshot() ?? null;
  }

  recentNotifications(): NotificationIntent[] {
    return this.notifications.toArray();
  }

  recentGaps(): Gap[] {
    return this.gaps.toArray();
  }

  recentErrors(): ErrorRecord[] {
    return this.errors.toArray();
  }

  /** The `seq` of the latest event of any engine so far: numbering continues across restarts. */
  get lastEventSeq(): number {
    return this.lastSeq;
  }

  /** The running engine, for cheap reads (counters, missing hedges); null while stopped. */
  get currentEngine(): FeedEngine | null {
    return this.engine;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => {});
    return next;
  }

  private async startUp(): Promise<void> {
    const settings = this.options.settings();
    let url = settings.endpoint;
    let apiKey = this.options.keys.readKey();
    if (settings.demoMode) {
      this.simulator = await this.options.startSimulator({
        scenario: {
          autoStart: true,
          eventsPerSecond: this.options.demoEventsPerSecond ?? 3,
          seed: this.now() % 1_000_000,
          emergencyRate: 0.002,
        },
      });
      url = this.simulator.url;
      apiKey = this.simulator.demoKey;
      this.emit('demo', true);
    }
    if (apiKey === null) {
      this.setStatus(this.idleStatus('no API key: add one in Settings, or try the demo'));
      return;
    }
    try {
      checkEndpoint(url);
    } catch (error) {
      this.setStatus(this.idleStatus((error as Error).message));
      return;
    }
    const engine = new FeedEngine({
      url,
      apiKey,
      channels: settings.channels,
      policy: {
        hedgeGraceMs: settings.hedgeGraceSeconds * 1000,
        quietUntil: settings.notifications.quietUntil,
        enabledKinds: settings.notifications.enabledKinds,
      },
      firstSeq: this.lastSeq + 1,
      ...this.options.engine,
    });
    engine.on('status', (status) => this.setStatus(status));
    engine.on('event', (event) => {
      this.lastSeq = event.seq;
      this.emit('event', event);
    });
    engine.on('notification', (intent) => {
      this.notifications.push(intent);
      this.emit('notification', intent);
    });
    engine.on('error', (error) => {
      this.errors.push(error);
      this.emit('error', error);
    });
    engine.on('gap', (gap) => {
      this.gaps.push(gap);
      this.emit('gap', gap);
    });
    this.engine = engine;
    engine.start();
  }

  private async shutDown(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    if (engine) await engine.stop();
    const simulator = this.simulator;
    this.simulator = null;
    if (simulator) {
      await simulator.close();
      this.emit('demo', false);
    }
    this.setStatus(this.idleStatus(this.stopped ? 'stopped' : 'restarting'));
  }

  private idleStatus(reason: string): FeedStatus {
    return { state: 'stopped', since: this.now(), attempt: 0, reason, emergency: false };
  }

  private setStatus(status: FeedStatus): void {
    this.current = status;
    this.emit('status', status);
  }
}
