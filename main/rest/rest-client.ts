import { z } from 'zod';
import {
  accountPayloadSchema,
  betPayloadSchema,
  orderPayloadSchema,
} from '../../common/protocol/payloads';
import type { RawObject } from '../../common/protocol/server-frames';
import { utcDay } from '../../common/rest/numbers';
import { type Pnl, pnlSchema } from '../../common/rest/pnl';
import { type PositionsSummary, positionsSummarySchema } from '../../common/rest/positions-summary';
import type {
  RestAccount,
  RestBet,
  RestOrder,
  RestRecord,
  RestSnapshot,
} from '../../common/rest/snapshot';
import {
  type TradingControlResult,
  type TradingStatus,
  tradingControlSchema,
  tradingStatusSchema,
} from '../../common/rest/trading-status';
import { checkApiKey } from '../feed/endpoint';
import { restBaseUrl } from './base-url';
import { type CancelResult, cancelResultSchema } from './cancel-result';
import { type ListEnvelope, readListEnvelope } from './list-envelope';
import { collectPages } from './paging';
import { UnexpectedResponseError } from './rest-errors';
import {
  type CallOptions,
  defaultSleep,
  type Fetch,
  type Query,
  RestTransport,
  type RetryInfo,
  type Sleep,
} from './rest-transport';

export interface RestClientOptions {
  /** The WebSocket URL (wss://host/ws/subscribe); the REST base is derived from it. */
  url: string;
  apiKey: string;
  /** Per attempt, body included, unless a call asks for its own (CallOptions). Default 10 s. */
  timeoutMs?: number;
  /** Attempts per call when answered 429, the first included (waits 1 s, 2 s, 4 s...). Default 4. */
  maxAttempts?: number;
  /** Longest wait between attempts, whatever Retry-After asks. Default 60 s. */
  maxRetryDelayMs?: number;
  /** Page size asked for when a whole list is collected. Default 500 (the API allows 2000). */
  pageSize?: number;
  /** Pages collected at most per list. Default 50. */
  maxPages?: number;
  /** Waits between attempts; tests pass a fake. */
  sleep?: Sleep;
  fetch?: Fetch;
  /** The clock that says which day is today (UTC) and reads HTTP-date Retry-After. */
  now?: () => number;
  /** Told before each wait caused by a 429. */
  onRetry?: (retry: RetryInfo) => void;
}

export interface DateRange {
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
}

export interface PageQuery {
  /** 1-based. */
  page?: number;
  /** 1 to 2000; the server's default is 50. */
  pageSize?: number;
}

export interface OrderQuery extends DateRange, PageQuery {
  fixtureId?: string;
  exchange?: string;
  /** e.g. PLACED, FILLED, CANCELLED. */
  status?: string;
}

export interface BetQuery extends DateRange, PageQuery {
  orderId?: number | string;
  bookmaker?: string;
  /** Comma-separated, e.g. "placed,pending". */
  status?: string;
}

export interface OpenOrderFilter {
  exchange?: string;
  fixtureId?: string;
}

export interface CancelAllFilter {
  exchange?: string;
  fixtureId?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

/** How long a control or cancel-all may take: a stop cancelling hundreds of orders is slow. */
export const CONTROL_TIMEOUT_MS = 60_000;

const DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 4,
  maxRetryDelayMs: 60_000,
  pageSize: 500,
  maxPages: 50,
};

const rawObjectSchema = z.record(z.string(), z.unknown());
const anyJson = z.unknown();

function range({ from, to }: DateRange = {}): Query {
  return { fromDate: from, toDate: to };
}

/**
 * The MM REST API (https://host/api/v1, header X-API-Key) as typed calls. Every answer
 * is validated; failures are RestErrors (see rest-errors.ts): KeyRefusedError (401),
 * ServerRefusedError (409, 502, with the server's detail), RequestInvalidError (422),
 * RateLimitedError (429 after the back-off), NetworkError / RestTimeoutError, and
 * UnexpectedResponseError. The constructor throws EndpointError for a ws:// URL to
 * another machine or a key that is not a UUID. The key never appears in an error.
 */
