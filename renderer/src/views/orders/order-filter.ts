import type { OrderPayload } from '../../../../common/protocol/payloads';
import { matchesQuery } from '../../components/text-search';
import { isOpenOrder } from '../../store/record-keys';

export interface OrdersQuery {
  text: string;
  openOnly: boolean;
}

const SEARCH_FIELDS = [
  'orderId',
  'exchange',
  'account',
  'fixtureId',
  'orderStatus',
  'matchedStatus',
  'exchangeOrderId',
];

export function orderMatches(order: OrderPayload, query: OrdersQuery): boolean {
  return (
    (!query.openOnly || isOpenOrder(order.orderStatus)) &&
    matchesQuery(order, SEARCH_FIELDS, query.text)
  );
}

/** The query without the filters that hide `order`; the same query when none does. */
export function queryShowing(order: OrderPayload, query: OrdersQuery): OrdersQuery {
  if (orderMatches(order, query)) return query;
  return {
    text: matchesQuery(order, SEARCH_FIELDS, query.text) ? query.text : '',
    openOnly: query.openOnly && isOpenOrder(order.orderStatus),
  };
}
