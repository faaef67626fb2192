import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../common/i18n/language';
import type { RestOrder, RestSnapshot } from '../../../common/rest/snapshot';
import type { TradingStatus } from '../../../common/rest/trading-status';
import { tradingTexts } from '../../../main/app/texts';
import { type TradingClient, TradingMonitor } from '../../../main/app/trading-monitor';
import { FeedStore } from '../../../main/store/feed-store';
import { tradingStatus } from '../../support/trading-status';

// What the trading view says of the reload after going live: when it merged (the dashboard
// refreshes its lists then), when it last repaired the gap, and why it did not, apart from
// whether the trading status could be read.

const T0 = Date.UTC(2026, 1, 15, 10, 30);
const STATUS = tradingStatus('live');
const PNL = { netRealizedSpread: 0, nakedPnl: 0, unhedgedStake: 0, unhedgedStakePct: 0 };

function snapshotNow(): RestSnapshot {
  return {
    tradingStatus: STATUS,
    openOrders: [],
    bets: [],
    betsTotal: 0,
    accounts: [],
    pnl: PNL,
    day: '2026-02-15',
    fetchedAt: Date.now(),
  };
}

const unused = async (): Promise<never> => {
  throw new Error('not used here');
};

function fakeClient() {
  return {
    tradingStatus: vi.fn(async (): Promise<TradingStatus> => STATUS),
    snapshot: vi.fn(async () => snapshotNow()),
    positionsSummary: vi.fn(unused),
    pnl: vi.fn(async () => PNL),
    orders: vi.fn(async () => ({
      items: [] as RestOrder[],
      total: 0,
      page: 1,
      pageSize: 0,
      totalPages: 1,
    })),
    openOrders: vi.fn(async () => []),
    pause: vi.fn(unused),
    resume: vi.fn(unused),
    stop: vi.fn(unused),
    start: vi.fn(unused),
    cancelAll: vi.fn(unused),
  } satisfies TradingClient;
}

const live = { state: 'live', since: T0, attempt: 0, emergency: false } as const;
const down = { state: 'reconnecting', since: T0, attempt: 1, emergency: false } as const;

let monitor: TradingMonitor;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  monitor.dispose();
  vi.useRealTimers();
});

/** A started monitor, live from T0 (its first reload done), on a 20 s poll. */
async function liveMonitor(language: Language = 'en') {
  const client = fakeClient();
  const store = new FeedStore();
  monitor = new TradingMonitor({
    client,
    engine: { store, mergeState: (input, now) => store.merge(input, now ?? Date.now()) },
    pollMs: 20_000,
    language: () => language,
    now: () => Date.now(),
  });
  monitor.start();
  monitor.onFeedStatus(live);
  await vi.advanceTimersByTimeAsync(0);
  return client;
}

/** Down at T0 + 60 s, live again at T0 + 90 s, its reload done. */
async function reconnect() {
  vi.setSystemTime(T0 + 60_000);
  monitor.onFeedStatus({ ...down, since: T0 + 60_000 });
  vi.setSystemTime(T0 + 90_000);
  monitor.onFeedStatus({ ...live, since: T0 + 90_000 });
  await vi.advanceTimersByTimeAsync(0);
}

const GATEWAY_TIMEOUT = new Error('GET /orders answered 504: Gateway Timeout');

describe('TradingMonitor’s view of a reload', () => {
  it('marks every merge with mergedAt, and moves reconciledAt only when the gap is repaired', async () => {
    const client = await liveMonitor();
    expect(monitor.current).toMatchObject({ mergedAt: T0, reconciledAt: T0 });

    client.orders.mockRejectedValueOnce(GATEWAY_TIMEOUT);
    await reconnect();
    expect(monitor.current).toMatchObject({ mergedAt: T0 + 90_000, reconciledAt: T0 });

    // A status read merges nothing.
    await monitor.poll();
    expect(monitor.current.mergedAt).toBe(T0 + 90_000);

    await vi.advanceTimersByTimeAsync(20_000);
    expect(monitor.current).toMatchObject({
      mergedAt: T0 + 110_000,
      reconciledAt: T0 + 110_000,
    });
  });

  it('keeps a status it cannot read (problem) apart from a gap it could not read (reloadProblem)', async () => {
    const client = await liveMonitor();
    client.orders.mockRejectedValueOnce(GATEWAY_TIMEOUT);
    await reconnect();
    expect(monitor.current).toMatchObject({
      problem: null,
      reloadProblem: tradingTexts('en').gapNotRead,
    });

    client.tradingStatus.mockRejectedValueOnce(new Error('connection refused'));
    await monitor.poll();
    expect(monitor.current).toMatchObject({
      problem: 'connection refused',
      reloadProblem: tradingTexts('en').gapNotRead,
    });
    await monitor.poll();
    expect(monitor.current).toMatchObject({
      problem: null,
      reloadProblem: tradingTexts('en').gapNotRead,
    });
  });

  it('writes the reload problem in the app’s language', async () => {
    const client = await liveMonitor('zh-CN');
    client.orders.mockRejectedValueOnce(GATEWAY_TIMEOUT);
    await reconnect();
    expect(monitor.current.reloadProblem).toBe(tradingTexts('zh-CN').gapNotRead);

    client.snapshot.mockRejectedValueOnce(new Error('GET /accounts answered 503: Unavailable'));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(monitor.current.reloadProblem).toBe(
      '无法从服务器重新读取挂单、对冲注单和账户（GET /accounts answered 503: Unavailable）：实时推送错过的更新可能未显示。会自动重试。',
    );
    expect(monitor.current.problem).toBeNull();
  });

  it('drops the reload problem when the feed leaves live: going live again reloads anyway', async () => {
    const client = await liveMonitor();
    client.snapshot.mockRejectedValueOnce(new Error('GET /bets answered 503: Unavailable'));
    await reconnect();
    expect(monitor.current.reloadProblem).toContain('503');

    monitor.onFeedStatus({ ...down, since: T0 + 95_000 });
    expect(monitor.current.reloadProblem).toBeNull();
  });

  it('still reads the trading status alone while the reload’s snapshot keeps failing', async () => {
    const client = await liveMonitor();
    client.snapshot.mockRejectedValue(new Error('GET /accounts answered 503: Service Unavailable'));
    await reconnect();
    expect(monitor.current.reloadProblem).toMatch(/could not be reloaded/);
    const stopped = {
      ...STATUS,
      status: 'system_stopped',
      systemStopped: true,
      tradingActive: false,
    };
    client.tradingStatus.mockResolvedValue(stopped);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(monitor.current.status?.status).toBe('system_stopped');
    expect(monitor.current.problem).toBeNull();
    expect(monitor.current.reloadProblem).toMatch(/could not be reloaded/);
  });
});
