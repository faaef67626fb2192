import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedStatus } from '../../../common/domain/status';
import type { RestOrder, RestSnapshot } from '../../../common/rest/snapshot';
import type { TradingStatus } from '../../../common/rest/trading-status';
import type { ReconcileClient } from '../../../main/app/reconciliation';
import { type TradingClient, TradingMonitor } from '../../../main/app/trading-monitor';
import { ServerRefusedError } from '../../../main/rest';
import type { StoreEffect } from '../../../main/store/effects';
import { FeedStore } from '../../../main/store/feed-store';
import type { OrderRecord } from '../../../main/store/records';
import { tradingStatus } from '../../support/trading-status';
import { accountEvent, betEvent, orderEvent } from '../store/feed-events';

const PNL = { netRealizedSpread: 12.5, nakedPnl: -3, unhedgedStake: 40, unhedgedStakePct: 1.65 };

const T0 = Date.UTC(2026, 1, 15, 10, 30);

function snapshotOf(status: TradingStatus, updatedAt = new Date(T0).toISOString()): RestSnapshot {
  return {
    tradingStatus: status,
    openOrders: [
      {
        payload: { orderId: 7, orderStatus: 'PLACED', updatedAt },
        record: { orderId: '7', orderStatus: 'PLACED', orderStake: 100, updatedAt },
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
    pnl: vi.fn(async ({ from }: { from?: string; to?: string } = {}) => ({
      ...PNL,
      fromDate: from ?? null,
    })),
    orders: vi.fn(async () => ({
      items: [] as RestOrder[],
      total: 0,
      page: 1,
      pageSize: 0,
      totalPages: 1,
    })),
    openOrders: vi.fn(async () => snapshotOf(state).openOrders),
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

/** A promise the test settles by hand: an answer still in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const live: FeedStatus = { state: 'live', since: 0, attempt: 0, emergency: false };
const down: FeedStatus = { state: 'reconnecting', since: 0, attempt: 1, emergency: false };
const connecting: FeedStatus = { state: 'connecting', since: 0, attempt: 0, emergency: false };

let monitor: TradingMonitor;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  monitor.dispose();
  vi.useRealTimers();
});

/** A monitor whose feed has started (start() called); the socket is up to each test. */
function setUp(
  options: { pnlRefreshMs?: number } = {},
  beforeStart: (client: ReturnType<typeof fakeClient>['client']) => void = () => {},
) {
  const fake = fakeClient();
  beforeStart(fake.client);
  const store = new FeedStore();
  const effects: StoreEffect[] = [];
  monitor = new TradingMonitor({
    client: fake.client,
    engine: {
      store,
      mergeState: (input, now) => {
        const merged = store.merge(input, now ?? Date.now());
        effects.push(...merged);
        return merged;
      },
    },
    pollMs: 20_000,
    ...options,
    now: () => Date.now(),
  });
  const notifications: string[] = [];
  monitor.on('notification', (n) => notifications.push(`${n.kind}: ${n.title}`));
  monitor.start();
  return { ...fake, store, notifications, effects };
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

  it('keeps a single timer: a read after an action restarts the 20 s', async () => {
    const { client } = setUp();
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(client.tradingStatus).toHaveBeenCalledTimes(1);
    await monitor.act('pause');
    await vi.advanceTimersByTimeAsync(0);
    expect(client.tradingStatus).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(client.tradingStatus).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.tradingStatus).toHaveBeenCalledTimes(3);
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

  it('shows a failed reload as a reload problem, not the status’s, and keeps polling', async () => {
    const { client } = setUp();
    client.snapshot.mockRejectedValueOnce(new Error('no answer from the server within 10 s'));
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.current).toMatchObject({
      problem: null,
      reloadProblem:
        'Orders, hedges and accounts could not be reloaded from the server (no answer from the server within 10 s): updates the feed missed may not be shown. Retried automatically.',
    });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(monitor.current).toMatchObject({ problem: null, reloadProblem: null });
    expect(monitor.current.status?.status).toBe('live');
  });
});

describe('TradingMonitor when the socket never goes live (REST still answers)', () => {
  it('reads the trading status from the start, and every 20 s whatever the socket does', async () => {
    const { client } = setUp();
    monitor.onFeedStatus(connecting);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.tradingStatus).toHaveBeenCalledTimes(1);
    expect(monitor.current.status?.status).toBe('live');
    monitor.onFeedStatus(down);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.tradingStatus).toHaveBeenCalledTimes(4);
    expect(client.snapshot).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
  });

  it('runs the kill switch and reads the status after it', async () => {
    const { client } = setUp();
    monitor.onFeedStatus(down);
    await vi.advanceTimersByTimeAsync(0);
    expect(await monitor.act('stop')).toMatchObject({ action: 'stop', ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.stop).toHaveBeenCalledTimes(1);
    expect(client.tradingStatus).toHaveBeenCalledTimes(2);
    expect(monitor.current.status?.status).toBe('manual_stopped');
  });

  it('keeps reading after the server fails, and stops for good when disposed', async () => {
    const { client } = setUp({}, (c) =>
      c.tradingStatus.mockRejectedValueOnce(new Error('connection refused')),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.current).toMatchObject({ status: null, problem: 'connection refused' });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(monitor.current).toMatchObject({ status: { status: 'live' }, problem: null });
    monitor.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.tradingStatus).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('TradingMonitor and answers older than what the app knows', () => {
  it('drops a status read that was in flight while an action ran: no false “changed by the server”', async () => {
    const { client, notifications } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    const old = deferred<TradingStatus>();
    client.tradingStatus.mockImplementationOnce(() => old.promise);
    const poll = monitor.poll();
    await monitor.act('pause');
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.current.status?.status).toBe('manual_paused');

    old.resolve(tradingStatus('live'));
    await poll;
    expect(monitor.current.status?.status).toBe('manual_paused');
    expect(notifications).toEqual([]);
  });

  it('drops a status read that started while an action was still running', async () => {
    const { client, set, notifications } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    const stopping = deferred<TradingStatus & { result: string }>();
    client.stop.mockImplementationOnce(() => stopping.promise);
    const action = monitor.act('stop');
    const old = deferred<TradingStatus>();
    client.tradingStatus.mockImplementationOnce(() => old.promise);
    const poll = monitor.poll();
    set(tradingStatus('manual_stopped'));
    stopping.resolve({ ...tradingStatus('manual_stopped'), result: 'stop_applied' });
    await action;
    old.resolve(tradingStatus('live'));
    await poll;
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.current.status?.status).toBe('manual_stopped');
    expect(notifications).toEqual([]);
  });

  it('takes a read that started after the action ended, and tells a later change', async () => {
    const { set, notifications } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    await monitor.act('pause');
    await vi.advanceTimersByTimeAsync(0);
    set(tradingStatus('system_stopped'));
    await monitor.poll();
    expect(monitor.current.status?.status).toBe('system_stopped');
    expect(notifications).toEqual(['trading-status: Trading stopped by the system']);
  });

  it('does not let a snapshot read before an action overwrite its status', async () => {
    const { client, notifications } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    const old = deferred<RestSnapshot>();
    client.snapshot.mockImplementationOnce(() => old.promise);
    monitor.onFeedStatus(live);
    await monitor.act('pause');
    old.resolve(snapshotOf(tradingStatus('live')));
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.current.reconciledAt).toBe(Date.now());
    expect(monitor.current.status?.status).toBe('manual_paused');
    expect(notifications).toEqual([]);
  });

  it('keeps an order the socket cancelled while the snapshot was in flight cancelled', async () => {
    const { client, store } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    const placedAt = new Date(T0).toISOString();
    store.apply(
      orderEvent('INSERT', { orderId: 7, orderStatus: 'PLACED', updatedAt: placedAt }),
      T0,
    );
    const inFlight = deferred<RestSnapshot>();
    client.snapshot.mockImplementationOnce(() => inFlight.promise);
    monitor.onFeedStatus(live);
    store.apply(
      orderEvent('UPDATE', {
        orderId: 7,
        orderStatus: 'CANCELLED',
        updatedAt: new Date(T0 + 1_000).toISOString(),
      }),
      T0 + 1_000,
    );
    inFlight.resolve(snapshotOf(tradingStatus('live'), placedAt));
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.current.reconciledAt).not.toBeNull();
    expect(store.order('7')?.orderStatus).toBe('CANCELLED');
    expect(store.openOrders()).toEqual([]);
  });

  it('keeps what an account broadcast said while the snapshot was in flight', async () => {
    const { client, store } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    const account = (balance: number, active: boolean) => ({
      exchange: 'kalshi',
      username: 'mm1',
      balance,
      active,
    });
    const inFlight = deferred<RestSnapshot>();
    client.snapshot.mockImplementationOnce(() => inFlight.promise);
    monitor.onFeedStatus(live);
    store.apply(accountEvent(account(400, false)), T0 + 1_000);
    const read = snapshotOf(tradingStatus('live'));
    read.accounts = [
      { payload: account(1_000, true), record: account(1_000, true) },
      {
        payload: { ...account(50, true), username: 'mm2' },
        record: { ...account(50, true), username: 'mm2' },
      },
    ];
    inFlight.resolve(read);
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.current.reconciledAt).not.toBeNull();
    expect(store.account('kalshi', 'mm1')).toMatchObject({ balance: 400, active: false });
    // An account no broadcast changed takes the snapshot's copy.
    expect(store.account('kalshi', 'mm2')).toMatchObject({ balance: 50 });

    // The next reconciliation's copy is newer than that broadcast: it is taken.
    read.accounts = [{ payload: account(900, true), record: account(900, true) }];
    client.snapshot.mockResolvedValueOnce(read);
    monitor.onFeedStatus(down);
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.account('kalshi', 'mm1')).toMatchObject({ balance: 900, active: true });
  });
});

