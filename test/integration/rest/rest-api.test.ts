import { afterEach, describe, expect, it } from 'vitest';
import {
  KeyRefusedError,
  NetworkError,
  RateLimitedError,
  RequestInvalidError,
  RestClient,
  RestTimeoutError,
  ServerRefusedError,
  UnexpectedResponseError,
} from '../../../main/rest';
import { SECOND_CLIENT_KEY, type Simulator } from '../../../main/simulator';
import { bet, clientOf, DAY, order, raw, startRestSimulator } from './rest-fixture';

let simulator: Simulator | undefined;

afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function start(options: Parameters<typeof startRestSimulator>[0] = {}) {
  simulator = await startRestSimulator(options);
  return { simulator, ...clientOf(simulator) };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

const STATUS_FIELDS = [
  'client',
  'clientName',
  'oddsFormat',
  'status',
  'tradingActive',
  'manualPaused',
  'manualPausedAt',
  'manualPauseReason',
  'manualStopped',
  'manualStoppedAt',
  'manualStopReason',
  'systemTradingBlocked',
  'emergencyActive',
  'systemStopped',
  'softPaused',
  'systemReason',
  'systemDurationSeconds',
];

describe('simulator REST: trading controls', () => {
  it('reports a fresh client live, with every documented field', async () => {
    const { simulator, rest } = await start();
    const { body } = await raw(simulator, 'GET', '/trading/status');
    expect(Object.keys(body as object).sort()).toEqual([...STATUS_FIELDS].sort());
    expect(await rest.tradingStatus()).toMatchObject({
      client: 'demo',
      clientName: 'Demo Trading',
      status: 'live',
      tradingActive: true,
      manualPaused: false,
      manualStopped: false,
      systemTradingBlocked: false,
    });
  });

  it('pauses and resumes, answering already_* when nothing changes', async () => {
    const { simulator, rest } = await start();
    simulator.model.insertOrder('demo', order(1));
    const paused = await rest.pause();
    expect(paused).toMatchObject({
      result: 'pause_applied',
      status: 'manual_paused',
      manualPaused: true,
      tradingActive: false,
    });
    expect(paused.manualPausedAt).toMatch(/^2026-02-15T/);
    expect((await rest.pause()).result).toBe('already_paused');
    expect(await rest.openOrders()).toHaveLength(1);
    expect(await rest.resume()).toMatchObject({ result: 'resume_applied', status: 'live' });
    expect((await rest.resume()).result).toBe('already_live');
  });

  it('stops by cancelling every open order; resume then asks for start', async () => {
    const { simulator, rest } = await start();
    simulator.model.insertOrder('demo', order(1));
    simulator.model.insertOrder('demo', order(2, { exchange: 'kalshi' }));
    simulator.model.insertOrder('acme', order(3, { account: 'acme-novig-1' }));
    expect(await rest.stop()).toMatchObject({
      result: 'stop_applied',
      status: 'manual_stopped',
      manualStopped: true,
      cancelledOrders: 2,
    });
    expect(await rest.openOrders()).toEqual([]);
    expect(simulator.model.openOrders('acme')).toHaveLength(1);
    expect((await rest.stop()).result).toBe('already_stopped');
    expect((await rest.pause()).result).toBe('already_stopped');
    expect(await rest.resume()).toMatchObject({
      result: 'start_required',
      status: 'manual_stopped',
    });
    expect(await rest.start()).toMatchObject({ result: 'start_applied', status: 'live' });
    expect((await rest.start()).result).toBe('already_live');
  });

  it('shows engine-wide blocks and refuses start and resume with 409 while they hold', async () => {
    const { simulator, rest } = await start();
    simulator.rest.setSoftPaused(true, 'Bookmaker feed stale');
    expect(await rest.tradingStatus()).toMatchObject({
      status: 'soft_paused',
      softPaused: true,
      systemTradingBlocked: true,
      tradingActive: false,
      systemReason: 'Bookmaker feed stale',
    });
    expect((await rest.resume()).result).toBe('already_live');
    simulator.rest.setSoftPaused(false);

    await rest.pause();
    simulator.rest.setSystemStopped(true, 'Maintenance');
    expect((await rest.tradingStatus()).status).toBe('system_stopped');
    const refused = (await failure(rest.start())) as ServerRefusedError;
    expect(refused).toBeInstanceOf(ServerRefusedError);
    expect(refused).toMatchObject({ status: 409 });
    expect(refused.detail).toBe('Trading cannot start during a system stop (Maintenance)');
    expect((await failure(rest.resume())).message).toBe(
      'Trading cannot resume during a system stop (Maintenance)',
    );
    simulator.rest.setSystemStopped(false);

    simulator.rest.setEmergency(true, 'Exchange connectivity lost');
    expect(await rest.tradingStatus()).toMatchObject({
      status: 'emergency',
      emergencyActive: true,
      manualPaused: true,
      systemReason: 'Exchange connectivity lost',
    });
    expect((await failure(rest.start())).message).toMatch(/emergency \(Exchange connectivity/);
    simulator.rest.setEmergency(false);
    expect(await rest.start()).toMatchObject({ result: 'start_applied', status: 'live' });
  });
});

describe('simulator REST: orders, bets, accounts, P&L', () => {
  it('pages orders as {data,total,page,pageSize,totalPages}, newest first, with filters', async () => {
    const { simulator, rest } = await start();
    const model = simulator.model;
    for (let id = 1; id <= 5; id++) model.insertOrder('demo', order(id));
    model.insertOrder('demo', order(6, { exchange: 'kalshi', orderStatus: 'FILLED' }));
    model.insertOrder('demo', order(7, { createdAt: '2026-02-14T23:59:59.000Z' }));

    const { body } = await raw(simulator, 'GET', '/orders?page=2&pageSize=3');
    expect(body).toMatchObject({ total: 7, page: 2, pageSize: 3, totalPages: 3 });
    expect((body as { data: { orderId: number }[] }).data.map((o) => o.orderId)).toEqual([4, 3, 2]);

    const page = await rest.orders({ from: DAY, to: DAY, pageSize: 4 });
    expect(page).toMatchObject({ total: 6, page: 1, pageSize: 4, totalPages: 2 });
    expect(page.items.map((o) => o.record.orderId)).toEqual(['6', '5', '4', '3']);
    expect((await rest.orders({ status: 'FILLED' })).items.map((o) => o.payload.orderId)).toEqual([
      6,
    ]);
    expect((await rest.orders({ exchange: 'kalshi' })).total).toBe(1);
    expect((await rest.orders({ fixtureId: 'id0' })).total).toBe(0);
  });

  it('collects every page of open orders', async () => {
    const { simulator } = await start();
    const { rest } = clientOf(simulator, { pageSize: 2 });
    for (let id = 1; id <= 5; id++) simulator.model.insertOrder('demo', order(id));
    simulator.model.insertOrder('demo', order(6, { orderStatus: 'CANCELLED' }));
    const open = await rest.openOrders();
    expect(open.map((o) => o.record.orderId)).toEqual(['5', '4', '3', '2', '1']);
    expect(open[0]!.payload).toEqual(order(5));
    const pages = simulator.rest.requests().filter((r) => r.path.startsWith('/orders/open'));
    expect(pages.map((r) => new URLSearchParams(r.path.split('?')[1]).get('page'))).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('lists bets by order, status, bookmaker and day', async () => {
    const { simulator, rest } = await start();
    const model = simulator.model;
    model.insertBet('demo', bet(1, 10));
    model.insertBet('demo', bet(2, 11, { betStatus: 'pending', bookmaker: 'vertex' }));
    model.insertBet('demo', bet(3, 12, { betStatus: 'declined' }));
    model.insertBet('demo', bet(4, 13, { placedAt: '2026-02-14T12:00:00.000Z' }));
    expect((await rest.bets({ orderId: 11 })).items.map((b) => b.record.betId)).toEqual(['2']);
    expect((await rest.bets({ status: 'placed,pending' })).total).toBe(3);
    expect((await rest.bets({ bookmaker: 'vertex' })).total).toBe(1);
    const today = await rest.todaysBets();
    expect(today.total).toBe(3);
    expect(today.items.map((b) => b.record.betId)).toEqual(['3', '2', '1']);
  });

  it('lists the accounts with balances', async () => {
    const { simulator, rest } = await start();
    const accounts = await rest.accounts();
    expect(accounts.map((a) => a.record.username)).toEqual(
      simulator.model.accounts('demo').map((a) => a.username),
    );
    expect(accounts[0]!.record).toMatchObject({ active: true, balance: 10_000 });
    const { body } = await raw(
      simulator,
      'GET',
      `/accounts?exchange=${accounts[1]!.record.exchange}`,
    );
    expect(body).toMatchObject({ total: 1, page: 1, totalPages: 1 });
  });

  it('computes P&L and the positions summary from the same orders and bets', async () => {
    const { simulator, rest } = await start();
    const model = simulator.model;
    model.insertOrder('demo', order(1, { orderStatus: 'FILLED', matchedStake: 100 }));
    model.insertBet('demo', bet(1, 1, { placedStake: 100, placedPrice: 2.05 }));
    model.insertOrder('demo', order(2, { matchedStake: 50, matchedStatus: 'PARTIALLY_MATCHED' }));
    model.insertOrder('demo', order(3));
    const pnl = await rest.pnl({ from: DAY, to: DAY });
    expect(pnl).toMatchObject({
      netRealizedSpread: 8.4,
      nakedPnl: -22.5,
      unhedgedStake: 50,
      unhedgedStakePct: 33.33,
      totalTurnover: 100,
      settledPairCount: 1,
      nakedSettledCount: 1,
      fromDate: DAY,
      toDate: DAY,
    });
    expect((await rest.pnl({ from: '2026-02-16' })).unhedgedStake).toBe(0);
    expect(await rest.positionsSummary()).toMatchObject({
      totalOrders: 3,
      openCount: 2,
      filledCount: 1,
      totalMatched: 150,
      totalOpen: 150,
    });
  });

  it('serves the summaries and positions in their documented shapes', async () => {
    const { simulator } = await start();
    simulator.model.insertOrder('demo', order(1, { matchedStake: 20 }));
    simulator.model.insertOrder('demo', order(2, { matchedStake: 30 }));
    simulator.model.insertBet('demo', bet(1, 1));
    const orders = await raw(simulator, 'GET', '/orders/summary');
    expect(orders.body).toMatchObject({ totalOrders: 2, fixtureCount: 1, totalMatched: 50 });
    const bets = await raw(simulator, 'GET', '/bets/summary');
    expect(bets.body).toMatchObject({ totalBets: 1, placedCount: 1, avgPrice: 2.05 });
    const positions = await raw(simulator, 'GET', '/positions?status=open,matched');
    expect(positions.body).toMatchObject({
      count: 1,
      positions: [{ orderCount: 2, matchedStake: 50, openStake: 150, avgPrice: 0.45 }],
    });
  });
});

describe('simulator REST: cancels', () => {
  it('cancels all, or by exchange and fixture', async () => {
    const { simulator, rest } = await start();
    const model = simulator.model;
    model.insertOrder('demo', order(1));
    model.insertOrder('demo', order(2, { exchange: 'kalshi' }));
    model.insertOrder('demo', order(3, { exchange: 'kalshi', fixtureId: 'id2' }));
    expect(await rest.cancelAll({ exchange: 'kalshi', fixtureId: 'id2' })).toMatchObject({
      cancelled: 1,
      raw: { orderIds: [3] },
    });
    expect((await rest.cancelAll({ exchange: 'kalshi' })).cancelled).toBe(1);
    expect((await rest.cancelAll()).cancelled).toBe(1);
    expect((await rest.cancelAll()).cancelled).toBe(0);
    expect((await rest.tradingStatus()).status).toBe('live');
  });

  it('cancels one order; a finished one is 409, an unknown one 404, a non-number 422', async () => {
    const { simulator, rest } = await start();
    simulator.model.insertOrder('demo', order(1));
    expect(await rest.cancelOrder(1)).toMatchObject({ cancelled: 1 });
    expect(simulator.model.order('demo', 1)?.orderStatus).toBe('CANCELLED');
    const finished = (await failure(rest.cancelOrder(1))) as ServerRefusedError;
    expect(finished).toMatchObject({
      status: 409,
      detail: 'Order 1 is CANCELLED; only open orders can be cancelled',
    });
    expect(await failure(rest.cancelOrder(99))).toMatchObject({ status: 404 });
    expect(await failure(rest.cancelOrder('abc'))).toBeInstanceOf(RequestInvalidError);
  });

  it('answers 502 with a detail when some orders cannot be cancelled, cancelling the rest', async () => {
    const { simulator, rest } = await start();
    const model = simulator.model;
    model.insertOrder('demo', order(1));
    model.insertOrder('demo', order(2, { exchange: 'kalshi' }));
    model.insertOrder('demo', order(3, { exchange: 'kalshi' }));
    simulator.rest.faults.failCancelsOn('kalshi');

    const partial = (await failure(rest.cancelAll())) as ServerRefusedError;
    expect(partial).toBeInstanceOf(ServerRefusedError);
    expect(partial).toMatchObject({
      status: 502,
      detail: 'Cancelled 1 of 3 open orders; 2 could not be cancelled (kalshi did not confirm)',
    });
    expect((await rest.openOrders()).map((o) => o.record.exchange)).toEqual(['kalshi', 'kalshi']);
    expect(await failure(rest.cancelOrder(2))).toMatchObject({ status: 502 });

    const stop = (await failure(rest.stop())) as ServerRefusedError;
    expect(stop.detail).toMatch(/^Trading stopped, but 2 of 2 open orders could not be cancelled/);
    expect((await rest.tradingStatus()).status).toBe('manual_stopped');

    simulator.rest.faults.failCancelsOn();
    expect((await rest.stop()).cancelledOrders).toBe(2);
  });
});

describe('simulator REST: refusals and failures', () => {
  it('answers 401 with a detail for a missing, malformed, unknown or inactive key', async () => {
    const inactive = { ...SECOND_CLIENT_KEY, active: false };
    simulator = await startRestSimulator({
      keys: [
        { apiKey: '5f0c3a9e-7d21-4b8e-9c64-2a1d3e5f7b90', client: 'demo', name: 'Demo' },
        inactive,
      ],
    });
    for (const key of [null, 'nope', '00000000-1111-4222-8333-444444444444', inactive.apiKey]) {
      expect(await raw(simulator, 'GET', '/trading/status', key)).toMatchObject({
        status: 401,
        body: { detail: 'Invalid or missing API key' },
      });
    }
    const stranger = new RestClient({ url: simulator.url, apiKey: inactive.apiKey });
    expect(await failure(stranger.pause())).toBeInstanceOf(KeyRefusedError);
  });

  it('answers 422 with every problem of the query listed', async () => {
    const { simulator, rest } = await start();
    const { status, body } = await raw(
      simulator,
      'GET',
      '/orders?page=0&pageSize=5000&fromDate=2026-02-30',
    );
    expect(status).toBe(422);
    expect((body as { detail: { loc: string[] }[] }).detail.map((d) => d.loc)).toEqual([
      ['query', 'fromDate'],
      ['query', 'page'],
      ['query', 'pageSize'],
    ]);
    const error = await failure(rest.orders({ pageSize: 5000, from: '15/02/2026' }));
    expect(error.message).toBe(
      'the server rejected the request: fromDate: Input should be a valid date in the format YYYY-MM-DD; pageSize: Input should be less than or equal to 2000',
    );
  });

  it('backs off 1 s, 2 s, 4 s on 429 and gets through once the server lets it', async () => {
    const { simulator, rest, delays } = await start();
    simulator.rest.faults.failNext(429, { count: 3, detail: 'Too Many Requests' });
    expect((await rest.tradingStatus()).status).toBe('live');
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(simulator.rest.requests().map((r) => r.status)).toEqual([429, 429, 429, 200]);
  });

  it('limits requests per key, says when to come back, and the client waits that long', async () => {
    const { simulator, rest, delays } = await start({
      restRateLimit: { requests: 2, windowMs: 60_000 },
    });
    await rest.tradingStatus();
    await rest.tradingStatus();
    const limited = await raw(simulator, 'GET', '/trading/status');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ detail: 'Rate limit exceeded: 2 requests per 60 s' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);

    const other = await raw(simulator, 'GET', '/trading/status', SECOND_CLIENT_KEY.apiKey);
    expect(other.status).toBe(200);

    const error = await failure(rest.tradingStatus());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ attempts: 4 });
    expect(delays).toHaveLength(3);
    expect(delays.every((ms) => ms > 50_000 && ms <= 60_000)).toBe(true);

    simulator.rest.resetRateLimit();
    expect((await rest.tradingStatus()).status).toBe('live');
  });

  it('times out a server that does not answer', async () => {
    const { simulator } = await start();
    simulator.rest.faults.delayAnswers(2_000);
    const { rest } = clientOf(simulator, { timeoutMs: 50 });
    const error = await failure(rest.tradingStatus());
    expect(error).toBeInstanceOf(RestTimeoutError);
    expect(error.message).toBe('no answer from the server within 0.05 s');
  });

  it('reports a server that is gone as a network error', async () => {
    const { simulator, rest } = await start();
    await simulator.close();
    const error = await failure(rest.tradingStatus());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('answers unknown paths 404 and wrong methods 405, and the socket path still 426', async () => {
    const { simulator } = await start();
    expect(await raw(simulator, 'GET', '/nothing')).toMatchObject({
      status: 404,
      body: { detail: 'Not Found' },
    });
    expect(await raw(simulator, 'GET', '/trading/pause')).toMatchObject({ status: 405 });
    const upgrade = await fetch(`${simulator.httpUrl}/ws/subscribe`);
    expect(upgrade.status).toBe(426);
    expect(await failure(clientOf(simulator).rest.cancelOrder(1))).toBeInstanceOf(
      UnexpectedResponseError,
    );
  });
});
