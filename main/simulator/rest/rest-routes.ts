import type { MarketModel } from '../market-model';
import { badGateway, conflict, HttpProblem, notFound } from './http-problem';
import { listBets, listOpenOrders, listOrders, readBetFilter, readOrderFilter } from './listings';
import { type ParamReader, paginate, readDayRange, readPage } from './query-params';
import { betSummary, orderSummary, pnlReport, positionStatusMatches, positions } from './reports';
import type { RestFaultState } from './rest-faults';
import {
  type ClientIdentity,
  describeExchanges,
  tradingControls,
  tradingStatusBody,
} from './trading-controls';

export interface RouteContext {
  who: ClientIdentity;
  params: ParamReader;
  pathParams: Record<string, string>;
}

export interface RestRoute {
  method: 'GET' | 'POST';
  /** Below /api/v1. */
  path: string;
  handle(context: RouteContext): unknown;
}

/** The documented endpoints the simulator serves, over the market model. */
export function restRoutes(
  model: MarketModel,
  faults: RestFaultState,
  now: () => number,
): RestRoute[] {
  const control =
    (action: 'pause' | 'resume' | 'start') =>
    ({ who, params }: RouteContext) => {
      params.done();
      const outcome = tradingControls[action](model, who.client);
      return { ...tradingStatusBody(model, who, now()), ...outcome };
    };

  return [
    {
      method: 'GET',
      path: '/trading/status',
      handle: ({ who, params }) => {
        params.done();
        return tradingStatusBody(model, who, now());
      },
    },
    { method: 'POST', path: '/trading/pause', handle: control('pause') },
    { method: 'POST', path: '/trading/resume', handle: control('resume') },
    { method: 'POST', path: '/trading/start', handle: control('start') },
    {
      method: 'POST',
      path: '/trading/stop',
      handle: ({ who, params }) => {
        params.done();
        const outcome = tradingControls.stop(model, who.client, faults.cancelFault());
        return { ...tradingStatusBody(model, who, now()), ...outcome };
      },
    },
    {
      method: 'GET',
      path: '/orders',
      handle: ({ who, params }) => {
        const filter = readOrderFilter(params);
        const page = readPage(params);
        params.done();
        return paginate(listOrders(model, who.client, filter), page);
      },
    },
    {
      method: 'GET',
      path: '/orders/open',
      handle: ({ who, params }) => {
        const filter = readOrderFilter(params, false);
        const page = readPage(params);
        params.done();
        return paginate(listOpenOrders(model, who.client, filter), page);
      },
    },
    {
      method: 'GET',
      path: '/orders/summary',
      handle: ({ who, params }) => {
        const range = readDayRange(params);
        params.done();
        return orderSummary(listOrders(model, who.client, range));
      },
    },
    {
      method: 'GET',
      path: '/bets',
      handle: ({ who, params }) => {
        const filter = readBetFilter(params);
        const page = readPage(params);
        params.done();
        return paginate(listBets(model, who.client, filter), page);
      },
    },
    {
      method: 'GET',
      path: '/bets/summary',
      handle: ({ who, params }) => {
        const range = readDayRange(params);
        params.done();
        return betSummary(listBets(model, who.client, range));
      },
    },
    {
      method: 'GET',
      path: '/positions',
      handle: ({ who, params }) => {
        const filter = readOrderFilter(params, false);
        const statuses = params.list('status') ?? ['active'];
        params.done();
        const orders = listOrders(model, who.client, filter).filter((o) =>
          positionStatusMatches(o, statuses),
        );
        const list = positions(orders);
        return { positions: list, count: list.length };
      },
    },
    {
      method: 'GET',
      path: '/positions/summary',
      handle: ({ who, params }) => {
        const range = readDayRange(params);
        params.done();
        const orders = listOrders(model, who.client, range).filter((o) =>
          positionStatusMatches(o, ['active']),
        );
        return orderSummary(orders);
      },
    },
    {
      method: 'GET',
      path: '/pnl',
      handle: ({ who, params }) => {
        const range = readDayRange(params);
        params.done();
        return pnlReport(listOrders(model, who.client, range), model.bets(who.client), range);
      },
    },
    {
      method: 'GET',
      path: '/accounts',
      handle: ({ who, params }) => {
        const exchange = params.text('exchange')?.toLowerCase();
        const page = readPage(params);
        params.done();
        const accounts = model
          .accounts(who.client)
          .filter((a) => exchange === undefined || a.exchange === exchange);
        return paginate(accounts, page);
      },
    },
    {
      method: 'POST',
      path: '/orders/cancel-all',
      handle: ({ who, params }) => {
        const filter = readOrderFilter(params, false);
        params.done();
        const fault = faults.cancelFault();
        const target = { exchange: filter.exchange, fixtureId: filter.fixtureId };
        const open = listOpenOrders(model, who.client, target);
        const failing = fault ? open.filter(fault) : [];
        const cancelled = model.cancelAllOrders(who.client, {
          ...target,
          ...(fault ? { skip: fault } : {}),
        });
        if (failing.length > 0) {
          throw badGateway(
            `Cancelled ${cancelled.length} of ${open.length} open orders; ${failing.length} could not be cancelled (${describeExchanges(failing)} did not confirm)`,
          );
        }
        return {
          cancelled: cancelled.length,
          failed: 0,
          orderIds: cancelled.map((c) => c.payload.orderId),
        };
      },
    },
    {
      method: 'POST',
      path: '/orders/:order_id/cancel',
      handle: ({ who, params, pathParams }) => {
        const orderId = params.int('order_id', { from: 'path', value: pathParams.order_id ?? '' });
        params.done();
        const order = model.order(who.client, orderId!);
        if (!order) throw notFound(`Order ${orderId} not found`);
        if (model.openOrders(who.client).every((o) => o.orderId !== order.orderId)) {
          throw conflict(
            `Order ${orderId} is ${order.orderStatus}; only open orders can be cancelled`,
          );
        }
        if (faults.cancelFault()?.(order)) {
          throw badGateway(
            `${order.exchange} did not confirm the cancellation of order ${orderId}`,
          );
        }
        const change = model.cancelOrder(who.client, order.orderId);
        if (!change) throw new HttpProblem(500, 'Internal Server Error');
        return { orderId: order.orderId, cancelled: true, order: change.payload };
      },
    },
  ];
}