describe('TradingMonitor and today’s P&L', () => {
  const pnlDays = (client: ReturnType<typeof fakeClient>['client']) =>
    client.pnl.mock.calls.map(([range]) => range?.from);

  it('re-reads P&L and positions about every minute, and rolls over at UTC midnight', async () => {
    vi.setSystemTime(Date.UTC(2026, 1, 15, 23, 59, 30));
    const { client } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    expect(pnlDays(client)).toEqual(['2026-02-15']);
    expect(monitor.current.pnl).toMatchObject({ ...PNL, fromDate: '2026-02-15' });
    await vi.advanceTimersByTimeAsync(20_000); // 23:59:50
    expect(pnlDays(client)).toEqual(['2026-02-15']);
    await vi.advanceTimersByTimeAsync(20_000); // 00:00:10, a new day
    expect(pnlDays(client)).toEqual(['2026-02-15', '2026-02-16']);
    expect(monitor.current.pnl).toMatchObject({ fromDate: '2026-02-16' });
    await vi.advanceTimersByTimeAsync(40_000); // 00:00:50
    expect(pnlDays(client)).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(20_000); // 00:01:10, a minute on
    expect(pnlDays(client)).toEqual(['2026-02-15', '2026-02-16', '2026-02-16']);
    expect(client.positionsSummary).toHaveBeenCalledTimes(3);
    expect(client.positionsSummary).toHaveBeenLastCalledWith({
      from: '2026-02-16',
      to: '2026-02-16',
    });
  });

  it('keeps re-reading them every minute when the clock is set back', async () => {
    const { client } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.pnl).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() - 3_600_000);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(client.pnl).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(client.pnl).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(client.pnl).toHaveBeenCalledTimes(3);
  });

  it('re-reads them after an action, with the status', async () => {
    const { client } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.pnl).toHaveBeenCalledTimes(1);
    await monitor.act('cancel-all');
    await vi.advanceTimersByTimeAsync(0);
    expect(client.pnl).toHaveBeenCalledTimes(2);
  });

  it('counts a snapshot as a read, and shows no P&L from yesterday once it cannot be read', async () => {
    vi.setSystemTime(Date.UTC(2026, 1, 15, 23, 59, 50));
    const { client } = setUp({ pnlRefreshMs: 600_000 });
    await vi.advanceTimersByTimeAsync(0);
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.pnl).toHaveBeenCalledTimes(1);
    expect(monitor.current.pnl).not.toBeNull();
    client.pnl.mockRejectedValue(new Error('timeout'));
    await vi.advanceTimersByTimeAsync(20_000); // 00:00:10
    expect(client.pnl).toHaveBeenCalledTimes(2);
    expect(monitor.current.pnl).toBeNull();
    expect(monitor.current.status?.status).toBe('live');
  });
});

