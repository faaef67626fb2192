import { describe, expect, it } from 'vitest';
import { HedgeWatch } from '../../../main/alerts/hedge-watch';

const T0 = 1_000_000;
const fill = (orderId: string, stake: number, at: number) => ({
  orderId,
  stake,
  exchange: 'polymarket',
  fixtureId: 'fx1',
  at,
});

describe('HedgeWatch', () => {
  it('lets a hedge within the grace period cover the fill', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 100, T0));
    expect(watch.nextDeadline()).toBe(T0 + 15_000);
    expect(watch.onHedge('o1', 'b1', T0 + 3_000)).toBeNull();
    expect(watch.expire(T0 + 15_000)).toEqual([]);
    expect(watch.nextDeadline()).toBeNull();
    expect(watch.report()).toEqual({ fillsMissingHedge: 0, orders: [] });
  });

  it('reports a fill still uncovered when its grace period ends', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 100, T0));
    expect(watch.expire(T0 + 14_999)).toEqual([]);
    expect(watch.expire(T0 + 15_000)).toEqual([
      {
        orderId: 'o1',
        exchange: 'polymarket',
        fixtureId: 'fx1',
        stake: 100,
        fills: 1,
        since: T0,
        newFills: 1,
        newStake: 100,
      },
    ]);
    expect(watch.report()).toEqual({
      fillsMissingHedge: 1,
      orders: [
        {
          orderId: 'o1',
          exchange: 'polymarket',
          fixtureId: 'fx1',
          stake: 100,
          fills: 1,
          since: T0,
        },
      ],
    });
  });

  it('clears a missing fill when a late hedge arrives', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 100, T0));
    watch.onFill(fill('o2', 50, T0));
    watch.expire(T0 + 20_000);
    expect(watch.fillsMissingHedge).toBe(2);
    expect(watch.onHedge('o1', 'b1', T0 + 60_000)).toMatchObject({ orderId: 'o1', stake: 100 });
    expect(watch.fillsMissingHedge).toBe(1);
    expect(watch.report().orders.map((o) => o.orderId)).toEqual(['o2']);
  });

  it('covers every waiting fill of the order with one hedge', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 40, T0));
    watch.onFill(fill('o1', 60, T0 + 1_000));
    watch.onFill(fill('o2', 10, T0 + 2_000));
    watch.onHedge('o1', 'b1', T0 + 5_000);
    expect(watch.pendingFills).toBe(1);
    expect(watch.expire(T0 + 30_000).map((m) => m.orderId)).toEqual(['o2']);
  });

  it('gives each fill its own grace period', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 40, T0));
    watch.onFill(fill('o1', 60, T0 + 10_000));
    expect(watch.expire(T0 + 15_000)).toEqual([
      expect.objectContaining({ orderId: 'o1', newFills: 1, newStake: 40, fills: 1 }),
    ]);
    expect(watch.nextDeadline()).toBe(T0 + 25_000);
    expect(watch.expire(T0 + 25_000)).toEqual([
      expect.objectContaining({ newFills: 1, newStake: 60, fills: 2, stake: 100, since: T0 }),
    ]);
    expect(watch.fillsMissingHedge).toBe(2);
  });

  it('covers a fill whose hedge arrived just before it', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onHedge('o1', 'b1', T0);
    watch.onFill(fill('o1', 40, T0 + 200));
    expect(watch.pendingFills).toBe(0);
    watch.onFill(fill('o1', 60, T0 + 300));
    expect(watch.pendingFills).toBe(1);
  });

  it('does not let an old hedge cover a fill long after it', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onHedge('o1', 'b1', T0);
    watch.expire(T0 + 20_000);
    watch.onFill(fill('o1', 40, T0 + 20_000));
    expect(watch.pendingFills).toBe(1);
  });

  it('restarts the grace period when the only hedge of a covered order is declined', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 100, T0));
    watch.onHedge('o1', 'b1', T0 + 1_000);
    expect(watch.onHedgeLost('b1', T0 + 5_000)).toEqual({ replaced: false, missing: [] });
    expect(watch.nextDeadline()).toBe(T0 + 20_000);
    expect(watch.expire(T0 + 20_000)).toEqual([
      expect.objectContaining({ orderId: 'o1', stake: 100 }),
    ]);
  });

  it('ignores a lost hedge it never saw while fills of the order are already waiting', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 100, T0));
    expect(watch.onHedgeLost('b1', T0 + 5_000)).toBeNull();
    watch.onUnseenHedgeLost(fill('o1', 100, T0 + 5_000));
    expect(watch.pendingFills).toBe(1);
    expect(watch.nextDeadline()).toBe(T0 + 15_000);
  });

  it('applies a new grace period to waiting fills', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 100, T0));
    watch.setGraceMs(5_000);
    expect(watch.nextDeadline()).toBe(T0 + 5_000);
    expect(() => watch.setGraceMs(-1)).toThrow(RangeError);
  });

  it('reports the oldest waiting fills early rather than growing past its limit', () => {
    const watch = new HedgeWatch({ graceMs: 15_000, maxPendingFills: 3 });
    watch.onFill(fill('o1', 1, T0));
    watch.onFill(fill('o2', 1, T0));
    watch.onFill(fill('o3', 1, T0));
    expect(watch.onFill(fill('o4', 1, T0))).toEqual([expect.objectContaining({ orderId: 'o1' })]);
    expect(watch.pendingFills).toBe(3);
    expect(watch.fillsMissingHedge).toBe(1);
  });

  it('keeps memory bounded over a long flood of unhedged fills', () => {
    const watch = new HedgeWatch({
      graceMs: 15_000,
      maxPendingFills: 1_000,
      maxMissingOrders: 500,
    });
    for (let i = 0; i < 100_000; i += 1) {
      watch.onFill(fill(`o${i}`, 1, T0 + i));
      if (i % 100 === 0) watch.onHedge(`early${i}`, `b${i}`, T0 + i);
      if (i % 1_000 === 0) watch.expire(T0 + i);
    }
    expect(watch.pendingFills).toBeLessThanOrEqual(1_000);
    expect(watch.report().orders.length).toBeLessThanOrEqual(500);
    expect(watch.fillsMissingHedge).toBe(500);
  });
});

