import { describe, expect, it } from 'vitest';
import type { StoreEffect } from '../../../main/store/effects';
import { FeedStore } from '../../../main/store/feed-store';
import {
  accountEvent,
  betEvent,
  documentedFill,
  documentedHedge,
  emergencyEvent,
  orderEvent,
  scoreEvent,
} from './feed-events';

const DAY = 86_400_000;
const utcDayStart = (now: number) => now - (now % DAY);
const T0 = Date.UTC(2026, 1, 15, 10, 30);

const newStore = () => new FeedStore({ dayStart: utcDayStart });
const fills = (effects: readonly StoreEffect[]) => effects.filter((e) => e.kind === 'fill');

describe('FeedStore orders', () => {
  it('merges partial UPDATE payloads into the known order', () => {
    const store = newStore();
    store.apply(
      orderEvent('INSERT', {
        orderId: 7,
        exchange: 'kalshi',
        orderStatus: 'PLACED',
        orderStake: 50,
        orderCents: 0.3,
        fixtureId: 'f1',
      }),
      T0,
    );
    store.apply(orderEvent('UPDATE', { orderId: 7, orderStatus: 'CANCELLED' }), T0);
    expect(store.order('7')).toMatchObject({
      orderId: '7',
      exchange: 'kalshi',
      orderStatus: 'CANCELLED',
      orderStake: 50,
      orderCents: 0.3,
      fixtureId: 'f1',
    });
  });

  it('creates an order from an UPDATE for an order it has not seen', () => {
    const store = newStore();
    store.apply(orderEvent('UPDATE', { orderId: 'x9', matchedStake: 0, exchange: 'sx.bet' }), T0);
    expect(store.order('x9')).toMatchObject({ orderId: 'x9', exchange: 'sx.bet' });
  });

  it('accepts legacy orders keyed `id` and numeric strings', () => {
    const store = newStore();
    store.apply(orderEvent('INSERT', { id: 55, orderStake: '20.5', exchange: 'betfair' }), T0);
    store.apply(orderEvent('UPDATE', { id: '55', orderStatus: 'PLACED' }), T0);
    expect(store.order('55')).toMatchObject({
      orderId: '55',
      orderStake: 20.5,
      orderStatus: 'PLACED',
    });
    expect(store.order('55')).not.toHaveProperty('id');
  });
});

describe('FeedStore fill detection', () => {
  it('reports the documented full fill with its delta from old.matchedStake', () => {
    const store = newStore();
    const effects = store.apply(documentedFill(), T0);
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'fill',
        matchedDelta: 100,
        matchedStake: 100,
        partial: false,
      }),
    ]);
    expect(store.counters().fills).toBe(1);
    expect(store.counters().matchedStake).toBe(100);
  });

  it('reports partial fills as the matched stake grows, then the full one', () => {
    const store = newStore();
    store.apply(orderEvent('INSERT', { orderId: 1, orderStake: 100, matchedStake: 0 }), T0);
    const first = fills(
      store.apply(
        orderEvent(
          'UPDATE',
          { orderId: 1, matchedStake: 40, matchedStatus: 'PARTIALLY_MATCHED' },
          { matchedStake: 0 },
        ),
        T0,
      ),
    );
    const second = fills(store.apply(orderEvent('UPDATE', { orderId: 1, matchedStake: 100 }), T0));
    expect(first).toEqual([expect.objectContaining({ matchedDelta: 40, partial: true })]);
    expect(second).toEqual([
      expect.objectContaining({ matchedDelta: 60, matchedStake: 100, partial: false }),
    ]);
    expect(store.counters()).toMatchObject({ fills: 2, matchedStake: 100 });
  });

  it('uses the stored matched stake when the UPDATE has no old values', () => {
    const store = newStore();
    store.apply(orderEvent('INSERT', { orderId: 2, orderStake: 10, matchedStake: 3 }), T0);
    const effects = fills(store.apply(orderEvent('UPDATE', { orderId: 2, matchedStake: 5 }), T0));
    expect(effects).toEqual([expect.objectContaining({ matchedDelta: 2, partial: true })]);
  });

  it('counts an INSERT that arrives already matched as a fill', () => {
    const store = newStore();
    const effects = store.apply(
      orderEvent('INSERT', { orderId: 3, orderStake: 10, matchedStake: 4, exchange: 'kalshi' }),
      T0,
    );
    expect(effects).toEqual([
      expect.objectContaining({ kind: 'fill', matchedDelta: 4, partial: true }),
    ]);
  });

  it('does not count an unmatched INSERT, a repeated frame or a shrinking stake', () => {
    const store = newStore();
    expect(store.apply(orderEvent('INSERT', { orderId: 4, matchedStake: 0 }), T0)).toEqual([]);
    expect(fills(store.apply(documentedFill(), T0))).toHaveLength(1);
    expect(store.apply(documentedFill(), T0)).toEqual([]);
    expect(store.apply(orderEvent('UPDATE', { orderId: 123, matchedStake: 50 }), T0)).toEqual([]);
    expect(store.apply(orderEvent('UPDATE', { orderId: 123, orderStatus: 'FILLED' }), T0)).toEqual(
      [],
    );
    expect(store.counters().fills).toBe(1);
  });

  it('judges a fill full from the order stake when no matched status is sent', () => {
    const store = newStore();
    store.apply(orderEvent('INSERT', { orderId: 5, orderStake: 25 }), T0);
    const [fill] = fills(store.apply(orderEvent('UPDATE', { orderId: 5, matchedStake: 25 }), T0));
    expect(fill).toMatchObject({ partial: false });
  });
});

