import { describe, expect, it } from 'vitest';
import type { OrderPayload } from '../../../common/protocol/payloads';
import { isOpenOrder } from '../../../renderer/src/store/record-keys';
import { openOrdersOf } from '../../../renderer/src/views/trading/open-orders';

const orders = (statuses: (string | undefined)[]) =>
  new Map<string, OrderPayload>(
    statuses.map((orderStatus, i) => [String(i), { orderId: String(i), orderStatus }]),
  );

describe('open orders', () => {
  it('are every order not finished, as the Orders filter and main count them', () => {
    const map = orders([
      'PLACED',
      'PENDING_PLACEMENT',
      'PARTIALLY_MATCHED',
      undefined,
      'FILLED',
      'cancelled',
      'CANCELED',
      'EXPIRED',
      'FAILED',
    ]);
    const open = openOrdersOf(map);
    expect(open.map((o) => o.orderStatus)).toEqual([
      undefined,
      'PARTIALLY_MATCHED',
      'PENDING_PLACEMENT',
      'PLACED',
    ]);
    expect(open.length).toBe([...map.values()].filter((o) => isOpenOrder(o.orderStatus)).length);
  });
});
