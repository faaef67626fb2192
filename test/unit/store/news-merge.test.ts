import { describe, expect, it } from 'vitest';
import type { StoreEffect } from '../../../main/store/effects';
import { FeedStore } from '../../../main/store/feed-store';
import type { BetRecord, OrderRecord } from '../../../main/store/records';
import { betEvent, orderEvent } from './feed-events';

const DAY = 86_400_000;
const utcDayStart = (now: number) => now - (now % DAY);
const T0 = Date.UTC(2026, 1, 15, 10, 30);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/** The feed went down at T0 + 60 s; the reconciliation runs at T0 + 120 s. */
const GAP_FROM = T0 + 60_000;
const NOW = T0 + 120_000;
const news = { since: GAP_FROM };

const fills = (effects: readonly StoreEffect[]) => effects.filter((e) => e.kind === 'fill');

/** An order as the REST API lists it (records are validated payloads: ids are strings). */
function restOrder(orderId: string, patch: Partial<OrderRecord> = {}): OrderRecord {
  return {
    orderId,
    exchange: 'kalshi',
    fixtureId: 'fx1',
    orderStatus: 'PLACED',
    matchedStatus: 'NOT_MATCHED',
    orderStake: 100,
    matchedStake: 0,
    updatedAt: at(0),
    ...patch,
  };
}

function restBet(betId: string, orderId: string, betStatus: string): BetRecord {
  return { betId, orderId, bookmaker: 'pinnacle', betStatus, placedAt: at(90) };
}

/** A store that saw order 1 placed over the socket, and 40 of it matched, before the gap. */
function storeBeforeGap(): FeedStore {
  const store = new FeedStore({ dayStart: utcDayStart });
  // Over the socket the id comes as a number, as the server sends it.
  store.apply(orderEvent('INSERT', { ...restOrder('1'), orderId: 1 }), T0);
  store.apply(
    orderEvent('UPDATE', {
      orderId: 1,
      matchedStatus: 'PARTIALLY_MATCHED',
      matchedStake: 40,
      matchedAt: at(10),
      updatedAt: at(10),
    }),
    T0 + 10_000,
  );
  return store;
}

/** Order 1 filled while the socket was down: its REST copy. */
const filledDuringGap = restOrder('1', {
  orderStatus: 'FILLED',
  matchedStatus: 'FULLY_MATCHED',
  matchedStake: 100,
  matchedAt: at(80),
  updatedAt: at(80),
});

