import { describe, expect, it } from 'vitest';
import { FeedStore } from '../../../main/store/feed-store';
import { isStaleOrderCopy, type OrderRecord } from '../../../main/store/records';
import { orderEvent } from './feed-events';

const T0 = Date.UTC(2026, 1, 15, 10, 30);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/** An order as the REST API lists it, validated like a broadcast payload. */
function restOrder(patch: Partial<OrderRecord>): OrderRecord {
  return { orderId: '7', exchange: 'kalshi', orderStake: 50, ...patch };
}

/** A store that saw order 7 placed and then `status` over the socket, at `updatedAt`. */
function storeWith(status: string, updatedAt: string | undefined): FeedStore {
  const store = new FeedStore();
  store.apply(
    orderEvent('INSERT', {
      orderId: 7,
      exchange: 'kalshi',
      orderStake: 50,
      orderStatus: 'PLACED',
      updatedAt: at(0),
    }),
    T0,
  );
  store.apply(
    orderEvent('UPDATE', {
      orderId: 7,
      orderStatus: status,
      ...(updatedAt ? { updatedAt } : {}),
    }),
    T0,
  );
  return store;
}

describe('merging REST orders into the store', () => {
  it('skips a copy older than the stored order (read before a broadcast the socket delivered)', () => {
    const store = storeWith('PLACED', at(20));
    store.merge(
      { orders: [restOrder({ orderStatus: 'PLACED', orderStake: 40, updatedAt: at(10) })] },
      T0,
    );
    expect(store.order('7')).toMatchObject({ orderStake: 50, updatedAt: at(20) });
  });

  it('takes a copy as new as the stored order, or newer', () => {
    const store = storeWith('PLACED', at(20));
    store.merge(
      { orders: [restOrder({ orderStatus: 'PLACED', orderStake: 40, updatedAt: at(20) })] },
      T0,
    );
    expect(store.order('7')).toMatchObject({ orderStake: 40 });
    store.merge({ orders: [restOrder({ orderStatus: 'FILLED', updatedAt: at(30) })] }, T0);
    expect(store.order('7')).toMatchObject({ orderStatus: 'FILLED', updatedAt: at(30) });
  });

  it('never moves a cancelled or filled order back to open, whatever the timestamps say', () => {
    for (const finished of ['CANCELLED', 'FILLED', 'EXPIRED', 'FAILED']) {
      const store = storeWith(finished, undefined);
      store.merge({ orders: [restOrder({ orderStatus: 'PLACED', updatedAt: at(60) })] }, T0);
      expect(store.order('7')?.orderStatus).toBe(finished);
      expect(store.openOrders()).toEqual([]);
    }
  });

  it('still merges a copy when either side has no usable updatedAt', () => {
    const store = storeWith('PLACED', undefined);
    store.merge({ orders: [restOrder({ orderStatus: 'PLACED', orderStake: 40 })] }, T0);
    expect(store.order('7')).toMatchObject({ orderStake: 40 });
    store.merge({ orders: [restOrder({ orderStatus: 'CANCELLED', updatedAt: 'soon' })] }, T0);
    expect(store.order('7')?.orderStatus).toBe('CANCELLED');
  });

  it('adds orders the store did not hold', () => {
    const store = new FeedStore();
    store.merge(
      { orders: [restOrder({ orderId: '9', orderStatus: 'PLACED', updatedAt: at(0) })] },
      T0,
    );
    expect(store.order('9')).toMatchObject({ orderStatus: 'PLACED' });
  });
});

describe('isStaleOrderCopy', () => {
  const placed = (updatedAt?: string): OrderRecord => ({
    orderId: '1',
    orderStatus: 'PLACED',
    ...(updatedAt ? { updatedAt } : {}),
  });

  it('compares instants, not strings', () => {
    // 10:30:20 in UTC+2 is 08:30:20Z, before 10:30:10Z.
    expect(isStaleOrderCopy(placed(at(10)), placed('2026-02-15T10:30:20+02:00'))).toBe(true);
    expect(isStaleOrderCopy(placed('2026-02-15T10:30:20+02:00'), placed(at(10)))).toBe(false);
  });

  it('lets a finished copy replace an open order, even with an older timestamp', () => {
    expect(isStaleOrderCopy(placed(), { orderId: '1', orderStatus: 'cancelled' })).toBe(false);
    const cancelledEarlier = { orderId: '1', orderStatus: 'CANCELLED', updatedAt: at(5) };
    expect(isStaleOrderCopy(placed(at(10)), cancelledEarlier)).toBe(false);
    expect(isStaleOrderCopy({ orderId: '1', orderStatus: 'cancelled' }, placed())).toBe(true);
  });

  it('orders two finished copies by their timestamps', () => {
    const filled = { orderId: '1', orderStatus: 'FILLED', updatedAt: at(10) };
    const cancelled = { orderId: '1', orderStatus: 'CANCELLED', updatedAt: at(5) };
    expect(isStaleOrderCopy(filled, cancelled)).toBe(true);
    expect(isStaleOrderCopy(cancelled, filled)).toBe(false);
  });
});