describe('TradingMonitor’s facts for a stop or cancel-all question', () => {
  it('reads the open orders from the server just now', async () => {
    const { client } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    expect(await monitor.confirmationFacts()).toEqual({
      openOrders: 1,
      exact: true,
      statusKnown: true,
    });
    expect(client.openOrders).toHaveBeenCalledTimes(1);
  });

  it('falls back to the store’s count, as an estimate, once the store has been filled', async () => {
    const { store } = setUp({}, (c) => {
      for (const call of [c.tradingStatus, c.snapshot, c.openOrders]) {
        call.mockRejectedValue(new Error('down'));
      }
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(await monitor.confirmationFacts()).toEqual({
      openOrders: null,
      exact: false,
      statusKnown: false,
    });
    monitor.onFeedStatus(live);
    store.apply(orderEvent('INSERT', { orderId: 1, orderStatus: 'PLACED' }), T0);
    store.apply(orderEvent('INSERT', { orderId: 2, orderStatus: 'PLACED' }), T0);
    expect(await monitor.confirmationFacts()).toEqual({
      openOrders: 2,
      exact: false,
      statusKnown: false,
    });
  });

  it('waits at most 3 s for the server', async () => {
    const { client } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    client.openOrders.mockImplementationOnce(() => new Promise(() => {}));
    const facts = monitor.confirmationFacts();
    let settled = false;
    void facts.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(2_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await facts).toEqual({ openOrders: null, exact: false, statusKnown: true });
  });
});

const iso = (t: number) => new Date(t).toISOString();
const rest = (record: OrderRecord): RestOrder => ({ payload: record, record });
const pageOf = (records: OrderRecord[]) => ({
  items: records.map(rest),
  total: records.length,
  page: 1,
  pageSize: 2000,
  totalPages: 1,
});

/** An order as REST lists it, filled (all 100 matched) at `matchedAt`. */
function filledOrder(orderId: string, matchedAt: number): OrderRecord {
  return {
    orderId,
    exchange: 'kalshi',
    orderStatus: 'FILLED',
    matchedStatus: 'FULLY_MATCHED',
    orderStake: 100,
    matchedStake: 100,
    matchedAt: iso(matchedAt),
    updatedAt: iso(matchedAt),
  };
}

/** What serves GET /bets in a test. */
type ReconcileBets = NonNullable<ReconcileClient['bets']>;

const fillsOf = (effects: StoreEffect[]) =>
  effects.flatMap((e) => (e.kind === 'fill' ? [[e.order.orderId, e.matchedDelta]] : []));

describe('TradingMonitor after a gap', () => {
  /** The feed was live from T0, went down at T0 + 60 s and is live again at T0 + 90 s. */
  async function reconnect(gap?: { from: number; to: number }) {
    vi.setSystemTime(T0 + 60_000);
    monitor.onFeedStatus({ ...down, since: T0 + 60_000 });
    vi.setSystemTime(T0 + 90_000);
    if (gap) monitor.noteGap(gap);
    monitor.onFeedStatus({ ...live, since: T0 + 90_000 });
    await vi.advanceTimersByTimeAsync(0);
  }

  it('merges the fills the socket missed as news, from the snapshot and today’s orders', async () => {
    const { client, store, effects } = setUp();
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(effects).toEqual([]);

    // Order 7, still open, matched 30 meanwhile.
    const partly = { ...snapshotOf(tradingStatus('live')) };
    const grown: OrderRecord = {
      orderId: '7',
      orderStatus: 'PLACED',
      matchedStatus: 'PARTIALLY_MATCHED',
      orderStake: 100,
      matchedStake: 30,
      matchedAt: iso(T0 + 70_000),
      updatedAt: iso(T0 + 70_000),
    };
    partly.openOrders = [rest(grown)];
    client.snapshot.mockResolvedValueOnce(partly);
    client.orders.mockResolvedValueOnce(
      pageOf([
        grown,
        // Placed and filled during the gap.
        filledOrder('8', T0 + 70_000),
        // Filled after the last frame, before the socket was seen to close.
        filledOrder('9', T0 + 57_000),
        // Filled this morning, before the app listened: history.
        filledOrder('10', T0 - 3_600_000),
      ]),
    );
    await reconnect({ from: T0 + 55_000, to: T0 + 90_000 });

    expect(client.orders).toHaveBeenCalledWith(
      expect.objectContaining({ from: '2026-02-15', to: '2026-02-15' }),
    );
    expect(fillsOf(effects)).toEqual([
      ['7', 30],
      ['8', 100],
      ['9', 100],
    ]);
    expect(store.order('10')).toBeUndefined();
    expect(store.counters().fills).toBe(3);
  });

  it('reports a gap fill of an order now finished, though a broadcast of it came before the reload', async () => {
    const { client, store, effects } = setUp();
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    vi.setSystemTime(T0 + 60_000);
    monitor.onFeedStatus({ ...down, since: T0 + 60_000 });
    vi.setSystemTime(T0 + 90_000);
    client.orders.mockResolvedValueOnce(pageOf([filledOrder('8', T0 + 70_000)]));
    monitor.onFeedStatus({ ...live, since: T0 + 90_000 });
    // Its settlement, broadcast before the reload is read: it does not show the match.
    store.apply(
      orderEvent(
        'UPDATE',
        { ...filledOrder('8', T0 + 70_000), orderId: 8, settlementStatus: 'WON' },
        { settlementStatus: 'UNDECIDED' },
      ),
      T0 + 90_500,
    );
    expect(store.counters().fills).toBe(0);
    await vi.advanceTimersByTimeAsync(0);

    expect(fillsOf(effects)).toEqual([['8', 100]]);
    expect(store.counters().fills).toBe(1);
  });

  it('raises nothing on the first reconciliation for what happened before the app listened', async () => {
    const { client, store, effects } = setUp();
    const first = { ...snapshotOf(tradingStatus('live')) };
    const earlier = iso(T0 - 1_800_000);
    first.openOrders = [
      rest({
        orderId: '7',
        orderStatus: 'PLACED',
        orderStake: 100,
        matchedStake: 40,
        matchedAt: earlier,
        updatedAt: earlier,
      }),
    ];
    client.snapshot.mockResolvedValueOnce(first);
    client.orders.mockResolvedValueOnce(pageOf([filledOrder('10', T0 - 3_600_000)]));
    monitor.onFeedStatus({ ...live, since: T0 });
    await vi.advanceTimersByTimeAsync(0);

    expect(store.order('7')).toMatchObject({ matchedStake: 40 });
    expect(store.order('10')).toBeUndefined();
    expect(effects).toEqual([]);
    expect(store.counters().fills).toBe(0);
  });

  it('reports a fill the first reload lists before its broadcast arrives, once', async () => {
    const { client, store, effects } = setUp();
    // Seen over the socket once it was live, unmatched; REST already lists it filled.
    store.apply(
      orderEvent('INSERT', { orderId: 5, orderStatus: 'PLACED', orderStake: 100, matchedStake: 0 }),
      T0 + 1_000,
    );
    client.orders.mockResolvedValueOnce(pageOf([filledOrder('5', T0 + 5_000)]));
    vi.setSystemTime(T0 + 6_000);
    monitor.onFeedStatus({ ...live, since: T0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(fillsOf(effects)).toEqual([['5', 100]]);

    // Its broadcast, late: nothing new in it.
    const late = store.apply(
      orderEvent(
        'UPDATE',
        { ...filledOrder('5', T0 + 5_000), orderId: 5 },
        { matchedStake: 0, orderStatus: 'PLACED' },
      ),
      T0 + 7_000,
    );
    expect(late).toEqual([]);
    expect(store.counters().fills).toBe(1);
  });

  it('reads the gap again at the next poll when today’s orders could not be read, shown unrepaired until then', async () => {
    const { client, store, effects } = setUp();
    monitor.onFeedStatus({ ...live, since: T0 });
    await vi.advanceTimersByTimeAsync(0);
    // The first pass read what changed since the feed went live.
    client.orders.mockClear();

    client.orders.mockRejectedValueOnce(new Error('no answer from the server within 10 s'));
    await reconnect();
    expect(client.orders).toHaveBeenCalledTimes(1);
    expect(effects).toEqual([]);
    // Not "reconciled at" a time after the gap, and the reload problem says why.
    expect(monitor.current.reconciledAt).toBe(T0);
    expect(monitor.current.reloadProblem).toMatch(/^Not everything missed while disconnected/);
    expect(monitor.current.problem).toBeNull();

    // The socket stays up: the next poll reads the gap again, and the fill in it is news.
    client.orders.mockResolvedValueOnce(pageOf([filledOrder('8', T0 + 70_000)]));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(client.snapshot).toHaveBeenCalledTimes(3);
    expect(fillsOf(effects)).toEqual([['8', 100]]);
    expect(store.order('8')).toMatchObject({ orderStatus: 'FILLED' });
    expect(monitor.current).toMatchObject({ reconciledAt: T0 + 110_000, reloadProblem: null });

    // Repaired: polls go back to the trading status alone, and nothing is reported again.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.snapshot).toHaveBeenCalledTimes(3);
    expect(client.orders).toHaveBeenCalledTimes(2);

    // A later reconnect with the order as it was does not report it again either.
    client.orders.mockResolvedValueOnce(pageOf([filledOrder('8', T0 + 70_000)]));
    monitor.onFeedStatus({ ...down, since: T0 + 300_000 });
    monitor.onFeedStatus({ ...live, since: T0 + 310_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(fillsOf(effects)).toEqual([['8', 100]]);
  });

  it('loads the snapshot again at the next poll when it failed, until it succeeds', async () => {
    const { client, effects } = setUp();
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);

    client.snapshot.mockRejectedValueOnce(new Error('503 Service Unavailable'));
    client.snapshot.mockRejectedValueOnce(new Error('503 Service Unavailable'));
    client.orders.mockResolvedValue(pageOf([filledOrder('8', T0 + 70_000)]));
    await reconnect();
    expect(monitor.current.reloadProblem).toContain('503');
    expect(monitor.current.reconciledAt).toBe(T0);
    await vi.advanceTimersByTimeAsync(20_000);
    // Still failing: the problem stays on screen.
    expect(client.snapshot).toHaveBeenCalledTimes(3);
    expect(monitor.current.reloadProblem).toContain('503');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(client.snapshot).toHaveBeenCalledTimes(4);
    expect(monitor.current.reloadProblem).toBeNull();
    expect(fillsOf(effects)).toEqual([['8', 100]]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.snapshot).toHaveBeenCalledTimes(4);
  });

  it('keeps polling the trading status when the socket drops while a retried reload is read', async () => {
    const { client, set } = setUp();
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    client.snapshot.mockRejectedValueOnce(new Error('503 Service Unavailable'));
    await reconnect();
    // The retry at the next poll is still on its way when the socket drops.
    const retried = deferred<RestSnapshot>();
    client.snapshot.mockImplementationOnce(() => retried.promise);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(client.snapshot).toHaveBeenCalledTimes(3);
    monitor.onFeedStatus({ ...down, since: Date.now() });
    retried.resolve(snapshotOf(tradingStatus('live')));
    await vi.advanceTimersByTimeAsync(0);

    // Stopped elsewhere while the socket is down: the next poll finds it.
    const reads = client.tradingStatus.mock.calls.length;
    set(tradingStatus('manual_stopped'));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(client.tradingStatus.mock.calls.length).toBe(reads + 1);
    expect(monitor.current.status?.status).toBe('manual_stopped');
  });

  it('retries an unrepaired gap at most once a poll period, however often the status is read', async () => {
    const { client } = setUp();
    monitor.onFeedStatus({ ...live, since: T0 });
    await vi.advanceTimersByTimeAsync(0);
    client.orders.mockRejectedValue(new Error('GET /orders answered 504: Gateway Timeout'));
    await reconnect();
    expect(client.snapshot).toHaveBeenCalledTimes(2);
    const statusReads = client.tradingStatus.mock.calls.length;

    // "Check status now" twice within the period: the status alone, the problem kept.
    await monitor.poll();
    await vi.advanceTimersByTimeAsync(10_000);
    await monitor.poll();
    expect(client.snapshot).toHaveBeenCalledTimes(2);
    expect(client.tradingStatus.mock.calls.length).toBe(statusReads + 2);
    expect(monitor.current.reloadProblem).toMatch(/^Not everything missed while disconnected/);

    // The poll a period after the last read: the gap is read again.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(client.snapshot).toHaveBeenCalledTimes(3);
  });

  it('shows a gap with more orders than one reload reads as unrepaired, and does not read it all again at every poll', async () => {
    const { client } = setUp();
    monitor.onFeedStatus({ ...live, since: T0 });
    await vi.advanceTimersByTimeAsync(0);
    client.orders.mockClear();
    // 25,000 orders made during the gap: the page limit (20,000) stops before its start.
    const made = Array.from({ length: 25_000 }, (_, i) => ({
      ...filledOrder(String(1_000 + i), T0 + 61_000 + i),
      createdAt: iso(T0 + 61_000 + i),
    }));
    client.orders.mockImplementation(ordersServer(made));
    await reconnect();
    expect(client.orders).toHaveBeenCalledTimes(10);
    expect(monitor.current.reconciledAt).toBe(T0);
    expect(monitor.current.reloadProblem).toMatch(/^More orders were made while disconnected/);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.orders).toHaveBeenCalledTimes(10);
    expect(monitor.current.reloadProblem).toMatch(/^More orders were made while disconnected/);

    // A later blip reads its own short gap, not the capped one again, and repairs it.
    client.orders.mockClear();
    vi.setSystemTime(T0 + 300_000);
    monitor.onFeedStatus({ ...down, since: T0 + 300_000 });
    vi.setSystemTime(T0 + 302_000);
    monitor.onFeedStatus({ ...live, since: T0 + 302_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.orders).toHaveBeenCalledTimes(1);
    expect(monitor.current.reloadProblem).toBeNull();
    expect(monitor.current.reconciledAt).toBe(T0 + 302_000);
  });

  it('does not load the snapshot while the feed is down', async () => {
    const { client } = setUp();
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    client.snapshot.mockRejectedValueOnce(new Error('503 Service Unavailable'));
    await reconnect();
    monitor.onFeedStatus({ ...down, since: T0 + 100_000 });
    const statusReads = client.tradingStatus.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.snapshot).toHaveBeenCalledTimes(2);
    // It keeps polling the trading status meanwhile.
    expect(client.tradingStatus.mock.calls.length).toBe(statusReads + 3);
  });
});

/** GET /orders as the server answers it: created in [from, to] (UTC days), newest first, paged. */
function ordersServer(all: OrderRecord[]) {
  const newestFirst = [...all].sort((a, b) => Number(b.orderId) - Number(a.orderId));
  return async (query: { from?: string; to?: string; page?: number; pageSize?: number } = {}) => {
    const listed = newestFirst.filter((o) => {
      const day = String(o.createdAt).slice(0, 10);
      return (
        (query.from === undefined || day >= query.from) &&
        (query.to === undefined || day <= query.to)
      );
    });
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const items = listed.slice((page - 1) * pageSize, page * pageSize).map(rest);
    return {
      items,
      total: listed.length,
      page,
      pageSize,
      totalPages: Math.ceil(listed.length / pageSize),
    };
  };
}

describe('TradingMonitor looking up orders no longer open', () => {
  const DAY1_2330 = Date.UTC(2026, 1, 14, 23, 30);
  const DAY2_0200 = Date.UTC(2026, 1, 15, 2, 0);
  const DAY2_0800 = Date.UTC(2026, 1, 15, 8, 0);

  /** A snapshot of `day` listing no open order. */
  function snapshotNoneOpen(day: string): RestSnapshot {
    return { ...snapshotOf(tradingStatus('live')), openOrders: [], day };
  }

  /** An order the socket delivered as placed at `createdAt`. */
  function placedOverSocket(store: FeedStore, orderId: number, createdAt: number) {
    store.apply(
      orderEvent('INSERT', {
        orderId,
        exchange: 'kalshi',
        orderStatus: 'PLACED',
        matchedStatus: 'NOT_MATCHED',
        orderStake: 100,
        matchedStake: 0,
        createdAt: iso(createdAt),
        updatedAt: iso(createdAt),
      }),
      createdAt,
    );
  }

  /** The REST copy of an order placed at `createdAt` and filled at `filledAt`. */
  const filledCopy = (orderId: string, createdAt: number, filledAt: number): OrderRecord => ({
    ...filledOrder(orderId, filledAt),
    createdAt: iso(createdAt),
  });

  /**
   * Order 42, placed over the socket at 23:30 on day 1, fills at 23:45 while the machine is
   * asleep (from 23:40); the feed is live again at 08:00 on day 2. `bets` serves /bets.
   */
  async function overnightGapWithFill42(bets: ReconcileBets) {
    vi.setSystemTime(DAY1_2330 - 600_000);
    const fixture = setUp({}, (c) => Object.assign(c, { bets }));
    const { client, store } = fixture;
    client.snapshot.mockResolvedValue(snapshotNoneOpen('2026-02-14'));
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    vi.setSystemTime(DAY1_2330);
    placedOverSocket(store, 42, DAY1_2330);
    vi.setSystemTime(DAY1_2330 + 600_000);
    monitor.onFeedStatus({ ...down, since: DAY1_2330 + 600_000 });
    client.orders.mockImplementation(
      ordersServer([filledCopy('42', DAY1_2330, DAY1_2330 + 900_000)]),
    );
    // Today's snapshot lists today's bets only.
    client.snapshot.mockResolvedValue(snapshotNoneOpen('2026-02-15'));
    vi.setSystemTime(DAY2_0800);
    monitor.onFeedStatus({ ...live, since: DAY2_0800 });
    await vi.advanceTimersByTimeAsync(0);
    return fixture;
  }

  it('finds an order created before UTC midnight that filled while the socket was down overnight', async () => {
    vi.setSystemTime(DAY1_2330 - 600_000);
    const { client, store, effects } = setUp();
    client.snapshot.mockResolvedValue(snapshotNoneOpen('2026-02-14'));
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);

    vi.setSystemTime(DAY1_2330);
    placedOverSocket(store, 42, DAY1_2330);
    vi.setSystemTime(DAY1_2330 + 600_000);
    monitor.onFeedStatus({ ...down, since: DAY1_2330 + 600_000 });

    // Today's orders (day 2) do not hold it: it was created on day 1.
    const todays = Array.from({ length: 5 }, (_, i) =>
      filledCopy(String(100 + i), DAY2_0200 + i * 1000, DAY2_0200 + i * 1000),
    );
    client.orders.mockImplementation(
      ordersServer([filledCopy('42', DAY1_2330, DAY2_0200), ...todays]),
    );
    client.snapshot.mockResolvedValue(snapshotNoneOpen('2026-02-15'));
    vi.setSystemTime(DAY2_0800);
    monitor.onFeedStatus({ ...live, since: DAY2_0800 });
    await vi.advanceTimersByTimeAsync(0);

    expect(client.orders).toHaveBeenCalledWith(
      expect.objectContaining({ from: '2026-02-14', to: '2026-02-15' }),
    );
    expect(store.order('42')).toMatchObject({ orderStatus: 'FILLED', matchedStake: 100 });
    expect(fillsOf(effects)).toContainEqual(['42', 100]);
    expect(store.openOrders()).toEqual([]);
  });

  it('follows the pages of a busy day until it finds the order', async () => {
    vi.setSystemTime(DAY2_0200);
    const { client, store, effects } = setUp();
    client.snapshot.mockResolvedValue(snapshotNoneOpen('2026-02-15'));
    monitor.onFeedStatus({ ...live, since: DAY2_0200 });
    await vi.advanceTimersByTimeAsync(0);
    client.orders.mockClear();
    placedOverSocket(store, 42, DAY2_0200);
    vi.setSystemTime(DAY2_0200 + 60_000);
    monitor.onFeedStatus({ ...down, since: DAY2_0200 + 60_000 });

    // 4,500 orders placed after it, all on the same day: it is on the third page.
    const later = Array.from({ length: 4_500 }, (_, i) =>
      filledCopy(String(1_000 + i), DAY2_0200 + 1_000, DAY2_0200 + 1_000),
    );
    client.orders.mockImplementation(
      ordersServer([filledCopy('42', DAY2_0200, DAY2_0200 + 30_000), ...later]),
    );
    vi.setSystemTime(DAY2_0800);
    monitor.onFeedStatus({ ...live, since: DAY2_0800 });
    await vi.advanceTimersByTimeAsync(0);

    expect(client.orders).toHaveBeenCalledTimes(3);
    expect(store.order('42')).toMatchObject({ orderStatus: 'FILLED' });
    expect(fillsOf(effects)).toContainEqual(['42', 100]);
  });

  /** Live on day 2 at 02:00 with order 42 placed over the socket; 'unresolved' events kept. */
  async function liveWithOrder42() {
    vi.setSystemTime(DAY2_0200);
    const { client, store } = setUp();
    client.snapshot.mockResolvedValue(snapshotNoneOpen('2026-02-15'));
    monitor.onFeedStatus({ ...live, since: DAY2_0200 });
    await vi.advanceTimersByTimeAsync(0);
    // The first pass read what changed since the feed went live.
    client.orders.mockClear();
    placedOverSocket(store, 42, DAY2_0200);
    const unresolved: string[][] = [];
    monitor.on('unresolved', (ids) => unresolved.push(ids));
    return { client, store, unresolved };
  }

  it('stops paging at its limit, and reports an order it cannot find, once, no longer counting it open', async () => {
    const { client, store, unresolved } = await liveWithOrder42();

    // 30,000 orders, none of them order 42, created one a millisecond (the listing's order
    // shows: newest first, so the next lookup sees the gap covered on its first page).
    const others = Array.from({ length: 30_000 }, (_, i) =>
      filledCopy(String(1_000 + i), DAY2_0200 + 1_000 + i, DAY2_0200 + 1_000 + i),
    );
    client.orders.mockImplementation(ordersServer(others));
    monitor.onFeedStatus({ ...down, since: DAY2_0200 + 60_000 });
    vi.setSystemTime(DAY2_0800);
    monitor.onFeedStatus({ ...live, since: DAY2_0800 });
    await vi.advanceTimersByTimeAsync(0);

    expect(client.orders).toHaveBeenCalledTimes(10);
    expect(unresolved).toEqual([['42']]);
    // Kept as last known, but not counted as open where the app estimates.
    expect(store.order('42')).toMatchObject({ orderStatus: 'PLACED' });
    client.openOrders.mockRejectedValueOnce(new Error('no answer'));
    expect(await monitor.confirmationFacts()).toMatchObject({ openOrders: 0, exact: false });

    // The next reconnect does not page for it again, nor report it again.
    client.orders.mockClear();
    monitor.onFeedStatus({ ...down, since: DAY2_0800 + 60_000 });
    monitor.onFeedStatus({ ...live, since: DAY2_0800 + 90_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(client.orders.mock.calls.length).toBeLessThan(10);
    expect(unresolved).toEqual([['42']]);
  });

  it('credits the hedge placed before UTC midnight for a fill made in an overnight gap', async () => {
    const hedgePlacedAt = DAY1_2330 + 900_003;
    const bets = vi.fn(async (query: { from?: string; to?: string; page?: number } = {}) => {
      const hedge = {
        betId: 'b42',
        orderId: '42',
        bookmaker: 'pinnacle',
        betStatus: 'placed',
        placedAt: iso(hedgePlacedAt),
      };
      // Bets are listed by the UTC day they were placed.
      const listed = (query.from ?? '') <= '2026-02-14' && (query.to ?? '~') >= '2026-02-14';
      const items = listed ? [{ payload: hedge, record: hedge }] : [];
      return { items, total: items.length, page: query.page ?? 1, pageSize: 2000, totalPages: 1 };
    });
    const { store, effects } = await overnightGapWithFill42(bets);

    expect(bets).toHaveBeenCalledWith(
      expect.objectContaining({ from: '2026-02-14', to: '2026-02-14' }),
    );
    expect(store.bet('b42')).toMatchObject({ betStatus: 'placed' });
    // Filled and hedged while the app was away: counted, and no fill waits for a hedge.
    expect(store.counters().fills).toBe(1);
    expect(fillsOf(effects)).toEqual([]);
    expect(effects).toContainEqual({
      kind: 'hedge-covered',
      orderId: '42',
      placedAt: hedgePlacedAt,
    });
  });

  it('reads the gap again when its hedges from before midnight could not be read', async () => {
    const { client } = await overnightGapWithFill42(async () => {
      throw new Error('no answer from the server within 10 s');
    });
    expect(client.snapshot).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(client.snapshot).toHaveBeenCalledTimes(3);
  });

  it('does not read again every poll the hedges of a gap the page limit stopped', async () => {
    // Hedges of other orders, more pages of them than a reload reads.
    const other = {
      betId: 'b1',
      orderId: '1',
      betStatus: 'placed',
      placedAt: iso(DAY1_2330 - 3_600_000),
    };
    const bets = vi.fn(async (query: { page?: number } = {}) => ({
      items: [{ payload: other, record: other }],
      total: 100_000,
      page: query.page ?? 1,
      pageSize: 2000,
      totalPages: 50,
    }));
    const { client } = await overnightGapWithFill42(bets);
    expect(bets).toHaveBeenCalledWith(expect.objectContaining({ page: 10 }));
    expect(monitor.current.reloadProblem).toMatch(/^More orders were made while disconnected/);
    const snapshots = client.snapshot.mock.calls.length;
    const pages = bets.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.snapshot).toHaveBeenCalledTimes(snapshots);
    expect(bets).toHaveBeenCalledTimes(pages);
  });

  it('reads back a bet placed before UTC midnight that is still pending in the store', async () => {
    vi.setSystemTime(DAY1_2330);
    const bets = vi.fn(async (query: { from?: string; to?: string; page?: number } = {}) => {
      const bet = {
        betId: 'b9',
        orderId: '42',
        bookmaker: 'pinnacle',
        betStatus: 'placed',
        placedAt: iso(DAY1_2330),
      };
      const listed = query.from !== undefined && query.from <= '2026-02-14' ? [bet] : [];
      return {
        items: listed.map((record) => ({ payload: record, record })),
        total: listed.length,
        page: query.page ?? 1,
        pageSize: 2000,
        totalPages: 1,
      };
    });
    const { client, store } = setUp({}, (c) => Object.assign(c, { bets }));
    client.snapshot.mockResolvedValue(snapshotNoneOpen('2026-02-14'));
    monitor.onFeedStatus(live);
    await vi.advanceTimersByTimeAsync(0);
    store.apply(
      betEvent('INSERT', {
        betId: 'b9',
        orderId: '42',
        bookmaker: 'pinnacle',
        betStatus: 'pending',
        placedAt: iso(DAY1_2330),
      }),
      DAY1_2330,
    );
    monitor.onFeedStatus({ ...down, since: DAY1_2330 + 60_000 });
    client.snapshot.mockResolvedValue(snapshotNoneOpen('2026-02-15'));
    vi.setSystemTime(DAY2_0800);
    monitor.onFeedStatus({ ...live, since: DAY2_0800 });
    await vi.advanceTimersByTimeAsync(0);

    expect(bets).toHaveBeenCalledWith(
      expect.objectContaining({ from: '2026-02-14', to: '2026-02-15' }),
    );
    expect(store.bet('b9')).toMatchObject({ betStatus: 'placed' });
    expect(store.pendingBets()).toEqual([]);
  });

  it('marks nothing unresolved when a later page cannot be read, and reads the gap again', async () => {
    const { client, store, unresolved } = await liveWithOrder42();

    const others = Array.from({ length: 4_500 }, (_, i) =>
      filledCopy(String(1_000 + i), DAY2_0200 + 1_000, DAY2_0200 + 1_000),
    );
    const server = ordersServer([filledCopy('42', DAY2_0200, DAY2_0200 + 30_000), ...others]);
    client.orders.mockImplementation(async (query: { page?: number } = {}) => {
      if (query.page === 2) throw new Error('no answer from the server within 10 s');
      return server(query);
    });
    monitor.onFeedStatus({ ...down, since: DAY2_0200 + 60_000 });
    monitor.onFeedStatus({ ...live, since: DAY2_0800 });
    await vi.advanceTimersByTimeAsync(0);
    expect(unresolved).toEqual([]);
    expect(store.order('42')).toMatchObject({ orderStatus: 'PLACED' });

    client.orders.mockImplementation(server);
    monitor.onFeedStatus({ ...down, since: DAY2_0800 + 60_000 });
    monitor.onFeedStatus({ ...live, since: DAY2_0800 + 90_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.order('42')).toMatchObject({ orderStatus: 'FILLED' });
  });
});
