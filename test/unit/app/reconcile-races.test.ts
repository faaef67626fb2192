import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import type { FeedStatus } from '../../../common/domain/status';
import type { RestSnapshot } from '../../../common/rest/snapshot';
import type { TradingStatus } from '../../../common/rest/trading-status';
import { type TradingClient, TradingMonitor } from '../../../main/app/trading-monitor';
import { FeedEngine } from '../../../main/engine';
import type { BetRecord } from '../../../main/store/records';
import { betEvent, emergencyEvent, orderEvent } from '../store/feed-events';

/**
 * A REST read that resolves after broadcasts the socket delivered meanwhile: the real engine
 * (store and policy, fed frames by hand) and the trading monitor, over a fake REST client
 * whose snapshot the test answers when it chooses.
 */

const T0 = Date.UTC(2026, 1, 15, 10, 30);
const GRACE_MS = 15_000;

function tradingStatus(status: string): TradingStatus {
  return {
    client: 'demo',
    clientName: 'Demo',
    status,
    tradingActive: status === 'live',
    manualPaused: false,
    manualStopped: false,
    systemTradingBlocked: status === 'emergency',
    emergencyActive: status === 'emergency',
    systemStopped: false,
    softPaused: false,
  };
}

function snapshotWith(status: TradingStatus, bets: BetRecord[] = []): RestSnapshot {
  return {
    tradingStatus: status,
    openOrders: [],
    bets: bets.map((record) => ({ payload: record, record })),
    betsTotal: bets.length,
    accounts: [],
    pnl: { netRealizedSpread: 0, nakedPnl: 0, unhedgedStake: 0, unhedgedStakePct: 0 },
    day: '2026-02-15',
    fetchedAt: 0,
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let engine: FeedEngine;
let monitor: TradingMonitor;

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(async () => {
  monitor.dispose();
  await engine.stop();
  vi.useRealTimers();
});

function setUp() {
  let status = tradingStatus('live');
  const client = {
    tradingStatus: vi.fn(async () => status),
    snapshot: vi.fn(async () => snapshotWith(status)),
    positionsSummary: vi.fn(async () => null),
    pnl: vi.fn(async () => snapshotWith(status).pnl),
    orders: vi.fn(async () => ({ items: [], total: 0, page: 1, pageSize: 0, totalPages: 1 })),
    openOrders: vi.fn(async () => []),
    pause: vi.fn(),
    resume: vi.fn(),
    stop: vi.fn(),
    start: vi.fn(),
    cancelAll: vi.fn(),
  } as unknown as TradingClient & {
    tradingStatus: ReturnType<typeof vi.fn>;
    snapshot: ReturnType<typeof vi.fn>;
  };
  engine = new FeedEngine({
    url: 'ws://127.0.0.1:9/ws/subscribe',
    apiKey: '123e4567-e89b-42d3-a456-426614174000',
    channels: ['orders', 'bets', 'emergency'],
    policy: { timeZone: 'UTC', coalesceWindowMs: 0, hedgeGraceMs: GRACE_MS },
  });
  monitor = new TradingMonitor({ client, engine, now: () => Date.now() });
  const notifications: NotificationIntent[] = [];
  engine.on('notification', (n) => notifications.push(n));
  monitor.on('notification', (n) => notifications.push(n));
  // The socket is up: the engine's statuses reach the monitor as the controller passes them.
  const live = (s: FeedStatus): FeedStatus => ({ ...s, state: 'live' });
  engine.on('status', (s) => monitor.onFeedStatus(live(s)));
  const goLive = () => monitor.onFeedStatus(live(engine.status));
  const frame = (event: ReturnType<typeof betEvent>) => engine.handleFrame(event, Date.now());
  return {
    client,
    notifications,
    goLive,
    frame,
    setStatus: (next: TradingStatus) => (status = next),
  };
}

describe('a reconciliation racing the socket', () => {
  it('keeps a hedge declined over the socket while the snapshot was read, and reports the fill unhedged', async () => {
    const { client, notifications, goLive, frame } = setUp();
    monitor.start();
    frame(
      orderEvent(
        'UPDATE',
        {
          orderId: 7,
          exchange: 'kalshi',
          orderStatus: 'FILLED',
          orderStake: 100,
          matchedStake: 100,
        },
        { orderStatus: 'PLACED', matchedStake: 0 },
      ),
    );
    frame(betEvent('INSERT', { betId: 9, orderId: 7, betStatus: 'pending' }));

    const snapshot = deferred<RestSnapshot>();
    client.snapshot.mockReturnValueOnce(snapshot.promise);
    goLive();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.snapshot).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(1_000);
    frame(betEvent('UPDATE', { betId: 9, orderId: 7, betStatus: 'declined' }));
    // Read before the decline: bet 9 still pending.
    snapshot.resolve(
      snapshotWith(tradingStatus('live'), [{ betId: '9', orderId: '7', betStatus: 'pending' }]),
    );
    await vi.advanceTimersByTimeAsync(0);

    expect(engine.store.bet('9')).toMatchObject({ betStatus: 'declined' });
    await vi.advanceTimersByTimeAsync(GRACE_MS + 5_000);
    expect(engine.policy.fillsMissingHedge).toBe(1);
    expect(notifications.map((n) => n.kind)).toContain('hedge-missing');
  });

  it('keeps an emergency broadcast while the snapshot was read, and reads the trading status at once', async () => {
    const { client, notifications, goLive, frame, setStatus } = setUp();
    monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.tradingStatus).toHaveBeenCalledTimes(1);

    const snapshot = deferred<RestSnapshot>();
    client.snapshot.mockReturnValueOnce(snapshot.promise);
    goLive();
    await vi.advanceTimersByTimeAsync(0);

    vi.advanceTimersByTime(500);
    setStatus(tradingStatus('emergency'));
    frame(emergencyEvent({ emergency: true, reason: 'exchange halted' }));
    expect(engine.status.emergency).toBe(true);
    // Read before the emergency: none.
    snapshot.resolve(snapshotWith(tradingStatus('live')));
    await vi.advanceTimersByTimeAsync(0);

    expect(engine.store.emergency).toMatchObject({ active: true, reason: 'exchange halted' });
    expect(engine.status.emergency).toBe(true);
    expect(notifications.map((n) => n.kind)).not.toContain('emergency-cleared');
    // Read on the broadcast's status change, not 20 s later; the older snapshot does not undo it.
    expect(client.tradingStatus).toHaveBeenCalledTimes(2);
    expect(monitor.current.status?.status).toBe('emergency');
  });

  it('drops a snapshot’s trading status older than a status read that answered first', async () => {
    const { client, notifications, goLive, setStatus } = setUp();
    monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    const snapshot = deferred<RestSnapshot>();
    client.snapshot.mockReturnValueOnce(snapshot.promise);
    goLive();
    await vi.advanceTimersByTimeAsync(0);

    // Paused elsewhere; "Check status now" reads it while the snapshot is still on its way.
    setStatus({ ...tradingStatus('manual_paused'), tradingActive: false, manualPaused: true });
    await monitor.poll();
    expect(monitor.current.status?.status).toBe('manual_paused');
    snapshot.resolve(snapshotWith(tradingStatus('live')));
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.current.status?.status).toBe('manual_paused');
    expect(notifications.filter((n) => n.kind === 'trading-status')).toHaveLength(1);
  });

  it('reads the trading status when the feed’s emergency flag changes, not for a merge of its own', async () => {
    const { client, goLive, frame, setStatus } = setUp();
    monitor.start();
    goLive();
    await vi.advanceTimersByTimeAsync(0);
    const reads = () => client.tradingStatus.mock.calls.length + client.snapshot.mock.calls.length;
    expect(reads()).toBe(2);

    setStatus(tradingStatus('emergency'));
    frame(emergencyEvent({ emergency: true, reason: 'exchange halted' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(reads()).toBe(3);
    expect(monitor.current.status?.status).toBe('emergency');
    setStatus(tradingStatus('live'));
    frame(emergencyEvent({ emergency: false }));
    await vi.advanceTimersByTimeAsync(0);
    expect(reads()).toBe(4);
    expect(monitor.current.status?.status).toBe('live');

    // The snapshot after a reconnect finds an emergency the socket missed: it read the status.
    setStatus(tradingStatus('emergency'));
    monitor.onFeedStatus({ ...engine.status, state: 'reconnecting' });
    goLive();
    await vi.advanceTimersByTimeAsync(0);
    expect(engine.status.emergency).toBe(true);
    expect(reads()).toBe(5);
  });
});
