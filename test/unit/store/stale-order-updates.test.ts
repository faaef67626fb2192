import { describe, expect, it } from 'vitest';
import type { StoreEffect } from '../../../main/store/effects';
import { FeedStore } from '../../../main/store/feed-store';
import { inTimeZone } from '../../support/time-zone';
import { orderEvent } from './feed-events';

const DAY = 86_400_000;
const utcDayStart = (now: number) => now - (now % DAY);
const T0 = Date.UTC(2026, 1, 15, 10, 30);

const newStore = () => new FeedStore({ dayStart: utcDayStart });
/** `s` seconds after T0, as the server writes times. */
const at = (s: number) => new Date(T0 + s * 1_000).toISOString();
const fills = (effects: readonly StoreEffect[]) => effects.filter((e) => e.kind === 'fill');

/** Order 1, whole, with `matched` of 100 matched. */
const order1 = (matched: number, patch: Record<string, unknown> = {}) => ({
  orderId: 1,
  exchange: 'kalshi',
  orderStake: 100,
  matchedStake: matched,
  orderStatus: matched === 100 ? 'FILLED' : 'PLACED',
  matchedStatus: matched === 100 ? 'FULLY_MATCHED' : 'PARTIALLY_MATCHED',
  settlementStatus: 'UNDECIDED',
  ...patch,
});

describe('FeedStore order updates out of order', () => {
  it('keeps a filled order filled when an older update arrives after it, and counts its fill once', () => {
    const store = newStore();
    store.apply(orderEvent('INSERT', order1(0, { matchedStatus: 'NOT_MATCHED' })), T0);
    const filled = store.apply(
      orderEvent('UPDATE', order1(100), { matchedStake: 40, orderStatus: 'PLACED' }),
      T0 + 10,
    );
    const late = store.apply(orderEvent('UPDATE', order1(40), { matchedStake: 0 }), T0 + 20);
    expect(store.order('1')).toMatchObject({ orderStatus: 'FILLED', matchedStake: 100 });
    const settled = store.apply(
      orderEvent('UPDATE', order1(100, { settlementStatus: 'WON' }), {
        settlementStatus: 'UNDECIDED',
      }),
      T0 + 30,
    );
    expect(fills(filled)).toEqual([expect.objectContaining({ matchedDelta: 100 })]);
    expect(late).toEqual([]);
    expect(settled).toEqual([]);
    expect(store.counters()).toMatchObject({ fills: 1, matchedStake: 100 });
  });

  it('keeps the matched stake when a late update with no status or old values would lower it', () => {
    const store = newStore();
    store.apply(orderEvent('INSERT', { orderId: 2, orderStake: 100, matchedStake: 0 }), T0);
    store.apply(orderEvent('UPDATE', { orderId: 2, matchedStake: 100 }), T0 + 10);
    expect(store.apply(orderEvent('UPDATE', { orderId: 2, matchedStake: 40 }), T0 + 20)).toEqual(
      [],
    );
    expect(store.apply(orderEvent('UPDATE', { orderId: 2, matchedStake: 100 }), T0 + 30)).toEqual(
      [],
    );
    expect(store.order('2')).toMatchObject({ matchedStake: 100 });
    expect(store.counters()).toMatchObject({ fills: 1, matchedStake: 100 });
  });

  it('skips an update whose updatedAt is older than the stored one', () => {
    const store = newStore();
    const newer = { orderId: 3, orderStatus: 'PLACED', bookmakerOutcomePrice: 2.1 };
    store.apply(orderEvent('INSERT', { ...newer, updatedAt: '2026-02-15T10:30:05.000Z' }), T0);
    store.apply(
      orderEvent('UPDATE', {
        ...newer,
        bookmakerOutcomePrice: 2,
        updatedAt: '2026-02-15T10:30:04.000Z',
      }),
      T0,
    );
    expect(store.order('3')).toMatchObject({ bookmakerOutcomePrice: 2.1 });
    store.apply(
      orderEvent('UPDATE', {
        ...newer,
        bookmakerOutcomePrice: 2.2,
        updatedAt: '2026-02-15T10:30:06+00:00',
      }),
      T0,
    );
    expect(store.order('3')).toMatchObject({ bookmakerOutcomePrice: 2.2 });
  });

  it('takes a lowered matched stake whose old value is the stored one: a match taken back', () => {
    const store = newStore();
    store.apply(orderEvent('INSERT', order1(60)), T0);
    store.apply(orderEvent('UPDATE', order1(30), { matchedStake: 60 }), T0 + 10);
    expect(store.order('1')).toMatchObject({ matchedStake: 30 });
    const rematched = store.apply(orderEvent('UPDATE', order1(50), { matchedStake: 30 }), T0 + 20);
    expect(fills(rematched)).toEqual([expect.objectContaining({ matchedDelta: 20 })]);
  });

  it('follows a newer update that lowers the matched stake without old values, and counts the fills after it', () => {
    const store = newStore();
    store.apply(orderEvent('INSERT', order1(50, { updatedAt: at(1) })), T0);
    store.apply(orderEvent('UPDATE', order1(30, { updatedAt: at(3) })), T0 + 10);
    expect(store.order('1')).toMatchObject({ matchedStake: 30 });
    const refilled = store.apply(
      orderEvent('UPDATE', order1(45, { updatedAt: at(5) }), { matchedStake: 30 }),
      T0 + 20,
    );
    expect(fills(refilled)).toEqual([expect.objectContaining({ matchedDelta: 15 })]);
    expect(store.order('1')).toMatchObject({ matchedStake: 45 });
  });

  it('takes a broadcast newer than a REST copy whose updatedAt has no zone, in any machine zone', () => {
    for (const zone of ['America/New_York', 'Asia/Tokyo']) {
      inTimeZone(zone, () => {
        const store = newStore();
        const copy = { ...order1(0), orderId: '1', bookmakerOutcomePrice: 2 };
        store.merge({ orders: [{ ...copy, updatedAt: '2026-02-15T10:30:10' }] }, T0);
        const tick = (price: number, s: number) =>
          orderEvent('UPDATE', { orderId: 1, bookmakerOutcomePrice: price, updatedAt: at(s) });
        store.apply(tick(2.2, 5), T0 + 20_000);
        expect(store.order('1')).toMatchObject({ bookmakerOutcomePrice: 2 });
        store.apply(tick(2.1, 15), T0 + 20_000);
        expect(store.order('1')).toMatchObject({ bookmakerOutcomePrice: 2.1 });
      });
    }
  });
});