describe('FeedStore hedge bets', () => {
  it('links bets to their order and reports a placed hedge with the order', () => {
    const store = newStore();
    store.apply(documentedFill(), T0);
    const effects = store.apply(documentedHedge(), T0);
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'hedge-placed',
        bet: expect.objectContaining({ betId: '456', bookmaker: 'vertex' }),
        order: expect.objectContaining({ orderId: '123' }),
      }),
    ]);
    expect(store.betsOfOrder('123').map((b) => b.betId)).toEqual(['456']);
    expect(store.counters().hedgesPlaced).toBe(1);
  });

  it('reports a pending hedge once, and counts it placed when it turns placed', () => {
    const store = newStore();
    const pending = store.apply(
      betEvent('INSERT', { betId: 1, orderId: 9, betStatus: 'pending' }),
      T0,
    );
    const placed = store.apply(betEvent('UPDATE', { betId: 1, betStatus: 'placed' }), T0);
    expect(pending.map((e) => e.kind)).toEqual(['hedge-placed']);
    expect(placed).toEqual([]);
    expect(store.counters()).toMatchObject({ hedgesPending: 1, hedgesPlaced: 1 });
    expect(store.bet('1')).toMatchObject({ orderId: '9', betStatus: 'placed' });
  });

  it('reports a bet that turns placed after an unknown status', () => {
    const store = newStore();
    expect(store.apply(betEvent('INSERT', { betId: 2, orderId: 9 }), T0)).toEqual([]);
    const effects = store.apply(betEvent('UPDATE', { betId: 2, betStatus: 'PLACED' }), T0);
    expect(effects.map((e) => e.kind)).toEqual(['hedge-placed']);
  });

  it('reports a declined hedge, replaced only by a live hedge of the order that came after it', () => {
    const store = newStore();
    store.apply(documentedFill(), T0);
    const alone = store.apply(
      betEvent('INSERT', { betId: 10, orderId: 123, betStatus: 'declined', bookmaker: 'pinnacle' }),
      T0,
    );
    expect(alone).toEqual([expect.objectContaining({ kind: 'hedge-declined', replaced: false })]);
    // Bet 456 hedged an earlier fill: it is live, but it replaces nothing declined after it.
    store.apply(documentedHedge(), T0);
    const afterEarlierHedge = store.apply(
      betEvent('INSERT', { betId: 11, orderId: 123, betStatus: 'declined' }),
      T0,
    );
    expect(afterEarlierHedge).toEqual([expect.objectContaining({ replaced: false })]);
    expect(store.counters().hedgesDeclined).toBe(2);
  });

  it('takes a live hedge placed after the declined one as its retry, even broadcast before it', () => {
    const store = newStore();
    const bet = (betId: number, betStatus: string, placedAt?: string) =>
      betEvent('INSERT', { betId, orderId: 5, betStatus, ...(placedAt ? { placedAt } : {}) });
    store.apply(bet(1, 'placed', '2026-02-15T10:30:00Z'), T0);
    store.apply(bet(3, 'placed', '2026-02-15T10:30:09Z'), T0);
    const overtaken = store.apply(bet(2, 'declined', '2026-02-15T10:30:08Z'), T0);
    expect(overtaken).toEqual([expect.objectContaining({ replaced: true })]);
    // Without placing times, a hedge first seen after the declined one is its retry.
    store.apply(betEvent('INSERT', { betId: 4, orderId: 6, betStatus: 'pending' }), T0);
    store.apply(betEvent('INSERT', { betId: 5, orderId: 6, betStatus: 'placed' }), T0);
    const retried = store.apply(betEvent('UPDATE', { betId: 4, betStatus: 'declined' }), T0);
    expect(retried).toEqual([expect.objectContaining({ replaced: true })]);
  });

  it('moves a bet in the index when its order id changes', () => {
    const store = newStore();
    store.apply(betEvent('INSERT', { betId: 3, orderId: 'a', betStatus: 'placed' }), T0);
    store.apply(betEvent('UPDATE', { betId: 3, orderId: 'b' }), T0);
    expect(store.betsOfOrder('a')).toEqual([]);
    expect(store.betsOfOrder('b').map((b) => b.betId)).toEqual(['3']);
    expect(store.sizes().betIndex).toBe(1);
  });
});

