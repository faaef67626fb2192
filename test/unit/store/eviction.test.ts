import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../../common/domain/events';
import { FeedStore } from '../../../main/store/feed-store';
import { expectWithinLimits } from './feed-events';

const LIMITS = {
  maxOrders: 1_000,
  maxBets: 1_000,
  maxScores: 200,
  maxAccounts: 50,
  recentCapacity: 500,
};

/**
 * Five events per step, each with ids never seen before: an order placed, the order filled
 * (every tenth stays open), its hedge, a score for a new fixture, a new account. Built
 * directly (not through the parser) so a million of them run in about a second.
 */
function* syntheticEvents(steps: number, t0: number): Generator<FeedEvent> {
  let seq = 0;
  for (let i = 0; i < steps; i += 1) {
    const orderId = `o${i}`;
    const receivedAt = t0 + i;
    const at = () => ({ seq: ++seq, receivedAt });
    const open = i % 10 === 0;
    const insert = {
      orderId,
      exchange: 'kalshi',
      orderStake: 10,
      matchedStake: 0,
      orderStatus: 'PLACED',
    };
    yield {
      type: 'broadcast',
      channel: 'orders',
      event: 'INSERT',
      payload: insert,
      record: insert,
      ...at(),
    };
    const update = open
      ? { orderId, orderStatus: 'PLACED' }
      : { orderId, matchedStake: 10, orderStatus: 'FILLED', matchedStatus: 'FULLY_MATCHED' };
    yield {
      type: 'broadcast',
      channel: 'orders',
      event: 'UPDATE',
      payload: update,
      record: update,
      ...at(),
    };
    const bet = { betId: `b${i}`, orderId, betStatus: 'placed', placedStake: 10 };
    yield {
      type: 'broadcast',
      channel: 'bets',
      event: 'INSERT',
      payload: bet,
      record: bet,
      ...at(),
    };
    const score = { fixtureId: `f${i}`, live: i % 3 === 0, scores: { home: 1, away: 0 } };
    yield {
      type: 'broadcast',
      channel: 'scores',
      event: 'UPDATE',
      payload: score,
      record: score,
      ...at(),
    };
    const account = { exchange: 'kalshi', username: `u${i}`, balance: i, active: true };
    yield {
      type: 'broadcast',
      channel: 'accounts',
      event: 'UPDATE',
      payload: account,
      record: account,
      ...at(),
    };
  }
}

describe('FeedStore memory bounds', () => {
  it('keeps every collection within its limit over 1,000,000 events with ever-new ids', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const store = new FeedStore({ ...LIMITS, dayStart: () => t0 });
    let applied = 0;
    let fills = 0;
    for (const event of syntheticEvents(200_000, t0)) {
      for (const effect of store.apply(event, t0)) if (effect.kind === 'fill') fills += 1;
      applied += 1;
      if (applied % 100_000 === 0) {
        expectWithinLimits(store, LIMITS);
      }
    }
    expect(applied).toBe(1_000_000);
    expect(fills).toBe(180_000);
    expect(store.sizes()).toEqual({
      orders: LIMITS.maxOrders,
      bets: LIMITS.maxBets,
      betIndex: LIMITS.maxBets,
      accounts: LIMITS.maxAccounts,
      scores: LIMITS.maxScores,
      recentEvents: LIMITS.recentCapacity,
    });
    expect(store.counters()).toMatchObject({
      events: 1_000_000,
      fills: 180_000,
      hedgesPlaced: 200_000,
    });
  });

  it('evicts finished orders before open ones', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const store = new FeedStore({ ...LIMITS, dayStart: () => t0 });
    for (const event of syntheticEvents(5_000, t0)) store.apply(event, t0);
    const orders = store.snapshot().orders;
    const open = orders.filter((o) => o.orderStatus === 'PLACED');
    // 500 of the 5,000 orders stayed open: all of them survive, the rest of the room is the newest filled.
    expect(open).toHaveLength(500);
    expect(store.order('o0')).toBeDefined();
    expect(store.order('o4999')).toBeDefined();
    expect(store.order('o1')).toBeUndefined();
  });

  it('drops the index entry of an evicted bet', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const store = new FeedStore({ ...LIMITS, dayStart: () => t0 });
    for (const event of syntheticEvents(5_000, t0)) store.apply(event, t0);
    expect(store.bet('b0')).toBeUndefined();
    expect(store.betsOfOrder('o0')).toEqual([]);
    expect(store.betsOfOrder('o4999').map((b) => b.betId)).toEqual(['b4999']);
  });
});
