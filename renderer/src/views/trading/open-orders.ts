import type { OrderPayload } from '../../../../common/protocol/payloads';

const OPEN_STATUSES = new Set(['PLACED', 'PENDING_PLACEMENT']);

/** Orders still resting at an exchange, newest first. */
export function openOrdersOf(orders: ReadonlyMap<string, OrderPayload>): OrderPayload[] {
  const open: OrderPayload[] = [];
  for (const order of orders.values()) {
    const status = typeof order.orderStatus === 'string' ? order.orderStatus.toUpperCase() : '';
    if (OPEN_STATUSES.has(status)) open.push(order);
  }
  return open.reverse();
}
