import type { Gap } from '../../common/domain/connection';
import type { ErrorRecord } from '../../common/domain/events';
import type { NotificationIntent } from '../../common/domain/notifications';
import type { FeedStatus } from '../../common/domain/status';
import { Emitter } from '../../common/emitter';
import { type Language, resolveLanguage } from '../../common/i18n/language';
import {
  EMPTY_TRADING_VIEW,
  type TradingAction,
  type TradingActionOutcome,
  type TradingView,
} from '../../common/ipc/trading';
import type { Settings } from '../../common/settings/schema';
import { FeedEngine, type FeedEngineEvents, type FeedEngineOptions } from '../engine';
import { checkEndpoint } from '../feed/endpoint';
import { RestClient } from '../rest';
import type { Simulator, SimulatorOptions } from '../simulator';
import { RingBuffer } from '../store/ring-buffer';
import type { FeedSnapshot } from '../store/snapshot';
import { tradingTexts } from './texts';
import { type TradingClient, TradingMonitor } from './trading-monitor';
import type { ConfirmationFacts } from './trading-texts';

function defaultRestClient(url: string, apiKey: string): TradingClient {
  return new RestClient({ url, apiKey });
}

/** Order ids listed in one error message at most. */
const MAX_IDS_LISTED = 10;

/** What the log and the dashboard's error list say about orders whose final state is unknown. */
export function unresolvedOrdersError(orderIds: readonly string[], at: number): ErrorRecord {
  const listed = orderIds.slice(0, MAX_IDS_LISTED).join(', ');
  const more =
    orderIds.length > MAX_IDS_LISTED ? ` and ${orderIds.length - MAX_IDS_LISTED} more` : '';
  const orders = orderIds.length === 1 ? 'order' : 'orders';
  return {
    source: 'server',
    at,
    message:
      `${orderIds.length} ${orders} shown as open (${listed}${more}) no longer open on the ` +
      'server and not found in its order list: final state unknown, check them on the exchange',
  };
}

/** Where the controller reads the API key (the vault); it never writes or shows it. */
export interface KeySource {
  readKey(): string | null;
}

/** The engine's events, passed on from whichever engine runs, and the controller's own. */
export type FeedControllerEvents = FeedEngineEvents & {
  demo: [demo: boolean];
  /** The trading status, P&L and reconciliation as last known (REST). */
  trading: [view: TradingView];
  /**
   * The running engine was stopped for a restart or a stop: its records, counters and
   * missing hedges are gone with it, and whoever shows them must read them again.
   */
  restarted: [];
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
  /** The REST client for an endpoint and key (tests may pass a fake). Default: RestClient. */
  createRestClient?: (url: string, apiKey: string) => TradingClient;
  /** How often trading/status is read while live. Default 20 s. */
  tradingPollMs?: number;
  /** The OS's preferred languages, for the 'system' language setting (the root: Electron's). */
  osLocales?: readonly string[];
  now?: () => number;
}

/**
 * Keeps exactly one feed engine running for the current key and settings, or the demo
 * simulator's. Restarts are serialised: the old engine unsubscribes and closes before a
 * new one connects, so a restart never holds two of the key's five connections.
 */
export class FeedController extends Emitter<FeedControllerEvents> {
  private engine: FeedEngine | null = null;
  private trading: TradingMonitor | null = null;
  private simulator: Simulator | null = null;
  private queue: Promise<void> = Promise.resolve();
  private current: FeedStatus;
  private readonly now: () => number;
  private readonly notifications = new RingBuffer<NotificationIntent>(50);
  private readonly gaps = new RingBuffer<Gap>(20);
  private readonly errors = new RingBuffer<ErrorRecord>(50);
  private lastSeq = 0;
  private stopped = false;
  private currentLanguage: Language;

  constructor(private readonly options: FeedControllerOptions) {
    super();
    this.now = options.now ?? (() => Date.now());
    this.currentLanguage = this.languageOf(options.settings());
    this.current = this.idleStatus('starting');
  }