describe('FeedStore merge with news (after a gap)', () => {
  it('reports a grown matched stake as a fill, as its broadcast would have been, and counts it', () => {
    const store = storeBeforeGap();
    const before = store.counters(NOW);

    const effects = store.merge({ orders: [filledDuringGap], news }, NOW);

    expect(effects).toEqual([
      {
        kind: 'fill',
        order: store.order('1'),
        matchedDelta: 60,
        matchedStake: 100,
        partial: false,
      },
    ]);
    expect(store.order('1')).toMatchObject({ orderStatus: 'FILLED', matchedStake: 100 });
    const after = store.counters(NOW);
    expect(after.fills - before.fills).toBe(1);
    expect(after.matchedStake - before.matchedStake).toBe(60);

    // The same broadcast arriving now is no second fill; nor is the same copy merged again.
    expect(store.merge({ orders: [filledDuringGap], news }, NOW)).toEqual([]);
    expect(
      fills(store.apply(orderEvent('UPDATE', { orderId: 1, matchedStake: 100 }), NOW)),
    ).toEqual([]);
  });

  it('reports a partial fill of an order still open', () => {
    const store = storeBeforeGap();
    const effects = store.merge(
      {
        orders: [
          restOrder('1', {
            matchedStatus: 'PARTIALLY_MATCHED',
            matchedStake: 70,
            matchedAt: at(80),
            updatedAt: at(80),
          }),
        ],
        news,
      },
      NOW,
    );
    expect(effects).toEqual([
      expect.objectContaining({ kind: 'fill', matchedDelta: 30, matchedStake: 70, partial: true }),
    ]);
  });

  it('stays history without the option: no fill, nothing counted', () => {
    const store = storeBeforeGap();
    const before = store.counters(NOW);
    expect(store.merge({ orders: [filledDuringGap] }, NOW)).toEqual([]);
    expect(store.order('1')).toMatchObject({ matchedStake: 100 });
    expect(store.counters(NOW)).toEqual(before);
  });

  it('reports no fill for an order hedged in the same snapshot, placed or pending, but counts it', () => {
    for (const betStatus of ['placed', 'pending']) {
      const store = storeBeforeGap();
      const before = store.counters(NOW);
      const effects = store.merge(
        { orders: [filledDuringGap], bets: [restBet('b1', '1', betStatus)], news },
        NOW,
      );
      expect(effects).toEqual([{ kind: 'hedge-covered', orderId: '1', placedAt: T0 + 90_000 }]);
      expect(store.betsOfOrder('1')).toHaveLength(1);
      expect(store.counters(NOW).fills - before.fills).toBe(1);
    }
  });

  it('still reports the fill when the snapshot’s only hedge for it is declined', () => {
    const store = storeBeforeGap();
    const effects = store.merge(
      { orders: [filledDuringGap], bets: [restBet('b1', '1', 'declined')], news },
      NOW,
    );
    expect(fills(effects)).toHaveLength(1);
  });

  it('still reports the fill when the only live hedge is one the store held before the gap', () => {
    const store = storeBeforeGap();
    // The hedge of the 40 matched before the gap.
    store.apply(betEvent('INSERT', { betId: 'b0', orderId: '1', betStatus: 'placed' }), T0);
    const effects = store.merge(
      { orders: [filledDuringGap], bets: [restBet('b0', '1', 'placed')], news },
      NOW,
    );
    expect(effects).toEqual([expect.objectContaining({ kind: 'fill', matchedDelta: 60 })]);
  });

  it('reports an order the store never saw when it matched during the gap, not before', () => {
    const store = storeBeforeGap();
    const before = store.counters(NOW);
    const effects = store.merge(
      {
        orders: [
          // Placed and filled while the socket was down.
          restOrder('2', {
            orderStatus: 'FILLED',
            matchedStatus: 'FULLY_MATCHED',
            matchedStake: 50,
            orderStake: 50,
            createdAt: at(70),
            matchedAt: at(75),
            updatedAt: at(75),
          }),
          // Matched before the gap (the app was not listening yet): history.
          restOrder('3', {
            matchedStatus: 'PARTIALLY_MATCHED',
            matchedStake: 20,
            matchedAt: at(30),
            updatedAt: at(65),
          }),
          // No matchedAt: its updatedAt decides.
          restOrder('4', { matchedStake: 10, updatedAt: at(61) }),
        ],
        news,
      },
      NOW,
    );
    expect(effects).toEqual([
      expect.objectContaining({ kind: 'fill', matchedDelta: 50, partial: false }),
      expect.objectContaining({ kind: 'fill', matchedDelta: 10, partial: true }),
    ]);
    expect(fills(effects).map((f) => f.order.orderId)).toEqual(['2', '4']);
    expect(store.order('3')).toMatchObject({ matchedStake: 20 });
    expect(store.counters(NOW).fills - before.fills).toBe(2);
    expect(store.counters(NOW).matchedStake - before.matchedStake).toBe(60);
  });

  it('ignores a copy older than what the socket delivered', () => {
    const store = storeBeforeGap();
    store.apply(
      orderEvent('UPDATE', { orderId: 1, matchedStake: 100, updatedAt: at(100) }),
      T0 + 100_000,
    );
    const stale = restOrder('1', { matchedStake: 100, updatedAt: at(50) });
    expect(store.merge({ orders: [stale], news }, NOW)).toEqual([]);
  });

  it('tells the hedge watch of each order that gained a live hedge, and of no other', () => {
    const store = storeBeforeGap();
    // b0 was live before the gap; b2 was declined; b3 and b4 were placed meanwhile.
    store.apply(betEvent('INSERT', { betId: 'b0', orderId: '1', betStatus: 'placed' }), T0);
    const effects = store.merge(
      {
        bets: [
          restBet('b0', '1', 'placed'),
          restBet('b2', '2', 'declined'),
          restBet('b3', '3', 'placed'),
          restBet('b4', '4', 'pending'),
        ],
        news,
      },
      NOW,
    );
    expect(effects).toEqual([
      { kind: 'hedge-covered', orderId: '3', placedAt: T0 + 90_000 },
      { kind: 'hedge-covered', orderId: '4', placedAt: T0 + 90_000 },
    ]);
    // Merged again: nothing new.
    expect(store.merge({ bets: [restBet('b3', '3', 'placed')], news }, NOW)).toEqual([]);
  });

  it('counts no bet the store held live before a replacing merge as a new hedge', () => {
    const store = storeBeforeGap();
    store.apply(betEvent('INSERT', { betId: 'b0', orderId: '1', betStatus: 'placed' }), T0);
    const effects = store.merge(
      { bets: [restBet('b0', '1', 'placed'), restBet('b5', '5', 'placed')], replace: true },
      NOW,
    );
    expect(effects).toEqual([{ kind: 'hedge-covered', orderId: '5', placedAt: T0 + 90_000 }]);
  });

  it('returns an emergency with the fills', () => {
    const store = storeBeforeGap();
    const effects = store.merge(
      { orders: [filledDuringGap], emergency: { active: true, reason: 'halt' }, news },
      NOW,
    );
    expect(effects.map((e) => e.kind)).toEqual(['emergency', 'fill']);
  });
});
