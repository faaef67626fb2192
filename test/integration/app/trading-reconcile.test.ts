import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings/schema';
import { FeedController } from '../../../main/app/feed-controller';
import { RestClient } from '../../../main/rest';
import { type OrderRecord, type Simulator, startSimulator } from '../../../main/simulator';
import { sleep, waitFor } from '../../support/wait';
import { bet, DAY_START, order, startRestSimulator } from '../rest/rest-fixture';

let simulator: Simulator | undefined;
let controller: FeedController | undefined;

afterEach(async () => {
  await controller?.stop();
  controller = undefined;
  await simulator?.close();
  simulator = undefined;
});

interface SetUpOptions {
  pollMs?: number;
  settings?: Partial<Settings>;
  /** The app's clock (feed, policy, REST "today"); default: the real one, REST on the simulated day. */
  clock?: () => number;
  /** How long a fill may wait for its hedge (the settings allow no less than 1 s). */
  hedgeGraceMs?: number;
  /** Runs on the simulator before the app starts. */
  before?: (sim: Simulator) => void;
  /** Liveness timings of the connection (how soon a silent server is declared dead). */
  liveness?: { pingIntervalMs: number; pongTimeoutMs: number };
}

async function setUp(options: SetUpOptions = {}) {
  const sim = await startRestSimulator();
  simulator = sim;
  options.before?.(sim);
  const settings: Settings = { ...DEFAULT_SETTINGS, endpoint: sim.url, ...options.settings };
  const clock = options.clock;
  const feed = new FeedController({
    keys: { readKey: () => sim.demoKey },
    settings: () => settings,
    startSimulator,
    engine: {
      backoff: { baseMs: 20, capMs: 50 },
      ...(options.hedgeGraceMs !== undefined
        ? { policy: { hedgeGraceMs: options.hedgeGraceMs, timeZone: 'UTC' } }
        : {}),
      ...(clock ? { now: clock } : {}),
      ...options.liveness,
    },
    // The simulated day, so "today's" bets and P&L are the simulator's.
    createRestClient: (url, apiKey) =>
      new RestClient({ url, apiKey, now: clock ?? (() => DAY_START + 3_600_000) }),
    ...(options.pollMs !== undefined ? { tradingPollMs: options.pollMs } : {}),
    ...(clock ? { now: clock } : {}),
  });
  controller = feed;
  const notifications: NotificationIntent[] = [];
  feed.on('notification', (n) => notifications.push(n));
  await feed.restart();
  await waitFor(() => feed.tradingView().reconciledAt !== null, 'first reconciliation');
  return { sim, feed, notifications };
}

function storedOrder(feed: FeedController, id: number) {
  return feed.currentEngine?.store.order(String(id));
}

/** A clock on the simulated day, one hour in, moving with real time. */
function simulatedDayClock(): () => number {
  const offset = DAY_START + 3_600_000 - Date.now();
  return () => Date.now() + offset;
}

/** The REST/broadcast fields of an order filled at `at` (all of its 100 matched). */
function filledAt(at: number): Partial<OrderRecord> {
  const iso = new Date(at).toISOString();
  return {
    orderStatus: 'FILLED',
    matchedStatus: 'FULLY_MATCHED',
    matchedStake: 100,
    matchedAt: iso,
    updatedAt: iso,
  };
}

const GRACE_MS = 300;

