import type { OrderPayload } from '../../../../common/protocol/payloads';
import { matchesQuery } from '../../components/text-search';
import { isOpenOrder } from '../../store/record-keys';

export interface OrdersQuery {
  text: string;
  openOnly: boolean;
  /** Only the orders listed as missing a hedge; absent means off. */
  unhedgedOnly?: boolean;
}

const NONE: ReadonlySet<string> = new Set();

const SEARCH_FIELDS = [
  'orderId',
  'exchange',
  'account',
  'fixtureId',
  'orderStatus',
  'matchedStatus',
  'exchangeOrderId',
];

/** `unhedged`: the ids of the orders listed as missing a hedge. */
export function orderMatches(
  order: OrderPayload,
  query: OrdersQuery,
  unhedged: ReadonlySet<string> = NONE,
): boolean {
  return (
    (!query.openOnly || isOpenOrder(order.orderStatus)) &&
    (!query.unhedgedOnly || unhedged.has(order.orderId)) &&
    matchesQuery(order, SEARCH_FIELDS, query.text)
  );
}

/** The query without the filters that hide `order`; the same query when none does. */
export function queryShowing(
  order: OrderPayload,
  query: OrdersQuery,
  unhedged: ReadonlySet<string> = NONE,
): OrdersQuery {
  if (orderMatches(order, query, unhedged)) return query;
  return {
    text: matchesQuery(order, SEARCH_FIELDS, query.text) ? query.text : '',
    openOnly: query.openOnly && isOpenOrder(order.orderStatus),
    unhedgedOnly: query.unhedgedOnly === true && unhedged.has(order.orderId),
  };
}
