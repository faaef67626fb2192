import { afterEach, describe, expect, it } from 'vitest';
import type { RestSnapshot } from '../../../common/rest/snapshot';
import type { TradingStatus } from '../../../common/rest/trading-status';
import { DEFAULT_SETTINGS } from '../../../common/settings/schema';
import type { FeedController } from '../../../main/app/feed-controller';
import type { TradingClient } from '../../../main/app/trading-monitor';
import { TEST_KEY as KEY, testFeedController } from '../../support/feed-controller-fixture';
import { waitFor } from '../../support/wait';

let controller: FeedController | undefined;

afterEach(async () => {
  await controller?.stop();
  controller = undefined;
});

/** A REST server whose trading status says whether an emergency is on. */
function restServer() {
  let emergency: string | null = null;
  const status = (): TradingStatus => ({
    client: 'demo',
    clientName: 'Demo',
    status: emergency === null ? 'live' : 'emergency',
    tradingActive: emergency === null,
    manualPaused: false,
    manualStopped: false,
    systemTradingBlocked: emergency !== null,
    emergencyActive: emergency !== null,
    systemStopped: false,
    softPaused: false,
    systemReason: emergency,
  });
  const pnl = { netRealizedSpread: 0, nakedPnl: 0, unhedgedStake: 0, unhedgedStakePct: 0 };
  const snapshot = (): RestSnapshot => ({
    tradingStatus: status(),
    openOrders: [],
    bets: [],
    betsTotal: 0,
    accounts: [],
    pnl,
    day: '2026-11-27',
    fetchedAt: 0,
  });
  const page = { items: [], total: 0, page: 1, pageSize: 0, totalPages: 1 };
  // The reads only: this server takes no actions.
  const client = {
    tradingStatus: async () => status(),
    snapshot: async () => snapshot(),
    pnl: async () => pnl,
    positionsSummary: async () => {
      throw new Error('not served');
    },
    orders: async () => page,
    openOrders: async () => [],
  } as Partial<TradingClient> as TradingClient;
  return {
    client,
    setEmergency: (reason: string | null) => {
      emergency = reason;
    },
  };
}

/** A controller whose sockets the test plays the server for; no REST unless given, no demo. */
function setup(rest?: TradingClient) {
  const { feed, sockets } = testFeedController(rest ? { createRestClient: () => rest } : {});
  controller = feed;
  const last = () => sockets[sockets.length - 1]!;
  const goLive = () => {
    last().acceptConnection();
    last().receive({ type: 'subscribed', subscriptionId: 1 });
  };
  return { feed, sockets, last, goLive };
}

describe('FeedController.reconnectNow', () => {
  it('connects again after "Invalid API key": the account may be active again', async () => {
    const { feed, sockets, last, goLive } = setup();
    await feed.restart();
    goLive();
    last().receive({
      type: 'broadcast',
      channel: 'orders',
      event: 'INSERT',
      payload: { orderId: 1, exchange: 'kalshi', orderStatus: 'PLACED', orderStake: 100 },
    });
    const engine = feed.currentEngine;
    // The client was made inactive: its key is refused like an unknown one.
    last().serverClose(1008, 'Invalid API key');
    expect(feed.status.state).toBe('auth-failed');

    feed.checkNow(); // a check alone never retries a refused key
    expect(sockets).toHaveLength(1);

    feed.reconnectNow();
    expect(sockets).toHaveLength(2);
    expect(feed.status.state).toBe('connecting');
    last().acceptConnection();
    expect(last().sentFrames()).toEqual([
      { type: 'subscribe', apiKey: KEY, channels: DEFAULT_SETTINGS.channels },
    ]);
    last().receive({ type: 'subscribed', subscriptionId: 2 });
    expect(feed.status.state).toBe('live');
    expect(feed.currentEngine).toBe(engine); // what it held is kept
    expect(feed.feedSnapshot()?.orders.map((o) => o.orderId)).toEqual(['1']);
  });

  it('only checks a live connection: a ping on the same socket, no new connection', async () => {
    const { feed, sockets, last, goLive } = setup();
    await feed.restart();
    goLive();
    expect(feed.status.state).toBe('live');

    feed.reconnectNow();
    expect(sockets).toHaveLength(1);
    expect(last().sentFrames().at(-1)).toEqual({ type: 'ping' });
    expect(feed.status.state).toBe('live');
  });
});

describe('FeedController: what the REST snapshot after a reconnect says', () => {
  it('shows an emergency raised while the socket was down, and its end', async () => {
    const rest = restServer();
    const { feed, last, goLive } = setup(rest.client);
    await feed.restart();
    goLive();
    await waitFor(() => feed.tradingView().reconciledAt !== null, 'first reconciliation');
    expect(feed.status.emergency).toBe(false);

    // The emergency broadcast is sent while the socket is down: only REST tells.
    last().serverClose(1006);
    rest.setEmergency('exchange halted');
    feed.reconnectNow(); // retry at once instead of after the backoff
    goLive();
    await waitFor(() => feed.status.emergency, 'the emergency in the status');
    expect(feed.status).toMatchObject({ state: 'live', emergencyReason: 'exchange halted' });

    last().serverClose(1006);
    rest.setEmergency(null);
    feed.reconnectNow();
    goLive();
    await waitFor(() => !feed.status.emergency, 'the emergency cleared in the status');
  });
});

describe('FeedController restarts', () => {
  it('says so each time a restart or a stop drops the running engine and what it held', async () => {
    const { feed, goLive } = setup();
    const restarts: string[] = [];
    feed.on('restarted', () => restarts.push(feed.status.reason ?? ''));
    await feed.restart(); // the first start: nothing was held before it
    goLive();
    expect(restarts).toEqual([]);
    await feed.restart(); // a new key, endpoint or channels
    expect(restarts).toEqual(['restarting']);
    await feed.stop();
    expect(restarts).toEqual(['restarting', 'stopped']);
  });
});
