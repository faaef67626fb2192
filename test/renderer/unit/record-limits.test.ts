import { describe, expect, it } from 'vitest';
import type { OrderPayload } from '../../../common/protocol/payloads';
import { RecordMap } from '../../../renderer/src/store/bounded-map';
import {
  DEFAULT_LIMITS,
  INITIAL_STATE,
  type StoreLimits,
} from '../../../renderer/src/store/dashboard-state';
import { applyBatches, stateFromSnapshot } from '../../../renderer/src/store/feed-reducer';
import { newestFirst } from '../../../renderer/src/views/orders/order-index';
import { openOrdersOf } from '../../../renderer/src/views/trading/open-orders';
import { batch, betEvent, orderEvent, snapshot } from './builders';

function order(orderId: string, orderStatus: string): OrderPayload {
  return { orderId, orderStatus, orderStake: 10 };
}

function limits(patch: Partial<StoreLimits>): StoreLimits {
  return { ...DEFAULT_LIMITS, ...patch };
}

/** Three resting orders, then `filled` finished ones: main lists them least recently written first. */
function mainSnapshot(filled: number) {
  const value = snapshot();
  value.feed.orders = [
    order('open-1', 'PLACED'),
    order('open-2', 'PLACED'),
    order('open-3', 'PLACED'),
  ];
  for (let i = 0; i < filled; i++) value.feed.orders.push(order(`filled-${i}`, 'FILLED'));
  return value;
}

describe('the dashboard’s record limits', () => {
  it('keeps every order of a snapshot of main’s 6,003, the open ones included', () => {
    const state = stateFromSnapshot(mainSnapshot(6_000), INITIAL_STATE, DEFAULT_LIMITS);
    expect(state.orders.size).toBe(6_003);
    expect(openOrdersOf(state.orders).map((o) => o.orderId)).toEqual([
      'open-3',
      'open-2',
      'open-1',
    ]);
  });

  it('holds as many orders, bets and fixtures as main keeps', () => {
    expect(DEFAULT_LIMITS.orders).toBe(10_000);
    expect(DEFAULT_LIMITS.bets).toBe(10_000);
    expect(DEFAULT_LIMITS.scores).toBe(2_000);
  });

  it('forgets finished fixtures before live ones', () => {
    const value = snapshot();
    value.feed.scores = [{ fixtureId: 'live-early', live: true }];
    for (let i = 0; i < 30; i++) value.feed.scores.push({ fixtureId: `ended-${i}`, live: false });
    const state = stateFromSnapshot(value, INITIAL_STATE, limits({ scores: 10 }));
    expect(state.scores.size).toBe(10);
    expect(state.scores.has('live-early')).toBe(true);
    expect(state.scores.has('ended-29')).toBe(true);
    expect(state.scores.has('ended-20')).toBe(false);
  });

  it('forgets finished orders before open ones when a snapshot does not fit', () => {
    const state = stateFromSnapshot(mainSnapshot(200), INITIAL_STATE, limits({ orders: 100 }));
    expect(state.orders.size).toBe(100);
    expect(openOrdersOf(state.orders)).toHaveLength(3);
    // The 97 most recently written filled orders stay.
    expect(state.orders.has('filled-102')).toBe(false);
    expect(state.orders.has('filled-103')).toBe(true);
    expect(state.orders.has('filled-199')).toBe(true);
  });

  it('does not forget an order that keeps being updated, however early it came', () => {
    const bounded = limits({ orders: 50 });
    let state = stateFromSnapshot(snapshot(), INITIAL_STATE, bounded);
    let seq = 0;
    state = applyBatches(
      state,
      [batch([orderEvent(++seq, order('long-lived', 'PLACED'))])],
      bounded,
    );
    for (let i = 0; i < 200; i++) {
      const events = [
        orderEvent(++seq, order(`new-${i}`, 'PLACED')),
        orderEvent(++seq, { orderId: 'long-lived', matchedStake: i }),
      ];
      state = applyBatches(state, [batch(events)], bounded);
    }
    expect(state.orders.size).toBe(50);
    expect(state.orders.get('long-lived')?.matchedStake).toBe(199);
    // Least recently written went first: the oldest new orders.
    expect(state.orders.has('new-150')).toBe(false);
    expect(state.orders.has('new-151')).toBe(true);
  });

  it('keeps the Orders list in place when an order is updated (rows do not jump)', () => {
    const events = ['a', 'b', 'c'].map((id, i) => orderEvent(i + 1, order(id, 'PLACED')));
    let state = applyBatches(INITIAL_STATE, [batch(events)], DEFAULT_LIMITS);
    const ids = () => newestFirst(state.orders).map((o) => o.orderId);
    expect(ids()).toEqual(['c', 'b', 'a']);
    state = applyBatches(
      state,
      [batch([orderEvent(4, { orderId: 'a', matchedStake: 5 })])],
      DEFAULT_LIMITS,
    );
    expect(ids()).toEqual(['c', 'b', 'a']);
    expect(state.orders.get('a')?.matchedStake).toBe(5);
  });

  it('forgets settled and declined bets before those in play', () => {
    const bounded = limits({ bets: 3 });
    const events = [
      betEvent(1, { betId: 'pending', orderId: '1', betStatus: 'pending' }),
      betEvent(2, { betId: 'placed', orderId: '1', betStatus: 'placed' }),
      betEvent(3, { betId: 'declined', orderId: '1', betStatus: 'declined' }),
      betEvent(4, { betId: 'won', orderId: '1', betStatus: 'placed', settlementStatus: 'won' }),
      betEvent(5, { betId: 'newest', orderId: '1', betStatus: 'placed' }),
    ];
    const state = applyBatches(INITIAL_STATE, [batch(events)], bounded);
    expect([...state.bets.keys()]).toEqual(['pending', 'placed', 'newest']);
  });
});

describe('RecordMap', () => {
  const finished = (value: string) => value === 'done';

  it('keeps an updated key in its place, so rows listed from it do not jump', () => {
    const map = new RecordMap<string, string>(10, finished);
    map.set('a', 'open').set('b', 'open').set('a', 'open');
    expect([...map.keys()]).toEqual(['a', 'b']);
  });

  it('evicts the least recently written finished entry, else the least recently written one', () => {
    const map = new RecordMap<string, string>(3, finished);
    map.set('a', 'open').set('b', 'done').set('c', 'done');
    map.set('b', 'done'); // b now written after c
    map.set('d', 'open');
    expect([...map.keys()]).toEqual(['a', 'b', 'd']);
    map.set('b', 'open'); // no longer finished
    map.set('e', 'open');
    // a, the least recently written, goes; b keeps its place.
    expect([...map.keys()]).toEqual(['b', 'd', 'e']);
  });

  it('forgets a deleted key as finished', () => {
    const map = new RecordMap<string, string>(2, finished);
    map.set('a', 'open').set('b', 'done');
    map.delete('b');
    map.set('c', 'open').set('d', 'open');
    expect([...map.keys()]).toEqual(['c', 'd']);
  });
});
