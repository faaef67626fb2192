import { describe, expect, it } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import { NotificationPolicy } from '../../../main/alerts/notification-policy';
import { FeedStore, type StoreMergeInput } from '../../../main/store/feed-store';
import type { BetRecord } from '../../../main/store/records';
import { orderEvent } from '../store/feed-events';
import { grow, hedge, T0 } from './order-seven';

const iso = (ms: number) => new Date(T0 + ms).toISOString();
/** Hedge `betId` of order 7 as a REST read lists it. */
const listed = (betId: string, betStatus: string, placedMs: number): BetRecord => ({
  betId,
  orderId: '7',
  bookmaker: 'vertex',
  betStatus,
  placedAt: iso(placedMs),
});

/** A store and policy watching order 7, notifying at once (no coalescing). */
function setup() {
  const policy = new NotificationPolicy({ timeZone: 'UTC', coalesceWindowMs: 0 });
  const store = new FeedStore({ missingHedges: () => policy.missingHedges() });
  const apply = (event: Parameters<FeedStore['apply']>[0], now: number) =>
    policy.onEffects(store.apply(event, now), now);
  /** The reload after a drop: REST's copies, merged as news. */
  const reload = (input: StoreMergeInput, now: number) =>
    policy.onEffects(store.merge(input, now), now);
  /** Runs the policy's own timer until nothing is scheduled before `until`. */
  const runUntil = (until: number) => {
    const out: NotificationIntent[] = [];
    for (let next = policy.nextDeadline(); next !== null && next <= until; ) {
      out.push(...policy.tick(next));
      next = policy.nextDeadline();
    }
    return out;
  };
  apply(
    orderEvent('INSERT', { orderId: 7, exchange: 'kalshi', orderStake: 100, matchedStake: 0 }),
    T0,
  );
  return { policy, apply, reload, runUntil };
}

describe('NotificationPolicy: a hedge declined while the feed was away', () => {
  it('takes a retry placed during the drop for the replacement of a hedge declined in it', () => {
    const { policy, apply, reload, runUntil } = setup();
    apply(grow(0, 100), T0);
    apply(hedge('b1', 'pending', 1_000), T0 + 1_000);
    // The feed drops at 6 s; b1 is declined and retried as b2 meanwhile.
    const told = reload(
      {
        bets: [listed('b1', 'declined', 1_000), listed('b2', 'placed', 10_000)],
        news: { since: T0 + 6_000 },
      },
      T0 + 26_000,
    );
    expect(told).toEqual([
      expect.objectContaining({
        kind: 'hedge-declined',
        body: expect.stringContaining('another hedge for this order is still live'),
      }),
    ]);
    expect(runUntil(T0 + 120_000)).toEqual([]);
    expect(policy.fillsMissingHedge).toBe(0);
  });

  it('takes a retry broadcast before the drop for the replacement of a hedge whose decline only the reload tells', () => {
    const { policy, apply, reload, runUntil } = setup();
    apply(grow(0, 100), T0);
    apply(hedge('b1', 'pending', 1_000), T0 + 1_000);
    apply(hedge('b2', 'placed', 5_000), T0 + 5_000);
    // The feed drops at 6 s; the reload 30 s later shows b1 declined.
    reload(
      {
        bets: [listed('b1', 'declined', 1_000), listed('b2', 'placed', 5_000)],
        news: { since: T0 + 6_000 },
      },
      T0 + 36_000,
    );
    expect(runUntil(T0 + 120_000)).toEqual([]);
    expect(policy.fillsMissingHedge).toBe(0);
  });

  it('still tells the fill of a hedge declined during a drop when the hedge the reload found is a new fill’s', () => {
    const { policy, apply, reload, runUntil } = setup();
    apply(grow(0, 40), T0);
    apply(hedge('b1', 'placed', 1_000), T0 + 1_000);
    // During the drop from 6 s: b1 is declined, the order matches 60 more, b2 hedges that.
    reload(
      {
        orders: [
          {
            orderId: '7',
            exchange: 'kalshi',
            orderStake: 100,
            matchedStake: 100,
            matchedAt: iso(10_000),
          },
        ],
        bets: [listed('b1', 'declined', 1_000), listed('b2', 'placed', 11_000)],
        news: { since: T0 + 6_000 },
      },
      T0 + 26_000,
    );
    expect(runUntil(T0 + 120_000)).toEqual([
      expect.objectContaining({
        kind: 'hedge-missing',
        body: expect.stringContaining('40.00 matched on kalshi'),
      }),
    ]);
    expect(policy.fillsMissingHedge).toBe(1);
  });
});

describe('NotificationPolicy: a hedge broadcast just before its fill', () => {
  it('covers the fill though the hedge before it covered two fills at once', () => {
    const { policy, apply, runUntil } = setup();
    apply(grow(0, 10), T0);
    apply(grow(10, 20), T0 + 1_000);
    apply(hedge('b1', 'placed', 2_000), T0 + 2_000);
    apply(hedge('b2', 'placed', 4_000), T0 + 4_000);
    apply(grow(20, 30), T0 + 4_300);
    expect(runUntil(T0 + 120_000)).toEqual([]);
    expect(policy.fillsMissingHedge).toBe(0);
  });
});
