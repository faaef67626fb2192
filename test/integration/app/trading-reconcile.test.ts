import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings/schema';
import { FeedController } from '../../../main/app/feed-controller';
import { RestClient } from '../../../main/rest';
import { type Simulator, startSimulator } from '../../../main/simulator';
import { waitFor } from '../../support/wait';
import { DAY_START, order, startRestSimulator } from '../rest/rest-fixture';

let simulator: Simulator | undefined;
let controller: FeedController | undefined;

afterEach(async () => {
  await controller?.stop();
  controller = undefined;
  await simulator?.close();
  simulator = undefined;
});

async function setUp(options: { pollMs?: number; settings?: Partial<Settings> } = {}) {
  const sim = await startRestSimulator();
  simulator = sim;
  const settings: Settings = { ...DEFAULT_SETTINGS, endpoint: sim.url, ...options.settings };
  const feed = new FeedController({
    keys: { readKey: () => sim.demoKey },
    settings: () => settings,
    startSimulator,
    engine: { backoff: { baseMs: 20, capMs: 50 } },
    // The simulated day, so "today's" bets and P&L are the simulator's.
    createRestClient: (url, apiKey) =>
      new RestClient({ url, apiKey, now: () => DAY_START + 3_600_000 }),
    ...(options.pollMs !== undefined ? { tradingPollMs: options.pollMs } : {}),
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

describe('reconciliation over REST after each subscribe', () => {
  it('loads the trading status, P&L and open orders on the first subscribe', async () => {
    const { sim, feed } = await setUp();
    const view = feed.tradingView();
    expect(view.status?.status).toBe('live');
    expect(view.pnl).not.toBeNull();
    expect(view.openOrders).toBe(sim.model.openOrders('demo').length);
    expect(view.problem).toBeNull();
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
});
