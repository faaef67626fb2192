import type { NotificationIntent } from '../../../common/domain/notifications';
import type { FeedStatus } from '../../../common/domain/status';
import type { AppSnapshot, StoreSnapshot } from '../../../common/ipc/app-snapshot';
import type { PushBatch } from '../../../common/ipc/push-batch';
import type { TradingView } from '../../../common/ipc/trading';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings/schema';
import { FeedEngine } from '../../../main/engine';
import { PushBatcher } from '../../../main/ipc/push-batcher';
import { broadcastFrame, createMarketScenario, DEMO_KEY } from '../../../main/simulator';
import type { ScenarioRates } from '../../../main/simulator/scenario-options';

/**
 * Realistic dashboard data from the project's own pipeline: the simulator's market day
 * (createMarketScenario) as frame text, parsed by parseServerFrame, run through a real
 * FeedEngine (store and notification policy) and batched by main's PushBatcher. The
 * snapshot is what 'app:snapshot' would return; the batches are what 'push:batch' would
 * carry after it, one per display frame.
 */
export interface MarketDay {
  snapshot: AppSnapshot;
  batches: PushBatch[];
  /** Ids that are sure to exist, for tests that look for a row (null on an empty day). */
  sample: { orderId: string; betId: string; fixtureId: string; exchange: string } | null;
}

export interface MarketDayOptions {
  seed?: number;
  /** Events in the snapshot (they happened before the window opened). */
  warmupEvents?: number;
  /** Events pushed after the snapshot, in batches. */
  streamedEvents?: number;
  /** Rate of the market day, events per second of its clock (sets how many per batch). */
  eventsPerSecond?: number;
  /** The simulated day ends now by default, so times read as recent. */
  endTime?: number;
  /** Leave the engine in emergency mode when the snapshot is taken. */
  emergency?: boolean;
  settings?: Partial<Settings>;
  keyStatus?: AppSnapshot['keyStatus'];
  demo?: boolean;
  rates?: Partial<ScenarioRates>;
}

const FRAME_MS = 1000 / 60;

export function generateMarketDay(options: MarketDayOptions = {}): MarketDay {
  const warmupEvents = options.warmupEvents ?? 3_000;
  const streamedEvents = options.streamedEvents ?? 0;
  const rate = options.eventsPerSecond ?? 20;
  const endTime = options.endTime ?? Date.now();
  const totalMs = ((warmupEvents + streamedEvents) * 1000) / rate;
  const market = createMarketScenario([{ client: DEMO_KEY.client, name: DEMO_KEY.name }], {
    seed: options.seed ?? 7,
    startTime: Math.round(endTime - totalMs),
    eventsPerSecond: rate,
    emergencyRate: 0,
    missingHedgeRate: 0.015,
    declineRate: 0.08,
    ...options.rates,
  });
  const clock = market.clock;
  const engine = new FeedEngine({
    url: 'ws://127.0.0.1:9/ws/subscribe',
    apiKey: DEMO_KEY.apiKey,
    channels: ['orders', 'bets', 'accounts', 'scores', 'emergency'],
    now: () => clock.now(),
    policy: { hedgeGraceMs: 15_000 },
  });
  const notifications: NotificationIntent[] = [];
  engine.on('notification', (intent) => notifications.push(intent));
  market.model.onChange((change) => {
    const parsed = parseServerFrame(broadcastFrame(change, 'current'));
    if (parsed.ok) engine.handleFrame(parsed.frame, clock.now());
  });
  // The engine's own timer runs on wall time; on the simulated clock the policy is
  // ticked by hand, as often as that timer would fire.
  const tick = () => {
    for (const intent of engine.policy.tick(clock.now())) notifications.push(intent);
  };
  const run = (events: number) => {
    for (let i = 0; i < events; i++) {
      market.scenario.step(1);
      if (i % 20 === 19) tick();
    }
    tick();
  };

  run(warmupEvents);
  if (options.emergency) {
    market.model.setEmergency(true, 'Exchange connectivity lost: Polymarket');
    tick();
  }

  const feed = engine.snapshot() as unknown as StoreSnapshot;
  const now = clock.now();
  const status: FeedStatus = {
    ...engine.status,
    state: 'live',
    since: now - 53_000,
    attempt: 0,
  };
  delete status.reason;
  const settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const snapshot: AppSnapshot = {
    status,
    feed,
    lastEventSeq: feed.recentEvents.at(-1)?.seq ?? 0,
    settings,
    keyStatus: options.keyStatus ?? { set: true, masked: '••••-7b90', storage: 'keychain' },
    demo: options.demo ?? false,
    quietUntil: settings.notifications.quietUntil,
    gaps: [{ from: now - 91_000, to: now - 53_000 }],
    notifications: notifications.slice(-50),
    errors: [
      {
        message: 'invalid orders payload: orderStake: Invalid input',
        at: now - 120_000,
        source: 'bad-frame',
      },
    ],
    trading: marketDayTrading(now, feed.orders.filter((o) => o.orderStatus === 'PLACED').length),
    takenAt: now,
  };

  const batches = streamBatches(engine, market, streamedEvents, rate, tick);
  void engine.stop();
  return { snapshot, batches, sample: sampleIds(feed) };
}

