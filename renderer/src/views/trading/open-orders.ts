import type { OrderPayload } from '../../../../common/protocol/payloads';
import { isOpenOrder } from '../../store/record-keys';

/**
 * Orders not finished (neither filled, cancelled, expired nor failed), newest first: the
 * same rule as the Orders view's filter and main's count.
 */
export function openOrdersOf(orders: ReadonlyMap<string, OrderPayload>): OrderPayload[] {
  const open: OrderPayload[] = [];
  for (const order of orders.values()) {
    if (isOpenOrder(order.orderStatus)) open.push(order);
  }
  return open.reverse();
}