export class RestClient {
  readonly baseUrl: string;
  private readonly transport: RestTransport;
  private readonly pageSize: number;
  private readonly maxPages: number;
  private readonly now: () => number;

  constructor(options: RestClientOptions) {
    this.baseUrl = restBaseUrl(options.url);
    const apiKey = checkApiKey(options.apiKey);
    this.now = options.now ?? Date.now;
    this.pageSize = options.pageSize ?? DEFAULTS.pageSize;
    this.maxPages = options.maxPages ?? DEFAULTS.maxPages;
    this.transport = new RestTransport({
      baseUrl: this.baseUrl,
      apiKey,
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      maxRetryDelayMs: options.maxRetryDelayMs ?? DEFAULTS.maxRetryDelayMs,
      sleep: options.sleep ?? defaultSleep,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      now: this.now,
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    });
  }

  /** Today as the REST date filters mean it (UTC), YYYY-MM-DD. */
  today(): string {
    return utcDay(this.now());
  }

  // Trading controls

  tradingStatus(options: CallOptions = {}): Promise<TradingStatus> {
    return this.transport.call('GET', '/trading/status', {}, tradingStatusSchema, options);
  }

  /** Posts no new orders; resting orders stay, hedging goes on. */
  pause(options: CallOptions = {}): Promise<TradingControlResult> {
    return this.control('pause', options);
  }

  /** Undoes a pause (a stopped engine answers result "start_required"). */
  resume(options: CallOptions = {}): Promise<TradingControlResult> {
    return this.control('resume', options);
  }

  /** Cancels every open order and posts no new ones until start. */
  stop(options: CallOptions = {}): Promise<TradingControlResult> {
    return this.control('stop', options);
  }

  start(options: CallOptions = {}): Promise<TradingControlResult> {
    return this.control('start', options);
  }

  // Orders, bets, accounts

  /** Every open order, all pages collected. */
  async openOrders(filter: OpenOrderFilter = {}, options: CallOptions = {}): Promise<RestOrder[]> {
    const { items } = await this.collect(
      '/orders/open',
      'orders',
      { fixtureId: filter.fixtureId, exchange: filter.exchange },
      options,
    );
    return dedupe(this.records('/orders/open', items, orderPayloadSchema), (o) => o.orderId);
  }

  /** One page of orders. */
  orders(query: OrderQuery = {}, options: CallOptions = {}): Promise<Page<RestOrder>> {
    return this.page(
      '/orders',
      'orders',
      {
        fixtureId: query.fixtureId,
        exchange: query.exchange,
        status: query.status,
        ...range(query),
        page: query.page,
        pageSize: query.pageSize,
      },
      orderPayloadSchema,
      options,
    );
  }

  /** One page of hedge bets. */
  bets(query: BetQuery = {}, options: CallOptions = {}): Promise<Page<RestBet>> {
    return this.page(
      '/bets',
      'bets',
      {
        orderId: query.orderId,
        bookmaker: query.bookmaker,
        status: query.status,
        ...range(query),
        page: query.page,
        pageSize: query.pageSize,
      },
      betPayloadSchema,
      options,
    );
  }

  /** Today's hedge bets (UTC day), all pages up to the page limit. */
  async todaysBets(options: CallOptions = {}): Promise<{ items: RestBet[]; total: number }> {
    const day = this.today();
    const { items, total } = await this.collect(
      '/bets',
      'bets',
      { fromDate: day, toDate: day },
      options,
    );
    return { items: this.records('/bets', items, betPayloadSchema), total };
  }

  /** Exchange accounts with balances (credentials are never returned). */
  async accounts(options: CallOptions = {}): Promise<RestAccount[]> {
    const { items } = await this.collect('/accounts', 'accounts', {}, options);
    return this.records('/accounts', items, accountPayloadSchema);
  }

  // Performance

  /** P&L over the range; no range means all the server has. */
  pnl(dates: DateRange = {}, options: CallOptions = {}): Promise<Pnl> {
    return this.transport.call('GET', '/pnl', range(dates), pnlSchema, options);
  }

