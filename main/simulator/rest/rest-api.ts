import type { IncomingMessage, ServerResponse } from 'node:http';
import { isUuid } from '../../../common/uuid';
import { type HttpRouter, sendJson } from '../http-router';
import type { MarketModel } from '../market-model';
import { RecentMap } from '../recent-map';
import type { SimulatorKey } from '../simulator-options';
import { HttpProblem } from './http-problem';
import { ParamReader } from './query-params';
import { type RateLimit, RateLimiter } from './rate-limiter';
import { RestFaultState, type RestFaults } from './rest-faults';
import { type RestRoute, restRoutes } from './rest-routes';

export const API_PREFIX = '/api/v1';

export interface RestRequestRecord {
  method: string;
  /** Below /api/v1, with the query string. */
  path: string;
  status: number;
  /** The client the key belongs to, when the key was accepted. */
  client?: string;
  at: number;
}

/** What tests (and the standalone simulator) can do to the REST side. */
export interface RestControls {
  /** The engine-wide soft pause (set by the engine's safety checks; clients only see it). */
  setSoftPaused(active: boolean, reason?: string): void;
  /** The engine-wide stop by the operator; start and resume answer 409 while it holds. */
  setSystemStopped(active: boolean, reason?: string): void;
  /** Raises or clears the emergency; broadcast on the `emergency` channel like any change. */
  setEmergency(active: boolean, reason?: string): void;
  setRateLimit(limit: RateLimit): void;
  /** Forgets the requests counted so far. */
  resetRateLimit(): void;
  readonly rateLimit: RateLimit;
  readonly faults: RestFaults;
  /** Requests answered, oldest first (the most recent few hundred). */
  requests(): RestRequestRecord[];
}

export interface RestApiOptions {
  rateLimit: RateLimit;
  /** Wall clock for rate limiting and the request log. */
  now?: () => number;
  requestLogLimit?: number;
}

const KEY_REFUSED = 'Invalid or missing API key';

/**
 * Mounts the MM REST API (openapi.json: trading controls, orders, bets, positions,
 * P&L, accounts, cancels) under /api/v1 on the simulator's router, over the same
 * market model the WebSocket broadcasts: an order on the stream is an order here.
 */
export function mountRestApi(
  router: HttpRouter,
  model: MarketModel,
  keys: readonly SimulatorKey[],
  options: RestApiOptions,
): RestControls {
  const now = options.now ?? Date.now;
  const limiter = new RateLimiter(options.rateLimit, now);
  const faults = new RestFaultState();
  const log = new RecentMap<number, RestRequestRecord>(options.requestLogLimit ?? 500);
  let logged = 0;
  const keyByValue = new Map(keys.map((k) => [k.apiKey.toLowerCase(), k]));

  function authenticate(req: IncomingMessage): SimulatorKey {
    const header = req.headers['x-api-key'];
    const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
    const key = value && isUuid(value) ? keyByValue.get(value) : undefined;
    if (!key || key.active === false) throw new HttpProblem(401, KEY_REFUSED);
    return key;
  }

  function answer(
    req: IncomingMessage,
    url: URL,
    route: RestRoute,
    pathParams: Record<string, string>,
  ): { status: number; body: unknown; headers: Record<string, string>; client?: string } {
    let client: string | undefined;
    try {
      const key = authenticate(req);
      client = key.client;
      const forced = faults.takeForced();
      if (forced) throw new HttpProblem(forced.status, forced.detail, forced.headers);
      const waitMs = limiter.take(key.apiKey.toLowerCase());
      if (waitMs !== null) {
        const { requests, windowMs } = limiter.current;
        throw new HttpProblem(
          429,
          `Rate limit exceeded: ${requests} requests per ${windowMs / 1000} s`,
          { 'retry-after': String(Math.ceil(waitMs / 1000)) },
        );
      }
      const who = { client: key.client, name: model.clientName(key.client) ?? key.name };
      const body = route.handle({ who, params: new ParamReader(url), pathParams });
      return { status: 200, body, headers: {}, client };
    } catch (error) {
      if (error instanceof HttpProblem) {
        return {
          status: error.status,
          body: { detail: error.detail },
          headers: error.headers,
          ...(client ? { client } : {}),
        };
      }
      return { status: 500, body: { detail: 'Internal Server Error' }, headers: {} };
    }
  }

  function serve(route: RestRoute) {
    return (
      req: IncomingMessage,
      res: ServerResponse,
      pathParams: Record<string, string>,
      url: URL,
    ) => {
      req.resume();
      const reply = answer(req, url, route, pathParams);
      log.set(logged++, {
        method: route.method,
        path: `${url.pathname.slice(API_PREFIX.length)}${url.search}`,
        status: reply.status,
        ...(reply.client ? { client: reply.client } : {}),
        at: now(),
      });
      const send = () => {
        if (!res.destroyed && !res.headersSent)
          sendJson(res, reply.status, reply.body, reply.headers);
      };
      if (faults.delayMs <= 0) return send();
      setTimeout(send, faults.delayMs).unref();
    };
  }

  for (const route of restRoutes(model, faults, () => model.clock())) {
    router.route(route.method, `${API_PREFIX}${route.path}`, serve(route));
  }

  return {
    setSoftPaused: (active, reason) => model.setSoftPaused(active, reason ?? null),
    setSystemStopped: (active, reason) => model.setSystemStopped(active, reason ?? null),
    setEmergency: (active, reason) => {
      model.setEmergency(active, reason ?? null);
    },
    setRateLimit: (limit) => limiter.setLimit(limit),
    resetRateLimit: () => limiter.reset(),
    get rateLimit() {
      return limiter.current;
    },
    faults,
    requests: () => [...log.values()],
  };
}
