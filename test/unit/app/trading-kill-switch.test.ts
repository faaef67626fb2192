import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TradingStatus } from '../../../common/rest/trading-status';
import type { FeedController } from '../../../main/app/feed-controller';
import type { TradingClient } from '../../../main/app/trading-monitor';
import { testFeedController } from '../../support/feed-controller-fixture';

// The kill switch through the controller when the WebSocket never connects (server
// down for sockets, connection limit) but REST answers.

let controller: FeedController | undefined;

afterEach(async () => {
  await controller?.stop();
  controller = undefined;
  vi.useRealTimers();
});

function status(state: string): TradingStatus {
  return {
    client: 'demo',
    clientName: 'Demo',
    status: state,
    tradingActive: state === 'live',
    manualPaused: false,
    manualStopped: state === 'manual_stopped',
    systemTradingBlocked: false,
    emergencyActive: false,
    systemStopped: false,
    softPaused: false,
  };
}

function restStub() {
  let state = status('live');
  const unused = () => Promise.reject(new Error('not used here'));
  const client = {
    tradingStatus: vi.fn(async () => state),
    stop: vi.fn(async () => {
      state = status('manual_stopped');
      return { ...state, result: 'stop_applied', cancelledOrders: 2 };
    }),
    openOrders: vi.fn(async () => [
      { payload: { orderId: 1 }, record: { orderId: '1', orderStatus: 'PLACED' } },
      { payload: { orderId: 2 }, record: { orderId: '2', orderStatus: 'PLACED' } },
    ]),
    pnl: vi.fn(async () => ({
      netRealizedSpread: 1,
      nakedPnl: 0,
      unhedgedStake: 0,
      unhedgedStakePct: 0,
    })),
    positionsSummary: vi.fn(unused),
    snapshot: vi.fn(unused),
    orders: vi.fn(unused),
    pause: vi.fn(unused),
    resume: vi.fn(unused),
    start: vi.fn(unused),
    cancelAll: vi.fn(unused),
  } satisfies TradingClient;
  return client;
}

function setUp() {
  vi.useFakeTimers();
  const client = restStub();
  const { feed, sockets } = testFeedController({
    createRestClient: () => client,
    tradingPollMs: 20_000,
  });
  controller = feed;
  return { feed, client, sockets };
}

describe('the kill switch while the socket never connects', () => {
  it('reads the trading status over REST as soon as the feed starts, and keeps polling', async () => {
    const { feed, client, sockets } = setUp();
    await feed.restart();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(1);
    expect(feed.status.state).not.toBe('live');
    expect(feed.tradingView().status?.status).toBe('live');
    expect(feed.tradingView().pnl).not.toBeNull();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(client.tradingStatus).toHaveBeenCalledTimes(2);
    expect(client.snapshot).not.toHaveBeenCalled();
  });

  it('asks with the open orders read just now, and stops trading', async () => {
    const { feed, client } = setUp();
    await feed.restart();
    await vi.advanceTimersByTimeAsync(0);
    expect(await feed.confirmationFacts()).toEqual({
      openOrders: 2,
      exact: true,
      statusKnown: true,
    });
    expect(await feed.tradingAction('stop')).toMatchObject({ action: 'stop', ok: true });
    expect(client.stop).toHaveBeenCalledTimes(1);
    expect(feed.tradingView().status?.status).toBe('manual_stopped');
  });
});