  positionsSummary(dates: DateRange = {}, options: CallOptions = {}): Promise<PositionsSummary> {
    return this.transport.call(
      'GET',
      '/positions/summary',
      range(dates),
      positionsSummarySchema,
      options,
    );
  }

  // Cancels

  /** Cancels every open order, or those of one exchange and/or fixture. Trading goes on. */
  cancelAll(filter: CancelAllFilter = {}, options: CallOptions = {}): Promise<CancelResult> {
    return this.transport.call(
      'POST',
      '/orders/cancel-all',
      { exchange: filter.exchange, fixtureId: filter.fixtureId },
      cancelResultSchema,
      options,
    );
  }

  cancelOrder(orderId: number | string, options: CallOptions = {}): Promise<CancelResult> {
    return this.transport.call(
      'POST',
      `/orders/${encodeURIComponent(String(orderId))}/cancel`,
      {},
      cancelResultSchema,
      options,
    );
  }

  // Reconciliation

  /**
   * Trading status, every open order, today's bets, the accounts and today's P&L,
   * loaded in parallel: what the app merges after each subscribe. All or nothing: the
   * first failure aborts the other calls and is thrown.
   */
  async snapshot(options: CallOptions = {}): Promise<RestSnapshot> {
    const day = this.today();
    const abort = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, abort.signal]) : abort.signal;
    const call = { ...options, signal };
    const failFast = <T>(promise: Promise<T>): Promise<T> =>
      promise.catch((error: unknown) => {
        abort.abort(error);
        throw error;
      });
    const [tradingStatus, openOrders, bets, accounts, pnl] = await Promise.all([
      failFast(this.tradingStatus(call)),
      failFast(this.openOrders({}, call)),
      failFast(this.todaysBets(call)),
      failFast(this.accounts(call)),
      failFast(this.pnl({ from: day, to: day }, call)),
    ]);
    return {
      tradingStatus,
      openOrders,
      bets: bets.items,
      betsTotal: bets.total,
      accounts,
      pnl,
      day,
      fetchedAt: this.now(),
    };
  }

  private control(action: string, options: CallOptions): Promise<TradingControlResult> {
    return this.transport.call('POST', `/trading/${action}`, {}, tradingControlSchema, options);
  }

  private envelope(path: string, name: string, query: Query, options: CallOptions) {
    return this.transport.call(
      'GET',
      path,
      query,
      anyJson.transform((json, ctx): ListEnvelope => {
        const list = readListEnvelope(json, name);
        if (list) return list;
        ctx.addIssue({ code: 'custom', message: `expected a list of ${name}` });
        return z.NEVER;
      }),
      options,
    );
  }

  private collect(path: string, name: string, query: Query, options: CallOptions) {
    return collectPages(
      (page) => this.envelope(path, name, { ...query, page, pageSize: this.pageSize }, options),
      this.maxPages,
    );
  }

  private async page<R>(
    path: string,
    name: string,
    query: Query,
    schema: z.ZodType<R>,
    options: CallOptions,
  ): Promise<Page<RestRecord<R>>> {
    const list = await this.envelope(path, name, query, options);
    const items = this.records(path, list.items, schema);
    const paging = list.paging ?? {
      total: items.length,
      page: 1,
      pageSize: items.length,
      totalPages: 1,
    };
    return { items, ...paging };
  }

  private records<R>(path: string, items: unknown[], schema: z.ZodType<R>): RestRecord<R>[] {
    const request = `GET ${path}`;
    return this.validate(request, z.array(rawObjectSchema), items).map((payload, index) => ({
      payload: payload as RawObject,
      record: this.validate(request, schema, payload, `item ${index}`),
    }));
  }

  private validate<T>(request: string, schema: z.ZodType<T>, value: unknown, at = ''): T {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = [at, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
    throw new UnexpectedResponseError(
      request,
      200,
      `unexpected answer to ${request}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`,
    );
  }
}

function dedupe<R>(records: RestRecord<R>[], key: (record: R) => unknown): RestRecord<R>[] {
  const byKey = new Map<unknown, RestRecord<R>>();
  for (const record of records) byKey.set(key(record.record), record);
  return [...byKey.values()];
}