describe('FeedStore accounts, scores and emergency', () => {
  it('keys accounts by exchange and username and merges updates', () => {
    const store = newStore();
    store.apply(
      accountEvent({ exchange: 'kalshi', username: 'desk1', balance: 100, active: true }),
      T0,
    );
    store.apply(accountEvent({ exchange: 'kalshi', username: 'desk1', balance: 80 }), T0);
    store.apply(accountEvent({ exchange: 'betfair', username: 'desk1', balance: 5 }), T0);
    expect(store.account('kalshi', 'desk1')).toMatchObject({ balance: 80, active: true });
    expect(store.account('betfair', 'desk1')).toMatchObject({ balance: 5 });
    expect(store.sizes().accounts).toBe(2);
  });

  it('merges score updates by fixture, including the nested scores', () => {
    const store = newStore();
    store.apply(
      scoreEvent({ fixtureId: 'f1', live: true, currentMinute: 10, scores: { home: 0, away: 0 } }),
      T0,
    );
    store.apply(scoreEvent({ fixtureId: 'f1', currentMinute: 67, scores: { home: 2 } }), T0);
    expect(store.score('f1')).toMatchObject({
      live: true,
      currentMinute: 67,
      scores: { home: 2, away: 0 },
    });
  });

  it('reports emergency transitions, not repeats', () => {
    const store = newStore();
    const on = store.apply(
      emergencyEvent({
        emergency: true,
        reason: 'manual trigger',
        triggeredAt: '2026-02-15T10:30:00Z',
      }),
      T0,
    );
    const again = store.apply(
      emergencyEvent({
        emergency: true,
        reason: 'manual trigger',
        triggeredAt: '2026-02-15T10:30:00Z',
      }),
      T0,
    );
    const off = store.apply(emergencyEvent({ emergency: false }, T0 + 60_000), T0 + 60_000);
    const offAgain = store.apply(emergencyEvent({ emergency: false }, T0 + 61_000), T0 + 61_000);
    expect(on).toEqual([
      {
        kind: 'emergency',
        active: true,
        reason: 'manual trigger',
        since: Date.parse('2026-02-15T10:30:00Z'),
      },
    ]);
    expect(again).toEqual([]);
    expect(off).toEqual([
      {
        kind: 'emergency-cleared',
        reason: null,
        since: T0 + 60_000,
        activeSince: Date.parse('2026-02-15T10:30:00Z'),
      },
    ]);
    expect(offAgain).toEqual([]);
    expect(store.emergency).toEqual({ active: false, reason: null, since: T0 + 60_000 });
  });

  it('takes the arrival time as the start when the emergency has no trigger time', () => {
    const store = newStore();
    const [effect] = store.apply(emergencyEvent({ emergency: true }, T0), T0);
    expect(effect).toMatchObject({ kind: 'emergency', reason: null, since: T0 });
  });
});

describe('FeedStore day counters', () => {
  it('resets at the day boundary given by the injected function', () => {
    const store = newStore();
    const lateEvening = utcDayStart(T0) + DAY - 1_000;
    store.apply(documentedFill(lateEvening), lateEvening);
    store.apply(documentedHedge(lateEvening), lateEvening);
    expect(store.counters()).toMatchObject({
      events: 2,
      fills: 1,
      matchedStake: 100,
      hedgesPlaced: 1,
    });

    const nextMorning = lateEvening + 2_000;
    store.apply(
      orderEvent('UPDATE', { orderId: 77, matchedStake: 5 }, { matchedStake: 0 }),
      nextMorning,
    );
    expect(store.counters()).toEqual({
      dayStart: utcDayStart(nextMorning),
      events: 1,
      fills: 1,
      matchedStake: 5,
      hedgesPlaced: 0,
      hedgesPending: 0,
      hedgesDeclined: 0,
    });
  });

  it('rolls over in the snapshot even when no event arrived after midnight', () => {
    const store = newStore();
    store.apply(documentedFill(), T0);
    expect(store.snapshot(T0 + DAY).counters).toMatchObject({ fills: 0, events: 0 });
  });

  it('rolls over at local midnight on both sides of a DST change', () => {
    const savedTz = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      const store = new FeedStore();
      // 29 March 2026 has 23 hours in Berlin; midnights are 23:00Z on the 28th and 22:00Z on the 29th.
      const at = [
        Date.UTC(2026, 2, 28, 22, 59),
        Date.UTC(2026, 2, 28, 23, 1),
        Date.UTC(2026, 2, 29, 21, 59),
        Date.UTC(2026, 2, 29, 22, 1),
      ];
      const dayStarts = at.map((t) => {
        store.apply(documentedFill(t), t);
        return store.counters().dayStart;
      });
      expect(dayStarts).toEqual([
        Date.UTC(2026, 2, 27, 23),
        Date.UTC(2026, 2, 28, 23),
        Date.UTC(2026, 2, 28, 23),
        Date.UTC(2026, 2, 29, 22),
      ]);
      expect(store.counters().events).toBe(1);
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });
});

