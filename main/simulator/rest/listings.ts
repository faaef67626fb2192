import type { MarketModel } from '../market-model';
import type { BetRecord, OrderRecord } from '../model-types';
import { type DayRange, inDayRange, type ParamReader, readDayRange } from './query-params';

export interface OrderFilter extends DayRange {
  fixtureId?: string;
  exchange?: string;
  /** Upper-case order statuses. */
  statuses?: string[];
}

export interface BetFilter extends DayRange {
  orderId?: number;
  bookmaker?: string;
  /** Lower-case bet statuses. */
  statuses?: string[];
}

export function readOrderFilter(params: ParamReader, withStatus = true): OrderFilter {
  const statuses = withStatus ? params.list('status')?.map((s) => s.toUpperCase()) : undefined;
  const fixtureId = params.text('fixtureId');
  const exchange = params.text('exchange');
  return {
    ...(fixtureId !== undefined ? { fixtureId } : {}),
    ...(exchange !== undefined ? { exchange: exchange.toLowerCase() } : {}),
    ...(statuses !== undefined ? { statuses } : {}),
    ...readDayRange(params),
  };
}

export function readBetFilter(params: ParamReader): BetFilter {
  const orderId = params.int('orderId');
  const bookmaker = params.text('bookmaker');
  const statuses = params.list('status');
  return {
    ...(orderId !== undefined ? { orderId } : {}),
    ...(bookmaker !== undefined ? { bookmaker: bookmaker.toLowerCase() } : {}),
    ...(statuses !== undefined ? { statuses } : {}),
    ...readDayRange(params),
  };
}

export function matchesOrder(order: OrderRecord, filter: OrderFilter): boolean {
  return (
    (filter.fixtureId === undefined || order.fixtureId === filter.fixtureId) &&
    (filter.exchange === undefined || order.exchange === filter.exchange) &&
    (filter.statuses === undefined || filter.statuses.includes(order.orderStatus)) &&
    inDayRange(order.createdAt, filter)
  );
}

export function matchesBet(bet: BetRecord, filter: BetFilter): boolean {
  return (
    (filter.orderId === undefined || bet.orderId === filter.orderId) &&
    (filter.bookmaker === undefined || bet.bookmaker === filter.bookmaker) &&
    (filter.statuses === undefined || filter.statuses.includes(bet.betStatus)) &&
    inDayRange(bet.placedAt, filter)
  );
}

const newestOrderFirst = (a: OrderRecord, b: OrderRecord) => b.orderId - a.orderId;
const newestBetFirst = (a: BetRecord, b: BetRecord) => b.betId - a.betId;

/** The client's orders the model remembers, newest first, as REST lists them. */
export function listOrders(model: MarketModel, client: string, filter: OrderFilter): OrderRecord[] {
  return model
    .orders(client)
    .filter((o) => matchesOrder(o, filter))
    .sort(newestOrderFirst);
}

export function listOpenOrders(
  model: MarketModel,
  client: string,
  filter: OrderFilter,
): OrderRecord[] {
  return model
    .openOrders(client)
    .filter((o) => matchesOrder(o, filter))
    .sort(newestOrderFirst);
}

export function listBets(model: MarketModel, client: string, filter: BetFilter): BetRecord[] {
  return model
    .bets(client)
    .filter((b) => matchesBet(b, filter))
    .sort(newestBetFirst);
}
