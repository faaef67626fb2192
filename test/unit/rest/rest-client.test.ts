import { describe, expect, it } from 'vitest';
import {
  EndpointError,
  KeyRefusedError,
  NetworkError,
  RateLimitedError,
  RequestInvalidError,
  RestClient,
  type RestClientOptions,
  RestTimeoutError,
  ServerRefusedError,
  UnexpectedResponseError,
} from '../../../main/rest';
import { rejection } from '../../support/rejection';
import { type Answer, hangingAnswer, KEY, STATUS_BODY, scriptedFetch, WS_URL } from './fake-fetch';

function client(answers: Answer[], options: Partial<RestClientOptions> = {}) {
  const { fetch, seen } = scriptedFetch(...answers);
  const delays: number[] = [];
  const rest = new RestClient({
    url: WS_URL,
    apiKey: KEY,
    fetch,
    sleep: async (ms) => {
      delays.push(ms);
    },
    now: () => Date.parse('2026-02-15T10:00:00Z'),
    ...options,
  });
  return { rest, seen, delays };
}

describe('RestClient: requests', () => {
  it('derives the base URL from the socket URL and sends the key in X-API-Key', async () => {
    const { rest, seen } = client([{ status: 200, body: STATUS_BODY }]);
    expect(rest.baseUrl).toBe('https://mm.example.com/api/v1');
    await rest.tradingStatus();
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.url.toString()).toBe('https://mm.example.com/api/v1/trading/status');
    expect(seen[0]!.headers.get('x-api-key')).toBe(KEY);
  });

  it('sends the controls as POSTs and reads their result', async () => {
    const { rest, seen } = client([
      { status: 200, body: { ...STATUS_BODY, status: 'manual_paused', result: 'pause_applied' } },
    ]);
    const result = await rest.pause();
    expect(result).toMatchObject({ status: 'manual_paused', result: 'pause_applied' });
    expect(seen[0]).toMatchObject({ method: 'POST' });
    expect(seen[0]!.url.pathname).toBe('/api/v1/trading/pause');
  });

  it('keeps unknown fields and unknown states instead of rejecting them', async () => {
    const { rest } = client([
      { status: 200, body: { ...STATUS_BODY, status: 'maintenance', newField: 7 } },
    ]);
    expect(await rest.tradingStatus()).toMatchObject({ status: 'maintenance', newField: 7 });
  });

  it('rejects an answer that lacks a field it relies on', async () => {
    const { tradingActive: _, ...incomplete } = STATUS_BODY;
    const { rest } = client([{ status: 200, body: incomplete }]);
    const error = await rejection(rest.tradingStatus());
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.message).toMatch(/tradingActive/);
  });

  it('puts date ranges and filters in the query', async () => {
    const pnl = {
      netRealizedSpread: '12.5',
      nakedPnl: -3,
      unhedgedStake: 40,
      unhedgedStakePct: 2.5,
    };
    const { rest, seen } = client([
      { status: 200, body: pnl },
      { status: 200, body: { cancelled: 2, failed: 0 } },
    ]);
    expect(await rest.pnl({ from: '2026-02-01', to: '2026-02-15' })).toMatchObject({
      netRealizedSpread: 12.5,
    });
    await rest.cancelAll({ exchange: 'kalshi', fixtureId: 'id1' });
    expect(seen[0]!.url.search).toBe('?fromDate=2026-02-01&toDate=2026-02-15');
    expect(seen[1]!.url.search).toBe('?exchange=kalshi&fixtureId=id1');
  });

  it('validates list items with the WebSocket payload schemas and keeps the raw payload', async () => {
    const order = { orderId: 7, exchange: 'kalshi', orderStake: '100', extra: true };
    const { rest } = client([
      { status: 200, body: { data: [order], total: 1, page: 1, pageSize: 50, totalPages: 1 } },
    ]);
    const page = await rest.orders({ status: 'PLACED' });
    expect(page).toMatchObject({ total: 1, page: 1, totalPages: 1 });
    expect(page.items[0]!.payload).toEqual(order);
    expect(page.items[0]!.record).toMatchObject({ orderId: '7', orderStake: 100, extra: true });
  });

  it('collects every page of open orders, dropping an order seen twice', async () => {
    const page = (n: number, ids: number[]) => ({
      status: 200,
      body: {
        data: ids.map((orderId) => ({ orderId })),
        total: 5,
        page: n,
        pageSize: 2,
        totalPages: 3,
      },
    });
    const { rest, seen } = client([page(1, [5, 4]), page(2, [3, 2]), page(3, [2, 1])], {
      pageSize: 2,
    });
    const orders = await rest.openOrders();
    expect(orders.map((o) => o.record.orderId)).toEqual(['5', '4', '3', '2', '1']);
    expect(seen.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(seen.every((r) => r.url.searchParams.get('pageSize') === '2')).toBe(true);
  });

  it('reads accounts whether paged, wrapped by name or a bare array', async () => {
    const account = { username: 'demo-kalshi-1', exchange: 'kalshi', balance: 10 };
    for (const body of [
      { data: [account], total: 1, page: 1, pageSize: 50, totalPages: 1 },
      { accounts: [account], count: 1 },
      [account],
    ]) {
      const { rest } = client([{ status: 200, body }]);
      expect((await rest.accounts()).map((a) => a.record.username)).toEqual(['demo-kalshi-1']);
    }
    const { rest } = client([{ status: 200, body: { something: 'else' } }]);
    expect(await rejection(rest.accounts())).toBeInstanceOf(UnexpectedResponseError);
  });

  it('reads cancel counts from the plausible fields', async () => {
    const { rest } = client([
      { status: 200, body: { cancelled: 3, failed: 1 } },
      { status: 200, body: { orderId: 9, cancelled: true } },
      { status: 200, body: { ok: true } },
    ]);
    expect(await rest.cancelAll()).toMatchObject({ cancelled: 3, failed: 1 });
    expect(await rest.cancelOrder(9)).toMatchObject({ cancelled: 1 });
    expect(await rest.cancelOrder(10)).toMatchObject({ cancelled: null, raw: { ok: true } });
  });

  it('loads a snapshot of today in parallel', async () => {
    const answers: Answer[] = [
      async (request) => {
        const path = request.url.pathname.replace('/api/v1', '');
        const body: Record<string, unknown> = {
          '/trading/status': STATUS_BODY,
          '/orders/open': {
            data: [{ orderId: 1 }],
            total: 1,
            page: 1,
            pageSize: 500,
            totalPages: 1,
          },
          '/bets': { data: [{ betId: 2 }], total: 1, page: 1, pageSize: 500, totalPages: 1 },
          '/accounts': [{ username: 'a', exchange: 'kalshi' }],
          '/pnl': { netRealizedSpread: 1, nakedPnl: 0, unhedgedStake: 0, unhedgedStakePct: 0 },
        };
        return Response.json(body[path]);
      },
    ];
    const { rest, seen } = client(answers);
    const snapshot = await rest.snapshot();
    expect(snapshot).toMatchObject({
      tradingStatus: { status: 'live' },
      betsTotal: 1,
      pnl: { netRealizedSpread: 1 },
      day: '2026-02-15',
    });
    expect(snapshot.openOrders).toHaveLength(1);
    expect(snapshot.accounts).toHaveLength(1);
    const query = (path: string) => seen.find((r) => r.url.pathname.endsWith(path))!.url.search;
    expect(query('/bets')).toContain('fromDate=2026-02-15&toDate=2026-02-15');
    expect(query('/pnl')).toBe('?fromDate=2026-02-15&toDate=2026-02-15');
  });

  it('fails a snapshot as a whole and aborts the calls still running', async () => {
    let aborted = 0;
    const { rest } = client([
      async (request, signal) => {
        if (request.url.pathname.endsWith('/trading/status')) {
          return Response.json({ detail: 'Invalid or missing API key' }, { status: 401 });
        }
        return new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => {
            aborted++;
            reject(signal.reason);
          }),
        );
      },
    ]);
    expect(await rejection(rest.snapshot())).toBeInstanceOf(KeyRefusedError);
    expect(aborted).toBe(4);
  });
});