describe('FeedStore open orders', () => {
  it('lists the orders it holds that are not finished', () => {
    const store = newStore();
    store.apply(orderEvent('INSERT', { orderId: 'a', orderStatus: 'PLACED' }), T0);
    store.apply(orderEvent('INSERT', { orderId: 'b', orderStatus: 'PLACED' }), T0);
    store.apply(orderEvent('INSERT', { orderId: 'c', orderStatus: 'PENDING_PLACEMENT' }), T0);
    store.apply(orderEvent('UPDATE', { orderId: 'b', orderStatus: 'FILLED' }), T0);
    expect(store.openOrders().map((o) => o.orderId)).toEqual(['a', 'c']);
  });
});

describe('FeedStore recent events and snapshot', () => {
  it('keeps the most recent events in a bounded ring, newest last', () => {
    const store = new FeedStore({ recentCapacity: 3, dayStart: utcDayStart });
    for (let i = 1; i <= 5; i += 1) store.apply(scoreEvent({ fixtureId: `f${i}` }), T0);
    expect(store.recentEvents().map((e) => (e.record as { fixtureId: string }).fixtureId)).toEqual([
      'f3',
      'f4',
      'f5',
    ]);
  });

  it('produces a plain serialisable snapshot of everything', () => {
    const report = { fillsMissingHedge: 1, orders: [] };
    const store = new FeedStore({ dayStart: utcDayStart, missingHedges: () => report });
    store.apply(documentedFill(T0), T0);
    store.apply(documentedHedge(T0), T0);
    store.apply(accountEvent({ exchange: 'kalshi', username: 'u', balance: 1 }), T0);
    store.apply(scoreEvent({ fixtureId: 'id1000000861624412', live: true }), T0);
    store.apply(emergencyEvent({ emergency: true, reason: 'r' }, T0), T0);
    const snapshot = store.snapshot(T0);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.orders.map((o) => o.orderId)).toEqual(['123']);
    expect(snapshot.bets.map((b) => b.betId)).toEqual(['456']);
    expect(snapshot.accounts).toHaveLength(1);
    expect(snapshot.scores).toHaveLength(1);
    expect(snapshot.emergency).toEqual({ active: true, reason: 'r', since: T0 });
    expect(snapshot.counters.events).toBe(5);
    expect(snapshot.recentEvents.map((e) => e.channel)).toEqual([
      'orders',
      'bets',
      'accounts',
      'scores',
      'emergency',
    ]);
    expect(snapshot.missingHedges).toBe(report);
  });
});

describe('FeedStore merge (REST snapshots)', () => {
  it('merges orders and bets without fill or hedge effects, then counts later fills from them', () => {
    const store = newStore();
    const effects = store.merge(
      {
        orders: [{ orderId: '1', orderStake: 100, matchedStake: 60, exchange: 'kalshi' }],
        bets: [{ betId: 'b1', orderId: '1', betStatus: 'placed' }],
      },
      T0,
    );
    // Only the silent word to the hedge watch that order 1 is hedged (no placing time known).
    expect(effects).toEqual([{ kind: 'hedge-covered', orderId: '1', placedAt: null }]);
    expect(store.betsOfOrder('1')).toHaveLength(1);
    const [fill] = store.apply(orderEvent('UPDATE', { orderId: 1, matchedStake: 100 }), T0);
    expect(fill).toMatchObject({ kind: 'fill', matchedDelta: 40, partial: false });
  });

  it('replaces collections wholesale when asked', () => {
    const store = newStore();
    store.merge(
      { orders: [{ orderId: '1' }, { orderId: '2' }], bets: [{ betId: 'x', orderId: '1' }] },
      T0,
    );
    store.merge({ orders: [{ orderId: '3' }], bets: [], replace: true }, T0);
    expect(store.snapshot().orders.map((o) => o.orderId)).toEqual(['3']);
    expect(store.sizes()).toMatchObject({ bets: 0, betIndex: 0 });
  });

  it('reports an emergency learnt from REST', () => {
    const store = newStore();
    expect(store.merge({ emergency: { active: true, reason: 'drawdown' } }, T0)).toEqual([
      { kind: 'emergency', active: true, reason: 'drawdown', since: T0 },
    ]);
  });
});
