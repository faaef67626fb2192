import { describe, expect, it, vi } from 'vitest';
import {
  LOOKUP_PAGE_SIZE,
  listingOrderOf,
  lookUpOrders,
  type OrderLookupRequest,
} from '../../../main/app/order-lookup';
import type { OrderRecord } from '../../../main/store/records';

const DAY = Date.UTC(2026, 1, 15, 0, 0);
const TODAY = '2026-02-15';
const iso = (t: number) => new Date(t).toISOString();

/** Order `n` of the day, created n seconds after midnight, filled a second later. */
const order = (n: number): OrderRecord => ({
  orderId: String(n),
  orderStatus: 'FILLED',
  orderStake: 100,
  matchedStake: 100,
  createdAt: iso(DAY + n * 1000),
  updatedAt: iso(DAY + n * 1000 + 1000),
});

/** GET /orders over `all`, paged, listed newest or oldest first (the API does not say which). */
function server(all: OrderRecord[], listing: 'newest-first' | 'oldest-first') {
  const sign = listing === 'newest-first' ? -1 : 1;
  const listed = [...all].sort((a, b) => sign * (Number(a.orderId) - Number(b.orderId)));
  return {
    orders: vi.fn(async (query: { page?: number; pageSize?: number } = {}) => {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      return {
        items: listed
          .slice((page - 1) * pageSize, page * pageSize)
          .map((record) => ({ payload: record, record })),
        total: listed.length,
        page,
        pageSize,
        totalPages: Math.ceil(listed.length / pageSize),
      };
    }),
  };
}

const pagesRead = (client: ReturnType<typeof server>) =>
  client.orders.mock.calls.map(([query]) => query?.page);

/** 5,000 orders of the day: three pages. */
const DAY_ORDERS = Array.from({ length: 5_000 }, (_, i) => order(i + 1));
const ids = (orders: readonly OrderRecord[]) => new Set(orders.map((o) => o.orderId));

describe('lookUpOrders', () => {
  // The feed missed the last 100 orders of the day.
  const gap: OrderLookupRequest = { today: TODAY, wanted: [], missedSince: DAY + 4_901_000 };

  it('reads a newest-first listing from page 1 until a page reaches before the gap', async () => {
    const client = server(DAY_ORDERS, 'newest-first');
    const lookup = await lookUpOrders(client, gap);
    expect(pagesRead(client)).toEqual([1]);
    expect(lookup?.complete).toBe(true);
    expect(ids(lookup?.orders ?? [])).toContain('5000');
    expect(client.orders).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: LOOKUP_PAGE_SIZE, to: TODAY }),
    );
  });

  it('reads an oldest-first listing from its last page back, so the gap is read', async () => {
    const client = server(DAY_ORDERS, 'oldest-first');
    const lookup = await lookUpOrders(client, gap);
    expect(pagesRead(client)).toEqual([1, 3]);
    expect(lookup?.complete).toBe(true);
    const found = ids(lookup?.orders ?? []);
    for (let n = 4_901; n <= 5_000; n++) expect(found).toContain(String(n));
  });

  it('finds a wanted order in the middle of an oldest-first listing', async () => {
    const client = server(DAY_ORDERS, 'oldest-first');
    const lookup = await lookUpOrders(client, {
      today: TODAY,
      wanted: [order(2_500)],
      missedSince: null,
    });
    expect(pagesRead(client)).toEqual([1, 3, 2]);
    expect(ids(lookup?.orders ?? [])).toContain('2500');
    expect(lookup?.complete).toBe(true);
  });

  it('stops as soon as every wanted order is found when there is no gap, whatever the order', async () => {
    for (const listing of ['newest-first', 'oldest-first'] as const) {
      const client = server(DAY_ORDERS, listing);
      const wanted = [order(listing === 'newest-first' ? 4_000 : 1_000)];
      await lookUpOrders(client, { today: TODAY, wanted, missedSince: null });
      expect(pagesRead(client)).toEqual([1]);
    }
  });

  it('reads every page (up to its limit) when the order cannot be told', async () => {
    const sameTime = DAY_ORDERS.map((o) => ({ ...o, createdAt: iso(DAY) }));
    const client = server(sameTime, 'oldest-first');
    const lookup = await lookUpOrders(client, gap);
    expect(pagesRead(client)).toEqual([1, 2, 3]);
    expect(lookup?.orders).toHaveLength(5_000);

    const limited = server(sameTime, 'newest-first');
    await lookUpOrders(limited, { ...gap, maxPages: 2 });
    expect(pagesRead(limited)).toEqual([1, 2]);
  });

  it('is not complete when its page limit stops it before the start of the gap, whatever the order', async () => {
    const wholeDay: OrderLookupRequest = { today: TODAY, wanted: [], missedSince: DAY };
    for (const listing of ['newest-first', 'oldest-first'] as const) {
      const client = server(DAY_ORDERS, listing);
      const lookup = await lookUpOrders(client, { ...wholeDay, maxPages: 2 });
      expect(pagesRead(client)).toHaveLength(2);
      expect(lookup).toMatchObject({ complete: false, pageFailed: false });
    }
  });

  it('is complete when its page limit stops a search for an order once the gap was read', async () => {
    const client = server(DAY_ORDERS, 'newest-first');
    const lookup = await lookUpOrders(client, { ...gap, wanted: [order(1)], maxPages: 2 });
    expect(pagesRead(client)).toEqual([1, 2]);
    expect(lookup).toMatchObject({ complete: true, pageFailed: false });
  });

  it('keeps to its page limit reading back, and says when a page could not be read', async () => {
    const many = Array.from({ length: 9_000 }, (_, i) => order(i + 1));
    const client = server(many, 'oldest-first');
    await lookUpOrders(client, { today: TODAY, wanted: [order(1)], missedSince: 0, maxPages: 3 });
    expect(pagesRead(client)).toEqual([1, 5, 4]);

    const failing = server(many, 'oldest-first');
    const answer = failing.orders.getMockImplementation();
    failing.orders.mockImplementation(async (query = {}) => {
      if (query.page === 5) throw new Error('no answer');
      return (answer as NonNullable<typeof answer>)(query);
    });
    expect(await lookUpOrders(failing, gap)).toMatchObject({ complete: false, pageFailed: true });
  });
});

describe('listingOrderOf', () => {
  it('tells the order from the creation of the first and last orders', () => {
    expect(listingOrderOf([order(2), order(1)])).toBe('newest-first');
    expect(listingOrderOf([order(1), order(2)])).toBe('oldest-first');
    expect(listingOrderOf([order(1)])).toBe('unknown');
    expect(listingOrderOf([order(1), { orderId: '9' }])).toBe('unknown');
  });
});