describe('RestClient: failures', () => {
  it('refuses ws:// to another machine and a key that is not a UUID, before any request', () => {
    expect(() => new RestClient({ url: 'ws://10.0.0.5/ws/subscribe', apiKey: KEY })).toThrow(
      EndpointError,
    );
    expect(() => new RestClient({ url: WS_URL, apiKey: 'nope' })).toThrow(/UUID/);
  });

  it('turns 401 into KeyRefusedError', async () => {
    const { rest } = client([{ status: 401, body: { detail: 'Invalid or missing API key' } }]);
    const error = await rejection(rest.tradingStatus());
    expect(error).toBeInstanceOf(KeyRefusedError);
    expect(error.message).toBe('the server refused the API key (Invalid or missing API key)');
  });

  it.each([409, 502] as const)(
    'turns %i into ServerRefusedError with the detail',
    async (status) => {
      const { rest } = client([{ status, body: { detail: 'Trading cannot start during a x' } }]);
      const error = (await rejection(rest.start())) as ServerRefusedError;
      expect(error).toBeInstanceOf(ServerRefusedError);
      expect(error).toMatchObject({ status, detail: 'Trading cannot start during a x' });
      expect(error.request).toBe('POST /trading/start');
    },
  );

  it('summarises a 422 detail list', async () => {
    const { rest } = client([
      {
        status: 422,
        body: {
          detail: [
            {
              loc: ['query', 'pageSize'],
              msg: 'Input should be less than or equal to 2000',
              type: 'x',
            },
            { loc: ['query', 'fromDate'], msg: 'Input should be a valid date', type: 'y' },
          ],
        },
      },
    ]);
    const error = (await rejection(rest.orders({ pageSize: 5000 }))) as RequestInvalidError;
    expect(error).toBeInstanceOf(RequestInvalidError);
    expect(error.issues).toHaveLength(2);
    expect(error.message).toBe(
      'the server rejected the request: pageSize: Input should be less than or equal to 2000; fromDate: Input should be a valid date',
    );
  });

  it('backs off 1 s, 2 s, 4 s on 429 and then succeeds', async () => {
    const { rest, seen, delays } = client([
      { status: 429 },
      { status: 429 },
      { status: 429 },
      { status: 200, body: STATUS_BODY },
    ]);
    await rest.tradingStatus();
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(seen).toHaveLength(4);
  });

  it('waits as long as Retry-After asks when that is longer, within the cap', async () => {
    const retries: number[] = [];
    const { rest, delays } = client(
      [
        { status: 429, headers: { 'retry-after': '3' } },
        { status: 429, headers: { 'retry-after': 'Sun, 15 Feb 2026 10:00:05 GMT' } },
        { status: 429, headers: { 'retry-after': '600' } },
        { status: 200, body: STATUS_BODY },
      ],
      { maxRetryDelayMs: 30_000, onRetry: (r) => retries.push(r.retry) },
    );
    await rest.tradingStatus();
    expect(delays).toEqual([3000, 5000, 30_000]);
    expect(retries).toEqual([1, 2, 3]);
  });

  it('gives up after the last attempt with RateLimitedError', async () => {
    const { rest, seen, delays } = client([{ status: 429 }], { maxAttempts: 3 });
    const error = await rejection(rest.pause());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(seen).toHaveLength(3);
    expect(delays).toEqual([1000, 2000]);
  });

  it('reports an unreachable server as NetworkError', async () => {
    const { rest } = client([
      async () => {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      },
    ]);
    const error = await rejection(rest.tradingStatus());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/could not reach mm\.example\.com \(ECONNREFUSED\)/);
  });

  it('gives up on a silent server after the timeout', async () => {
    const { rest } = client([hangingAnswer], { timeoutMs: 30 });
    const error = await rejection(rest.tradingStatus());
    expect(error).toBeInstanceOf(RestTimeoutError);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it("rethrows the caller's abort as it is", async () => {
    const { rest } = client([hangingAnswer]);
    const controller = new AbortController();
    const call = rest.tradingStatus({ signal: controller.signal });
    controller.abort(new Error('window closed'));
    expect((await rejection(call)).message).toBe('window closed');
  });

  it('reports other statuses with their detail, or the status text for an HTML page', async () => {
    const { rest } = client([
      { status: 404, body: { detail: 'Order 5 not found' } },
      { status: 503, body: '<html>Service Unavailable</html>' },
    ]);
    const notFound = (await rejection(rest.cancelOrder(5))) as UnexpectedResponseError;
    expect(notFound).toMatchObject({ status: 404 });
    expect(notFound.message).toBe('POST /orders/5/cancel answered 404: Order 5 not found');
    const unavailable = await rejection(rest.tradingStatus());
    expect(unavailable.message).toBe('GET /trading/status answered 503: Service Unavailable');
  });

  it('never lets the key into an error message, even when the server echoes it', async () => {
    const { rest } = client([
      { status: 401, body: { detail: `Unknown key ${KEY}` } },
      { status: 409, body: { detail: `apiKey=${KEY} is paused` } },
      { status: 500, body: KEY },
    ]);
    const errors = [
      await rejection(rest.tradingStatus()),
      await rejection(rest.resume()),
      await rejection(rest.tradingStatus()),
    ];
    for (const error of errors) {
      expect(error.message).not.toContain(KEY);
      expect(JSON.stringify(error)).not.toContain(KEY);
    }
  });
});