describe('reconciliation over REST after each subscribe', () => {
  it('loads the trading status, P&L and open orders on the first subscribe', async () => {
    const { sim, feed } = await setUp();
    const view = feed.tradingView();
    expect(view.status?.status).toBe('live');
    expect(view.pnl).not.toBeNull();
    expect(view.openOrders).toBe(sim.model.openOrders('demo').length);
    expect(view.problem).toBeNull();
    expect(view.reloadProblem).toBeNull();
    expect(view.mergedAt).toBe(view.reconciledAt);
  });

  it('repairs what the socket missed while it was down', async () => {
    const { sim, feed } = await setUp();
    sim.model.insertOrder('demo', order(9002));
    await waitFor(() => storedOrder(feed, 9002) !== undefined, 'order 9002 over the socket');
    const before = feed.tradingView().reconciledAt as number;

    // Cut the socket, then change the model in the same tick: nobody hears the broadcasts.
    sim.faults.drop();
    sim.model.cancelOrder('demo', 9002);
    sim.model.insertOrder('demo', order(9001, { orderStake: 250 }));

    await waitFor(
      () => (feed.tradingView().reconciledAt ?? 0) > before,
      'a reconciliation after the reconnect',
    );
    expect(storedOrder(feed, 9001)).toMatchObject({ orderStatus: 'PLACED', orderStake: 250 });
    expect(storedOrder(feed, 9002)).toMatchObject({ orderStatus: 'CANCELLED' });
    const open = new Set(sim.model.openOrders('demo').map((o) => String(o.orderId)));
    const storeOpen = feed
      .feedSnapshot()
      ?.orders.filter((o) => o.orderStatus === 'PLACED' || o.orderStatus === 'PENDING_PLACEMENT')
      .map((o) => String(o.orderId));
    expect(new Set(storeOpen)).toEqual(open);
    const gap = feed.recentGaps().at(-1);
    expect(gap).toBeDefined();
    expect(feed.tradingView().reconciledAt).toBeGreaterThanOrEqual(gap?.to ?? 0);
  });

  it('announces a status change the user did not make, and not one the user made', async () => {
    const { sim, feed, notifications } = await setUp({ pollMs: 30 });
    sim.rest.setSoftPaused(true, 'odds feed stale');
    await waitFor(
      () => notifications.some((n) => n.kind === 'trading-status'),
      'a trading-status notification',
    );
    expect(notifications.find((n) => n.kind === 'trading-status')).toMatchObject({
      title: 'Trading soft-paused by the engine',
      body: expect.stringContaining('odds feed stale'),
    });
    sim.rest.setSoftPaused(false);
    await waitFor(() => feed.tradingView().status?.status === 'live', 'live again');
    const count = notifications.filter((n) => n.kind === 'trading-status').length;

    const outcome = await feed.tradingAction('pause');
    expect(outcome).toMatchObject({ action: 'pause', ok: true });
    expect(sim.model.tradingStatus('demo')).toBe('manual_paused');
    expect(feed.tradingView().status?.status).toBe('manual_paused');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(notifications.filter((n) => n.kind === 'trading-status')).toHaveLength(count);
  });

  it('stops trading, cancelling every open order, and reports how many', async () => {
    const { sim, feed } = await setUp();
    for (let id = 9101; id <= 9103; id++) sim.model.insertOrder('demo', order(id));
    const open = sim.model.openOrders('demo').length;
    const outcome = await feed.tradingAction('stop');
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toContain(`${open} open order`);
    expect(sim.model.openOrders('demo')).toHaveLength(0);
    expect(sim.model.tradingStatus('demo')).toBe('manual_stopped');
    await waitFor(
      () => storedOrder(feed, 9103)?.orderStatus === 'CANCELLED',
      'the cancellation broadcast',
    );
  });

  it('reports the server’s detail when it refuses', async () => {
    const { sim, feed } = await setUp();
    await feed.tradingAction('stop');
    sim.rest.setSystemStopped(true, 'maintenance');
    const outcome = await feed.tradingAction('start');
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('maintenance');
  });

  it('keeps a turned-off trading-status notification quiet, but never an urgent one', async () => {
    const enabledKinds = DEFAULT_SETTINGS.notifications.enabledKinds.filter(
      (kind) => kind !== 'trading-status',
    );
    const { sim, feed, notifications } = await setUp({
      pollMs: 30,
      settings: { notifications: { enabledKinds, quietUntil: null } },
    });
    sim.rest.setSoftPaused(true, 'odds feed stale');
    await waitFor(() => feed.tradingView().status?.status === 'soft_paused', 'soft-paused');
    sim.rest.setSystemStopped(true, 'maintenance');
    await waitFor(
      () => notifications.some((n) => n.kind === 'trading-status'),
      'the system stop told',
    );
    expect(notifications.filter((n) => n.kind === 'trading-status')).toEqual([
      expect.objectContaining({ title: 'Trading stopped by the system', urgent: true }),
    ]);
  });

  it('watches the fills made while the socket was down for their hedge', async () => {
    const clock = simulatedDayClock();
    const { sim, feed, notifications } = await setUp({ clock, hedgeGraceMs: GRACE_MS });
    const policy = feed.currentEngine?.policy;
    for (const id of [9201, 9202]) sim.model.insertOrder('demo', order(id));
    await waitFor(() => storedOrder(feed, 9202) !== undefined, 'orders 9201-9202 over the socket');
    const before = feed.tradingView().reconciledAt as number;

    // Cut the socket, then trade in the same tick: nobody hears the broadcasts.
    sim.faults.drop();
    // Order 9201 fills and is not hedged.
    sim.model.updateOrder('demo', 9201, filledAt(clock()));
    // Order 9203 is placed and fills, and is not hedged.
    sim.model.insertOrder(
      'demo',
      order(9203, { ...filledAt(clock()), createdAt: new Date(clock()).toISOString() }),
    );
    // Order 9202 fills and is hedged.
    sim.model.updateOrder('demo', 9202, filledAt(clock()));
    sim.model.insertBet('demo', bet(9302, 9202, { placedAt: new Date(clock()).toISOString() }));

    await waitFor(
      () => (feed.tradingView().reconciledAt ?? 0) > before,
      'a reconciliation after the reconnect',
    );
    expect(storedOrder(feed, 9203)).toMatchObject({ orderStatus: 'FILLED', matchedStake: 100 });
    await waitFor(
      () => policy?.fillsMissingHedge === 2,
      () => `2 fills missing a hedge, not ${policy?.fillsMissingHedge}`,
    );
    expect(feed.feedSnapshot()?.missingHedges.orders.map((m) => m.orderId)).toEqual(
      expect.arrayContaining(['9201', '9203']),
    );
    await waitFor(
      () => notifications.some((n) => n.kind === 'hedge-missing'),
      'a hedge-missing notification',
    );
    expect(notifications.filter((n) => n.kind === 'hedge-missing')).toEqual([
      expect.objectContaining({ title: expect.stringMatching(/^No hedge for order 92(01|03)$/) }),
    ]);
    // Still 2: the hedged fill never goes missing.
    await sleep(GRACE_MS);
    expect(policy?.fillsMissingHedge).toBe(2);
  });

  it('raises nothing on the first reconciliation for fills made before the app listened', async () => {
    const clock = simulatedDayClock();
    const earlier = DAY_START + 30 * 60_000;
    const { feed, notifications } = await setUp({
      clock,
      hedgeGraceMs: GRACE_MS,
      before: (sim) => {
        sim.model.insertOrder('demo', order(9401, filledAt(earlier)));
        sim.model.insertOrder(
          'demo',
          order(9402, {
            matchedStatus: 'PARTIALLY_MATCHED',
            matchedStake: 40,
            matchedAt: new Date(earlier).toISOString(),
          }),
        );
      },
    });
    expect(storedOrder(feed, 9402)).toMatchObject({ matchedStake: 40 });
    await sleep(GRACE_MS * 2);
    expect(feed.currentEngine?.policy.fillsMissingHedge).toBe(0);
    expect(notifications.filter((n) => n.kind === 'fill' || n.kind === 'hedge-missing')).toEqual(
      [],
    );
  });

  it('also watches a fill made while the server was silent, before the app saw the socket down', async () => {
    const clock = simulatedDayClock();
    const { sim, feed } = await setUp({
      clock,
      hedgeGraceMs: GRACE_MS,
      liveness: { pingIntervalMs: 100, pongTimeoutMs: 150 },
    });
    const policy = feed.currentEngine?.policy;
    const before = feed.tradingView().reconciledAt as number;

    // Half-open: the socket stays up, the server says nothing; the pong deadline finds it.
    sim.faults.silence();
    const filledAtMs = clock();
    sim.model.insertOrder(
      'demo',
      order(9501, { ...filledAt(filledAtMs), createdAt: new Date(filledAtMs).toISOString() }),
    );
    await waitFor(
      () => (feed.tradingView().reconciledAt ?? 0) > before,
      'a reconciliation after the reconnect',
    );
    const gap = feed.recentGaps().at(-1);
    expect(gap?.from).toBeLessThanOrEqual(filledAtMs);
    await waitFor(
      () => policy?.fillsMissingHedge === 1,
      () => `1 fill missing a hedge, not ${policy?.fillsMissingHedge}`,
    );
    expect(feed.feedSnapshot()?.missingHedges.orders.map((m) => m.orderId)).toEqual(['9501']);
  });
});
