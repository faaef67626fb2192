import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedStatus } from '../../../common/domain/status';
import type { RestSnapshot } from '../../../common/rest/snapshot';
import type { TradingStatus } from '../../../common/rest/trading-status';
import { NotificationPolicy } from '../../../main/alerts/notification-policy';
import { type TradingClient, TradingMonitor } from '../../../main/app/trading-monitor';
import { ServerRefusedError } from '../../../main/rest';
import { FeedStore } from '../../../main/store/feed-store';

function tradingStatus(status: string, extra: Partial<TradingStatus> = {}): TradingStatus {
  return {
    client: 'demo',
    clientName: 'Demo',
    status,
    tradingActive: status === 'live',
    manualPaused: status === 'manual_paused',
    manualStopped: status === 'manual_stopped',
    systemTradingBlocked: false,
    emergencyActive: status === 'emergency',
    systemStopped: status === 'system_stopped',
    softPaused: status === 'soft_paused',
    ...extra,
  };
}

const PNL = { netRealizedSpread: 12.5, nakedPnl: -3, unhedgedStake: 40, unhedgedStakePct: 1.65 };

function snapshotOf(status: TradingStatus): RestSnapshot {
  return {
    tradingStatus: status,
    openOrders: [
      {
        payload: { orderId: 7, orderStatus: 'PLACED' },
        record: { orderId: '7', orderStatus: 'PLACED', orderStake: 100 },
      },
    ],
    bets: [],
    betsTotal: 0,
    accounts: [],
    pnl: PNL,
    day: '2026-02-15',
    fetchedAt: 0,
  };
}

function fakeClient() {
  let state = tradingStatus('live');
  const control = (next: string, result: string) =>
    vi.fn(async () => {
      state = tradingStatus(next);
      return { ...state, result };
    });
  const client = {
    tradingStatus: vi.fn(async () => state),
    snapshot: vi.fn(async () => snapshotOf(state)),
    positionsSummary: vi.fn(async () => {
      throw new Error('not served');
    }),
    orders: vi.fn(async () => ({ items: [], total: 0, page: 1, pageSize: 0, totalPages: 1 })),
    pause: control('manual_paused', 'pause_applied'),
    resume: control('live', 'resume_applied'),
    stop: control('manual_stopped', 'stop_applied'),
    start: vi.fn(async () => {
      throw new ServerRefusedError('POST /trading/start', 409, 'system stop (maintenance)');
    }),
    cancelAll: vi.fn(async () => ({ cancelled: 3, failed: null, raw: {} })),
  } satisfies TradingClient;
  return { client, set: (next: TradingStatus) => (state = next) };
}

const live: FeedStatus = { state: 'live', since: 0, attempt: 0, emergency: false };
const down: FeedStatus = { state: 'reconnecting', since: 0, attempt: 1, emergency: false };

let monitor: TradingMonitor;

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  monitor.dispose();
  vi.useRealTimers();
});

function setUp() {
  const fake = fakeClient();
  const store = new FeedStore();
  monitor = new TradingMonitor({
    client: fake.client,
    engine: { store, policy: new NotificationPolicy() },
    pollMs: 20_000,
    now: () => Date.now(),
  });
  const notifications: string[] = [];
  monitor.on('notification', (n) => notifications.push(`${n.kind}: ${n.title}`));
  return { ...fake, store, notifications };
}

describe('TradingMonitor', () => {
  it('merges a snapshot into the store each time the feed goes live', async () => {
    const { client, store } = setUp();
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.snapshot).toHaveBeenCalledTimes(1);
    expect(store.order('7')).toMatchObject({ orderStatus: 'PLACED' });
    expect(monitor.current).toMatchObject({ pnl: PNL, openOrders: 1, problem: null });
    expect(monitor.current.reconciledAt).toBe(Date.now());

    monitor.onFeedStatus(down);
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.snapshot).toHaveBeenCalledTimes(2);
  });

  it('polls trading/status every 20 s while live, and not at all otherwise', async () => {
    const { client } = setUp();
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.tradingStatus).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(client.tradingStatus).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(client.tradingStatus).toHaveBeenCalledTimes(3);

    monitor.onFeedStatus(down);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(client.tradingStatus).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps a single timer: a read after an action restarts the 20 s', async () => {
    const { client } = setUp();
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(15_000);
    await monitor.act('pause');
    await vi.advanceTimersByTimeAsync(0);
    expect(client.tradingStatus).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(client.tradingStatus).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.tradingStatus).toHaveBeenCalledTimes(2);
  });

  it('announces a change it did not make, once, and never the result of an action', async () => {
    const { set, notifications } = setUp();
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    set(tradingStatus('system_stopped', { systemReason: 'maintenance' }));
    await vi.advanceTimersByTimeAsync(20_000);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(notifications).toEqual(['trading-status: Trading stopped by the system']);

    set(tradingStatus('live'));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(notifications).toHaveLength(2);
    await monitor.act('pause');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(notifications).toHaveLength(2);
    expect(monitor.current.status?.status).toBe('manual_paused');
  });

  it('reports what an action did, or the server’s detail', async () => {
    setUp();
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(await monitor.act('cancel-all')).toEqual({
      action: 'cancel-all',
      ok: true,
      message: '3 open orders cancelled.',
    });
    expect(await monitor.act('start')).toEqual({
      action: 'start',
      ok: false,
      message: 'system stop (maintenance)',
    });
    expect(monitor.current.busy).toBeNull();
  });

  it('shows a failed read as a problem and keeps polling', async () => {
    const { client } = setUp();
    client.snapshot.mockRejectedValueOnce(new Error('no answer from the server within 10 s'));
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.current.problem).toBe('no answer from the server within 10 s');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(monitor.current.problem).toBeNull();
    expect(monitor.current.status?.status).toBe('live');
  });
});