describe('HedgeWatch: each hedge and the fills it covers', () => {
  it('gives back only the fills a declined hedge covered, with a fresh grace period', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 40, T0));
    watch.onHedge('o1', 'b1', T0 + 1_000);
    watch.onFill(fill('o1', 60, T0 + 10_000));
    watch.onHedge('o1', 'b2', T0 + 11_000);
    expect(watch.onHedgeLost('b2', T0 + 12_000)).toEqual({ replaced: false, missing: [] });
    expect(watch.nextDeadline()).toBe(T0 + 27_000);
    expect(watch.expire(T0 + 27_000)).toEqual([
      expect.objectContaining({ orderId: 'o1', stake: 60, fills: 1 }),
    ]);
  });

  it('lets a hedge that came with nothing to cover just before a decline cover what it gave back', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 60, T0));
    watch.onHedge('o1', 'b1', T0 + 1_000);
    watch.onHedge('o1', 'b2', T0 + 1_500);
    expect(watch.onHedgeLost('b1', T0 + 2_000)).toEqual({ replaced: true, missing: [] });
    expect(watch.pendingFills).toBe(0);
    // What b2 took over goes back to waiting if b2 is declined in turn.
    watch.onHedgeLost('b2', T0 + 3_000);
    expect(watch.pendingFills).toBe(1);
  });

  it('gives a hedge that finds its fill covered with another by an earlier hedge that fill, not the next', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 20, T0 + 100));
    watch.onFill(fill('o1', 20, T0 + 300));
    watch.onHedge('o1', 'b1', T0 + 1_000);
    watch.onHedge('o1', 'b2', T0 + 1_300);
    watch.onFill(fill('o1', 30, T0 + 8_000));
    expect(watch.pendingFills).toBe(1);
    // A hedge before its fill still covers it.
    watch.onHedge('o1', 'b3', T0 + 9_000);
    watch.onHedge('o1', 'b4', T0 + 9_100);
    watch.onFill(fill('o1', 50, T0 + 9_200));
    expect(watch.pendingFills).toBe(0);
  });

  it('lets a hedge seen after a declined one, with nothing to cover, take over its fills however late the decline is told', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 60, T0));
    watch.onHedge('o1', 'b1', T0 + 1_000);
    watch.onHedge('o1', 'b2', T0 + 5_000);
    expect(watch.onHedgeLost('b1', T0 + 36_000)).toEqual({ replaced: true, missing: [] });
    expect(watch.pendingFills).toBe(0);
    watch.onHedgeLost('b2', T0 + 40_000);
    expect(watch.pendingFills).toBe(1);
  });

  it('forgets a declined hedge replaced by one it never saw, leaving what it covered covered', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 60, T0));
    watch.onHedge('o1', 'b1', T0 + 1_000);
    watch.forgetHedge('b1');
    expect(watch.onHedgeLost('b1', T0 + 30_000)).toBeNull();
    expect(watch.pendingFills).toBe(0);
    expect(watch.expire(T0 + 60_000)).toEqual([]);
  });

  it('takes a hedge that took over a fill covered with another for the early hedge of a fill just after it', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 10, T0));
    watch.onFill(fill('o1', 10, T0 + 1_000));
    watch.onHedge('o1', 'b1', T0 + 2_000);
    watch.onHedge('o1', 'b2', T0 + 4_000);
    watch.onFill(fill('o1', 10, T0 + 4_300));
    expect(watch.pendingFills).toBe(0);
    // b1 covers both earlier fills again: declined, it gives both back.
    watch.onHedgeLost('b1', T0 + 5_000);
    expect(watch.pendingFills).toBe(2);
  });

  it('leaves a fill that came more than 2 s after a hedge that took over another waiting for its own', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 10, T0));
    watch.onFill(fill('o1', 10, T0 + 1_000));
    watch.onHedge('o1', 'b1', T0 + 2_000);
    watch.onHedge('o1', 'b2', T0 + 4_000);
    watch.onFill(fill('o1', 10, T0 + 6_001));
    expect(watch.pendingFills).toBe(1);
  });

  it('forgets an early hedge declined before its fill came', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onHedge('o1', 'b1', T0 + 100);
    expect(watch.onHedgeLost('b1', T0 + 500)).toEqual({ replaced: false, missing: [] });
    watch.onFill(fill('o1', 100, T0 + 800));
    expect(watch.pendingFills).toBe(1);
  });

  it('knows nothing of a hedge it never saw, nor of a duplicate of one it saw', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    expect(watch.onHedgeLost('b1', T0)).toBeNull();
    watch.onFill(fill('o1', 40, T0));
    watch.onHedge('o1', 'b2', T0 + 1_000);
    watch.onHedge('o1', 'b2', T0 + 1_100);
    watch.onFill(fill('o1', 60, T0 + 2_000));
    expect(watch.pendingFills).toBe(1);
  });
});

describe('HedgeWatch.cover (a hedge found by a REST merge)', () => {
  it('clears the waiting and the missing fills of the order, and only of that order', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    watch.onFill(fill('o1', 100, T0));
    watch.expire(T0 + 15_000); // o1's first fill is missing now
    watch.onFill(fill('o1', 50, T0 + 16_000));
    watch.onFill(fill('o2', 30, T0 + 16_000));
    expect(watch.cover('o1')).toMatchObject({ orderId: 'o1', stake: 100, fills: 1 });
    expect(watch.fillsMissingHedge).toBe(0);
    expect(watch.pendingFills).toBe(1);
    expect(watch.expire(T0 + 31_000)).toEqual([expect.objectContaining({ orderId: 'o2' })]);
  });

  it('is not remembered as an early hedge: a later fill of the order waits for its own', () => {
    const watch = new HedgeWatch({ graceMs: 15_000 });
    expect(watch.cover('o1')).toBeNull();
    watch.onFill(fill('o1', 40, T0 + 200));
    expect(watch.pendingFills).toBe(1);
  });
});