describe('FeedStore order updates overtaken by one without the matched stake (changed fields only)', () => {
  /** Order 1 as inserted at T0, then a newer update at 2 s with only `newer` changed. */
  function overtaken(newer: Record<string, unknown>) {
    const store = newStore();
    store.apply(
      orderEvent(
        'INSERT',
        order1(0, { matchedStatus: 'NOT_MATCHED', bookmakerOutcomePrice: 2, updatedAt: at(0) }),
      ),
      T0,
    );
    store.apply(orderEvent('UPDATE', { orderId: 1, ...newer, updatedAt: at(2) }), T0 + 2_000);
    // The fill at 1 s arrives last.
    const late = store.apply(
      orderEvent(
        'UPDATE',
        {
          orderId: 1,
          matchedStake: 40,
          matchedStatus: 'PARTIALLY_MATCHED',
          matchedAt: at(1),
          updatedAt: at(1),
        },
        { matchedStake: 0, matchedStatus: 'NOT_MATCHED', updatedAt: at(0) },
      ),
      T0 + 2_100,
    );
    return { store, late };
  }

  it('counts the fill of an update a newer price tick overtook, and keeps the tick', () => {
    const { store, late } = overtaken({ bookmakerOutcomePrice: 2.1 });
    expect(fills(late)).toEqual([expect.objectContaining({ matchedDelta: 40, partial: true })]);
    expect(store.order('1')).toMatchObject({
      bookmakerOutcomePrice: 2.1,
      matchedStake: 40,
      matchedStatus: 'PARTIALLY_MATCHED',
      matchedAt: at(1),
      updatedAt: at(2),
    });
    expect(store.counters()).toMatchObject({ fills: 1, matchedStake: 40 });
  });

  it('counts the fill of an update a newer cancel overtook, and keeps the order cancelled', () => {
    const { store, late } = overtaken({ orderStatus: 'CANCELLED' });
    expect(fills(late)).toEqual([expect.objectContaining({ matchedDelta: 40 })]);
    expect(store.order('1')).toMatchObject({ orderStatus: 'CANCELLED', matchedStake: 40 });
    expect(store.openOrders()).toEqual([]);
  });
});