/** Runs the day on and batches what the engine emits as main does, one batch per frame. */
function streamBatches(
  engine: FeedEngine,
  market: ReturnType<typeof createMarketScenario>,
  events: number,
  rate: number,
  tick: () => void,
): PushBatch[] {
  const batches: PushBatch[] = [];
  if (events <= 0) return batches;
  let frameNow = 0;
  let due: (() => void) | null = null;
  const batcher = new PushBatcher({
    send: (_channel, batch) => batches.push(batch as PushBatch),
    summarize: () => ({
      counters: engine.store.counters(market.clock.now()),
      missingHedges: engine.policy.missingHedges(),
    }),
    minIntervalMs: FRAME_MS - 0.01,
    now: () => frameNow,
    timers: {
      set: (callback) => {
        due = callback;
        return 1;
      },
      clear: () => {
        due = null;
      },
    },
  });
  const stop = batcher.listenTo(engine);
  let produced = 0;
  let carry = 0;
  while (produced < events) {
    carry += rate / 60;
    const count = Math.min(events - produced, Math.floor(carry));
    carry -= count;
    for (let i = 0; i < count; i++) market.scenario.step(1);
    produced += count;
    tick();
    frameNow += FRAME_MS;
    const fire = due as (() => void) | null;
    due = null;
    fire?.();
  }
  for (let i = 0; i < 10 && due; i++) {
    frameNow += FRAME_MS;
    const fire = due as () => void;
    due = null;
    fire();
  }
  stop();
  batcher.dispose();
  return batches;
}

function sampleIds(feed: StoreSnapshot): MarketDay['sample'] {
  const bet = feed.bets.at(-1);
  const order = feed.orders.find((o) => o.orderId === bet?.orderId) ?? feed.orders.at(-1);
  const score = feed.scores.at(-1);
  if (!bet || !order || !score) return null;
  return {
    orderId: order.orderId,
    betId: bet.betId,
    fixtureId: score.fixtureId,
    exchange: order.exchange ?? '',
  };
}

/** The trading side of the market day: live, reconciled just after the gap, a fair day's P&L. */
function marketDayTrading(now: number, openOrders: number): TradingView {
  return {
    status: {
      client: 'demo',
      clientName: 'Demo Trading Ltd',
      status: 'live',
      tradingActive: true,
      manualPaused: false,
      manualStopped: false,
      systemTradingBlocked: false,
      emergencyActive: false,
      systemStopped: false,
      softPaused: false,
    },
    checkedAt: now - 4_000,
    problem: null,
    pnl: {
      netRealizedSpread: 1284.56,
      nakedPnl: -212.4,
      unhedgedStake: 830,
      unhedgedStakePct: 1.65,
    },
    positions: {
      totalOrders: 412,
      fixtureCount: 37,
      exchangeCount: 3,
      totalStake: 51_200,
      totalMatched: 18_940,
      totalOpen: 32_260,
      filledCount: 96,
      cancelledCount: 141,
      openCount: openOrders,
    },
    pnlReadAt: now - 52_000,
    openOrders,
    reconciledAt: now - 52_000,
    mergedAt: now - 52_000,
    reloadProblem: null,
    busy: null,
  };
}
