import { describe, expect, it } from 'vitest';
import type { StoreEffect } from '../../../main/store/effects';
import { FeedStore } from '../../../main/store/feed-store';
import type { OrderRecord } from '../../../main/store/records';
import { orderEvent } from './feed-events';

const DAY = 86_400_000;
const utcDayStart = (now: number) => now - (now % DAY);
const T0 = Date.UTC(2026, 1, 15, 10, 30);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

const newStore = (maxOrders?: number) => new FeedStore({ dayStart: utcDayStart, maxOrders });
const fills = (effects: readonly StoreEffect[]) => effects.filter((e) => e.kind === 'fill');

/** Order 9 as the server sends it whole: 40 of 100 matched at `matchedAt`. */
function order9(matchedAt: string, patch: Partial<OrderRecord> = {}): Record<string, unknown> {
  return {
    orderId: 9,
    exchange: 'betfair',
    fixtureId: 'fx1',
    orderStatus: 'PLACED',
    matchedStatus: 'PARTIALLY_MATCHED',
    orderStake: 100,
    matchedStake: 40,
    settlementStatus: 'UNDECIDED',
    bookmakerOutcomePrice: 2,
    matchedAt,
    updatedAt: matchedAt,
    ...patch,
  };
}

describe('FeedStore fills of an order it does not hold', () => {
  it('reports no fill for an update whose old values leave the matched stake out', () => {
    const store = newStore();
    const settled = store.apply(
      orderEvent('UPDATE', order9(at(-7_200), { orderStatus: 'FILLED', settlementStatus: 'WON' }), {
        settlementStatus: 'UNDECIDED',
      }),
      T0,
    );
    const priceTick = store.apply(
      orderEvent(
        'UPDATE',
        { ...order9(at(-1)), orderId: 10, bookmakerOutcomePrice: 2.02 },
        {
          bookmakerOutcomePrice: 2,
        },
      ),
      T0,
    );
    expect(settled).toEqual([]);
    expect(priceTick).toEqual([]);
    expect(store.counters()).toMatchObject({ fills: 0, matchedStake: 0 });
    expect(store.order('9')).toMatchObject({ matchedStake: 40, settlementStatus: 'WON' });
  });

  it('reports no fill when an order evicted from the store is settled', () => {
    const store = newStore(2);
    const filled = { orderStatus: 'FILLED', matchedStatus: 'FULLY_MATCHED', orderStake: 40 };
    store.apply(orderEvent('INSERT', order9(at(0), { matchedStake: 0 })), T0);
    store.apply(orderEvent('UPDATE', order9(at(1), filled), { matchedStake: 0 }), T0 + 1_000);
    store.apply(orderEvent('INSERT', { orderId: 'x1', orderStatus: 'CANCELLED' }), T0 + 2_000);
    store.apply(orderEvent('INSERT', { orderId: 'x2', orderStatus: 'CANCELLED' }), T0 + 2_000);
    expect(store.order('9')).toBeUndefined();
    const settled = store.apply(
      orderEvent('UPDATE', order9(at(1), { ...filled, settlementStatus: 'LOST' }), {
        settlementStatus: 'UNDECIDED',
      }),
      T0 + 3_600_000,
    );
    expect(settled).toEqual([]);
    expect(store.counters()).toMatchObject({ fills: 1, matchedStake: 40 });
  });

  it('takes an update with no old values as a fill only when the order matched as it arrived', () => {
    const store = newStore();
    const justMatched = store.apply(orderEvent('UPDATE', order9(at(-1))), T0);
    const matchedLongAgo = store.apply(
      orderEvent('UPDATE', { ...order9(at(-3_600)), orderId: 11 }),
      T0,
    );
    const noTimestamps = store.apply(
      orderEvent('UPDATE', { orderId: 12, orderStake: 10, matchedStake: 10 }),
      T0,
    );
    expect(fills(justMatched)).toEqual([expect.objectContaining({ matchedDelta: 40 })]);
    expect(matchedLongAgo).toEqual([]);
    expect(noTimestamps).toEqual([]);
    expect(store.counters()).toMatchObject({ fills: 1, matchedStake: 40 });
  });

  it('leaves a fill made during a gap to the news merge when a price tick of the order came first', () => {
    const store = newStore();
    const gapFrom = T0 + 60_000;
    const copy = order9(at(70), { bookmakerOutcomePrice: 2.02, updatedAt: at(121) });
    store.apply(
      orderEvent('UPDATE', copy, { bookmakerOutcomePrice: 2, updatedAt: at(70) }),
      T0 + 121_000,
    );
    const merged = store.merge(
      { orders: [{ ...copy, orderId: '9' } as OrderRecord], news: { since: gapFrom } },
      T0 + 123_000,
    );
    expect(fills(merged)).toEqual([expect.objectContaining({ matchedDelta: 40 })]);
    const again = store.merge(
      { orders: [{ ...copy, orderId: '9' } as OrderRecord], news: { since: gapFrom } },
      T0 + 150_000,
    );
    expect(again).toEqual([]);
    expect(store.counters()).toMatchObject({ fills: 1, matchedStake: 40 });
  });

  it('keeps a match made before the gap out of the news merge', () => {
    const store = newStore();
    const copy = order9(at(10), { bookmakerOutcomePrice: 2.02, updatedAt: at(121) });
    store.apply(orderEvent('UPDATE', copy, { bookmakerOutcomePrice: 2 }), T0 + 121_000);
    const merged = store.merge(
      { orders: [{ ...copy, orderId: '9' } as OrderRecord], news: { since: T0 + 60_000 } },
      T0 + 123_000,
    );
    expect(merged).toEqual([]);
    expect(store.counters()).toMatchObject({ fills: 0, matchedStake: 0 });
  });
});