  /** The language of notifications and trading results, resolved from the settings. */
  get language(): Language {
    return this.currentLanguage;
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

  /**
   * "Reconnect now" (tray and dashboard). A refused key is never retried on its own, but
   * the server refuses an inactive client's key the same way, so the user may know better
   * (the account is active again): then the engine connects again, keeping what it holds.
   * Otherwise a check, which reconnects at once when the connection is down or silent.
   */
  reconnectNow(): void {
    const engine = this.engine;
    if (engine?.status.state === 'auth-failed') engine.start();
    else engine?.checkNow();
  }

  /** Settings that need no reconnect: notification preferences, hedge grace and language. */
  applyPreferences(settings: Settings): void {
    this.currentLanguage = this.languageOf(settings);
    const engine = this.engine;
    if (!engine) return;
    const policy = engine.policy;
    policy.setQuietUntil(settings.notifications.quietUntil);
    policy.setEnabledKinds(settings.notifications.enabledKinds);
    policy.setHedgeGraceMs(settings.hedgeGraceSeconds * 1000);
    policy.setLanguage(this.currentLanguage);
    // A shorter grace brings waiting fills' deadlines forward: the timer must follow.
    engine.policyChanged();
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

  /** The trading status, P&L and last reconciliation; empty while no feed runs. */
  tradingView(): TradingView {
    return this.trading?.current ?? EMPTY_TRADING_VIEW;
  }

  /** Orders the store holds as open; null while no feed runs. */
  openOrderCount(): number | null {
    const engine = this.engine;
    if (!engine) return null;
    return engine.store.openOrders().length;
  }

  /**
   * What a stop or cancel-all question says: open orders read from the server now (else
   * the store's count, an estimate) and whether the trading status is known.
   */
  async confirmationFacts(): Promise<ConfirmationFacts> {
    if (this.trading) return this.trading.confirmationFacts();
    return { openOrders: this.openOrderCount(), exact: false, statusKnown: false };
  }

  /** Reads trading/status now (no-op while no feed runs). */
  async refreshTrading(): Promise<void> {
    await this.trading?.poll();
  }

  /** Runs a trading action (confirmation is the caller's job) and reads the status after it. */
  async tradingAction(action: TradingAction): Promise<TradingActionOutcome> {
    const trading = this.trading;
    if (!trading) {
      return {
        action,
        ok: false,
        message: tradingTexts(this.currentLanguage).notConnected,
      };
    }
    return trading.act(action);
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
    this.currentLanguage = this.languageOf(settings);
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
        language: this.currentLanguage,
      },
      firstSeq: this.lastSeq + 1,
      ...this.options.engine,
    });
    const trading = this.createTradingMonitor(url, apiKey, engine);
    engine.on('status', (status) => {
      this.setStatus(status);
      trading?.onFeedStatus(status);
    });
    engine.on('event', (event) => {
      this.lastSeq = event.seq;
      this.emit('event', event);
    });
    engine.on('notification', (intent) => {
      this.notifications.push(intent);
      this.emit('notification', intent);
    });
    engine.on('error', (error) => this.reportError(error));
    engine.on('gap', (gap) => {
      this.gaps.push(gap);
      // Before the 'live' status that follows it: the reconciliation then reads the gap.
      trading?.noteGap(gap);
      this.emit('gap', gap);
    });
    engine.on('tick', (at) => this.emit('tick', at));
    this.engine = engine;
    this.trading = trading;
    engine.start();
    // Independent of the socket: the kill switch must work when it cannot connect.
    trading?.start();
  }

  private async shutDown(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    const trading = this.trading;
    this.trading = null;
    if (trading) {
      trading.dispose();
      this.emit('trading', EMPTY_TRADING_VIEW);
    }
    if (engine) await engine.stop();
    const simulator = this.simulator;
    this.simulator = null;
    if (simulator) {
      await simulator.close();
      this.emit('demo', false);
    }
    this.setStatus(this.idleStatus(this.stopped ? 'stopped' : 'restarting'));
    if (engine) this.emit('restarted');
  }

  /**
   * The REST side of the engine. Null when no client can be made for this endpoint and
   * key (the REST client is stricter than nothing, never looser than the socket): the
   * feed then runs without trading status or controls.
   */
  private createTradingMonitor(url: string, apiKey: string, engine: FeedEngine) {
    let client: TradingClient;
    try {
      client = (this.options.createRestClient ?? defaultRestClient)(url, apiKey);
    } catch {
      return null;
    }
    const trading = new TradingMonitor({
      client,
      engine,
      ...(this.options.tradingPollMs !== undefined ? { pollMs: this.options.tradingPollMs } : {}),
      language: () => this.currentLanguage,
      now: this.now,
    });
    trading.on('view', (view) => this.emit('trading', view));
    trading.on('notification', (intent) => this.notifyTrading(intent));
    trading.on('unresolved', (orderIds, at) =>
      this.reportError(unresolvedOrdersError(orderIds, at)),
    );
    return trading;
  }

  /** An error of the controller's own: logged and listed like the engine's. */
  private reportError(error: ErrorRecord): void {
    this.errors.push(error);
    this.emit('error', error);
  }

  /**
   * Trading-status notifications honour the same preferences as the policy's: the kind
   * can be turned off, and quiet mode holds back all but the urgent ones. (What a
   * reconciliation's merge raises comes from the engine, filtered by its policy.)
   */
  private notifyTrading(intent: NotificationIntent): void {
    if (intent.kind === 'trading-status') {
      const { enabledKinds, quietUntil } = this.options.settings().notifications;
      if (!intent.urgent && !enabledKinds.includes('trading-status')) return;
      if (!intent.urgent && quietUntil !== null && quietUntil > this.now()) return;
    }
    this.notifications.push(intent);
    this.emit('notification', intent);
  }

  private languageOf(settings: Settings): Language {
    return resolveLanguage(settings.language, this.options.osLocales ?? []);
  }

  private idleStatus(reason: string): FeedStatus {
    return { state: 'stopped', since: this.now(), attempt: 0, reason, emergency: false };
  }

  private setStatus(status: FeedStatus): void {
    this.current = status;
    this.emit('status', status);
  }
}
