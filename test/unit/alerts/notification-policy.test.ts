import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../common/domain/connection';
import { NOTIFICATION_KINDS, type NotificationIntent } from '../../../common/domain/notifications';
import {
  NotificationPolicy,
  type NotificationPolicyOptions,
} from '../../../main/alerts/notification-policy';
import type { StoreEffect } from '../../../main/store/effects';
import { FeedStore } from '../../../main/store/feed-store';
import {
  betEvent,
  documentedFill,
  documentedHedge,
  emergencyEvent,
  orderEvent,
} from '../store/feed-events';
import { grow, hedge, T0 } from './order-seven';

function setup(options: NotificationPolicyOptions = {}) {
  const policy = new NotificationPolicy({ timeZone: 'UTC', ...options });
  const store = new FeedStore({ missingHedges: () => policy.missingHedges() });
  const apply = (event: Parameters<FeedStore['apply']>[0], now: number) =>
    policy.onEffects(store.apply(event, now), now);
  const status = (state: ConnectionState, since: number, now = since, reason?: string) =>
    policy.onStatus({ state, since, attempt: 0, ...(reason ? { reason } : {}) }, now);
  /** Runs the policy's own timer until nothing is scheduled before `until`. */
  const runUntil = (until: number) => {
    const out: NotificationIntent[] = [];
    for (
      let next = policy.nextDeadline();
      next !== null && next <= until;
      next = policy.nextDeadline()
    ) {
      out.push(...policy.tick(next));
    }
    return out;
  };
  return { policy, store, apply, status, runUntil };
}

const fillEffect = (orderId: string, exchange: string, delta: number): StoreEffect => ({
  kind: 'fill',
  order: { orderId, exchange, orderStake: 100, matchedStake: delta, orderCents: 0.5 },
  matchedDelta: delta,
  matchedStake: delta,
  partial: true,
});

const declinedEffect = (betId: string, orderId: string): StoreEffect => ({
  kind: 'hedge-declined',
  bet: {
    betId,
    orderId,
    bookmaker: 'vertex',
    placedStake: 10,
    placedPrice: 1.9,
    betStatus: 'declined',
  },
  replaced: false,
});

const sumCounts = (intents: NotificationIntent[]) => intents.reduce((n, i) => n + i.count, 0);

describe('NotificationPolicy: one notification per kind', () => {
  it('tells a fill with exchange, stake, price, order and fixture', () => {
    const { apply } = setup();
    const [intent] = apply(documentedFill(T0), T0);
    expect(intent).toMatchObject({
      kind: 'fill',
      count: 1,
      urgent: false,
      at: T0,
      target: { view: 'order', orderId: '123' },
    });
    expect(intent?.title).toBe('Filled 100.00 @ 45¢ on polymarket');
    expect(intent?.body).toBe('Order 123 · 100.00 of 100.00 matched · fixture id1000000861624412');
  });

  it('tells a partial fill with the matched delta and the total of the ordered stake', () => {
    const { apply } = setup();
    apply(
      orderEvent('INSERT', {
        orderId: 8,
        exchange: 'kalshi',
        orderStake: 2500,
        orderCents: 0.62,
        fixtureId: 'fx9',
        side: 'buy',
      }),
      T0,
    );
    const [intent] = apply(
      orderEvent(
        'UPDATE',
        { orderId: 8, matchedStake: 1200.5, matchedStatus: 'PARTIALLY_MATCHED' },
        { matchedStake: 0 },
      ),
      T0,
    );
    expect(intent?.title).toBe('Partial fill 1,200.50 @ 62¢ on kalshi');
    expect(intent?.body).toContain('Order 8 (buy)');
    expect(intent?.body).toContain('1,200.50 of 2,500.00 matched');
    expect(intent?.body).toContain('fixture fx9');
  });

  it('tells a placed hedge with bookmaker, stake, price and order', () => {
    const { apply } = setup();
    apply(documentedFill(T0), T0);
    const [intent] = apply(documentedHedge(T0 + 3_000), T0 + 3_000);
    expect(intent).toMatchObject({
      kind: 'hedge',
      urgent: false,
      target: { view: 'hedge', betId: '456', orderId: '123' },
    });
    expect(intent?.title).toBe('Hedge placed 100.00 @ 1.808 at vertex');
    expect(intent?.body).toBe(
      'For order 123 · fill 100.00 @ 45¢ on polymarket · fixture id1000000861624412',
    );
  });

  it('tells a declined hedge urgently', () => {
    const { apply } = setup();
    apply(documentedFill(T0), T0);
    const [intent] = apply(
      betEvent('INSERT', {
        betId: 9,
        orderId: 123,
        bookmaker: 'pinnacle',
        placedStake: 100,
        placedPrice: 1.9,
        betStatus: 'declined',
      }),
      T0 + 1_000,
    );
    expect(intent).toMatchObject({ kind: 'hedge-declined', urgent: true });
    expect(intent?.title).toBe('Hedge declined at pinnacle');
    expect(intent?.body).toContain('100.00 @ 1.9 for order 123');
    expect(intent?.body).toContain('fixture id1000000861624412');
    expect(intent?.body).toContain('the fill is not hedged');
  });

  it('tells a fill missing its hedge when the grace period ends, and a late hedge clears it', () => {
    const { apply, policy, store } = setup();
    apply(documentedFill(T0), T0);
    expect(policy.nextDeadline()).toBe(T0 + 15_000);
    expect(policy.tick(T0 + 14_999)).toEqual([]);
    const [intent] = policy.tick(T0 + 15_000);
    expect(intent).toMatchObject({
      kind: 'hedge-missing',
      urgent: true,
      count: 1,
      target: { view: 'order', orderId: '123' },
    });
    expect(intent?.title).toBe('No hedge for order 123');
    expect(intent?.body).toBe(
      '100.00 matched on polymarket at 10:30:00, not hedged within 15 s · fixture id1000000861624412',
    );
    expect(store.snapshot().missingHedges.fillsMissingHedge).toBe(1);
    apply(documentedHedge(T0 + 40_000), T0 + 40_000);
    expect(store.snapshot().missingHedges).toEqual({ fillsMissingHedge: 0, orders: [] });
  });

  it('tells no missing hedge when the hedge comes in time', () => {
    const { apply, runUntil } = setup();
    apply(documentedFill(T0), T0);
    apply(documentedHedge(T0 + 14_000), T0 + 14_000);
    expect(runUntil(T0 + 60_000)).toEqual([]);
  });

  it('watches the order again when its only hedge is declined', () => {
    const { apply, policy } = setup({ hedgeGraceMs: 10_000 });
    apply(documentedFill(T0), T0);
    apply(documentedHedge(T0 + 1_000), T0 + 1_000);
    apply(betEvent('UPDATE', { betId: 456, betStatus: 'declined' }), T0 + 2_000);
    const [missing] = policy.tick(T0 + 12_000);
    expect(missing).toMatchObject({
      kind: 'hedge-missing',
      body: expect.stringContaining('100.00 matched'),
    });
  });

  it('without the bets channel, reports fills but never a missing hedge it could not see', () => {
    const { apply, policy, runUntil, store } = setup({ watchHedges: false, coalesceWindowMs: 0 });
    const [fill] = apply(documentedFill(T0), T0);
    expect(fill).toMatchObject({ kind: 'fill' });
    expect(policy.nextDeadline()).toBeNull();
    expect(runUntil(T0 + 60_000)).toEqual([]);
    // A hedge declined in a REST merge does not start a watch either.
    const declined = {
      ...declinedEffect('b1', '123'),
      order: { orderId: '123', exchange: 'kalshi', orderStake: 100, matchedStake: 100 },
    } as StoreEffect;
    expect(policy.onEffects([declined], T0 + 1_000)).toMatchObject([{ kind: 'hedge-declined' }]);
    expect(runUntil(T0 + 120_000)).toEqual([]);
    expect(policy.fillsMissingHedge).toBe(0);
    expect(store.snapshot().missingHedges).toEqual({ fillsMissingHedge: 0, orders: [] });
  });

  it('tells an emergency with its reason and since when, and its end', () => {
    const { apply } = setup();
    const [on] = apply(
      emergencyEvent({
        emergency: true,
        reason: 'Drawdown limit hit',
        triggeredAt: '2026-02-15T10:29:00Z',
      }),
      T0,
    );
    expect(on).toMatchObject({ kind: 'emergency', urgent: true, target: { view: 'emergency' } });
    expect(on?.title).toBe('Emergency mode ON');
    expect(on?.body).toBe('Reason: Drawdown limit hit · since 10:29:00 (1 min ago)');
    const [off] = apply(emergencyEvent({ emergency: false }, T0 + 300_000), T0 + 300_000);
    expect(off).toMatchObject({ kind: 'emergency-cleared', urgent: false });
    expect(off?.body).toBe('Ended at 10:35:00 after 6 min · active since 10:29:00');
  });
});

describe('NotificationPolicy: several fills and hedges of one order', () => {
  const declined = (betId: string) => betEvent('UPDATE', { betId, betStatus: 'declined' });

  function setupOrder() {
    const env = setup({ coalesceWindowMs: 0 });
    env.apply(
      orderEvent('INSERT', { orderId: 7, exchange: 'kalshi', orderStake: 100, matchedStake: 0 }),
      T0,
    );
    return env;
  }

  it('watches the fill of a declined hedge though a hedge of an earlier fill is live', () => {
    const { apply, policy, runUntil } = setupOrder();
    apply(grow(0, 40), T0 + 1_000);
    apply(hedge('b1', 'placed', 2_000), T0 + 2_000);
    apply(grow(40, 100), T0 + 10_000);
    apply(hedge('b2', 'pending', 11_000), T0 + 11_000);
    const [told] = apply(declined('b2'), T0 + 12_000);
    expect(told?.body).toContain('the fill is not hedged');
    expect(runUntil(T0 + 60_000)).toEqual([
      expect.objectContaining({
        kind: 'hedge-missing',
        body: expect.stringContaining('60.00 matched on kalshi'),
      }),
    ]);
    expect(policy.missingHedges()).toMatchObject({ fillsMissingHedge: 1 });
  });

  it('takes a retry of a declined hedge as its replacement, even broadcast before the decline', () => {
    const { apply, policy, runUntil } = setupOrder();
    apply(grow(0, 40), T0 + 1_000);
    apply(hedge('b1', 'placed', 2_000), T0 + 2_000);
    apply(grow(40, 100), T0 + 10_000);
    apply(hedge('b2', 'pending', 11_000), T0 + 11_000);
    apply(hedge('b3', 'placed', 11_400), T0 + 11_500);
    const [told] = apply(declined('b2'), T0 + 12_000);
    expect(told?.body).toContain('another hedge for this order is still live');
    // A retry broadcast after the decline covers the fill too.
    apply(declined('b3'), T0 + 21_000);
    apply(hedge('b4', 'placed', 22_000), T0 + 22_000);
    expect(runUntil(T0 + 120_000)).toEqual([]);
    expect(policy.missingHedges().fillsMissingHedge).toBe(0);
  });

  it('tells a fill missing its hedge when two earlier fills each had their own', () => {
    const { apply, policy, runUntil } = setupOrder();
    apply(grow(0, 20), T0 + 100);
    apply(grow(20, 40), T0 + 300);
    apply(hedge('b1', 'placed', 1_000), T0 + 1_000);
    apply(hedge('b2', 'placed', 1_300), T0 + 1_300);
    apply(grow(40, 70), T0 + 8_000);
    expect(runUntil(T0 + 60_000)).toEqual([
      expect.objectContaining({
        kind: 'hedge-missing',
        body: expect.stringContaining('30.00 matched on kalshi'),
      }),
    ]);
    expect(policy.missingHedges().fillsMissingHedge).toBe(1);
  });

  it('tells a fill missing its hedge when that hedge came first and was declined before it', () => {
    const { apply, policy, runUntil } = setupOrder();
    apply(hedge('b1', 'pending', 100), T0 + 100);
    apply(declined('b1'), T0 + 500);
    apply(grow(0, 100), T0 + 800);
    expect(runUntil(T0 + 60_000)).toEqual([
      expect.objectContaining({ kind: 'hedge-missing', title: 'No hedge for order 7' }),
    ]);
    expect(policy.missingHedges().fillsMissingHedge).toBe(1);
  });
});

describe('NotificationPolicy: coalescing', () => {
  it('turns 1,000 fills within a second into at most 3 notifications counting 1,000', () => {
    const { policy, runUntil } = setup();
    const intents: NotificationIntent[] = [];
    for (let i = 0; i < 1_000; i += 1) {
      const at = T0 + i;
      intents.push(
        ...runUntil(at),
        ...policy.onEffects([fillEffect(`o${i}`, i % 2 ? 'kalshi' : 'polymarket', 3.45)], at),
      );
    }
    intents.push(...runUntil(T0 + 10_000));
    const fills = intents.filter((i) => i.kind === 'fill');
    expect(fills.length).toBeLessThanOrEqual(3);
    expect(sumCounts(fills)).toBe(1_000);
    expect(fills[0]).toMatchObject({ count: 1, at: T0 });
    expect(fills[1]).toMatchObject({
      count: 999,
      at: T0 + 2_000,
      title: '999 more fills',
      body: '3,446.55 matched on kalshi, polymarket · orders o1, o2, o3 and 996 more',
      target: { view: 'feed' },
    });
  });

  it('sends one summary per window while a flood lasts, and the next lone fill at once', () => {
    const { policy, runUntil } = setup({ coalesceWindowMs: 2_000 });
    const intents: NotificationIntent[] = [];
    for (let t = 0; t < 10_000; t += 10) {
      intents.push(
        ...runUntil(T0 + t),
        ...policy.onEffects([fillEffect(`o${t}`, 'kalshi', 1)], T0 + t),
      );
    }
    intents.push(...runUntil(T0 + 50_000));
    const fills = intents.filter((i) => i.kind === 'fill');
    expect(fills.map((i) => [i.at - T0, i.count])).toEqual([
      [0, 1],
      [2_000, 199],
      [4_000, 200],
      [6_000, 200],
      [8_000, 200],
      [10_000, 200],
    ]);
    const lone = policy.onEffects([fillEffect('late', 'kalshi', 1)], T0 + 60_000);
    expect(lone).toEqual([
      expect.objectContaining({ count: 1, title: expect.stringContaining('Partial fill') }),
    ]);
  });

  it('sends a window with a single held notice as that notice, not a summary', () => {
    const { policy } = setup();
    policy.onEffects([fillEffect('a', 'kalshi', 1)], T0);
    policy.onEffects([fillEffect('b', 'kalshi', 2)], T0 + 500);
    const [held] = policy.tick(T0 + 2_000);
    expect(held).toMatchObject({
      count: 1,
      title: 'Partial fill 2.00 @ 50¢ on kalshi',
      at: T0 + 2_000,
    });
  });

  it('coalesces kinds separately', () => {
    const { policy } = setup();
    const out = policy.onEffects(
      [
        fillEffect('a', 'kalshi', 1),
        declinedEffect('b1', 'a'),
        fillEffect('b', 'kalshi', 1),
        declinedEffect('b2', 'b'),
      ],
      T0,
    );
    expect(out.map((i) => i.kind)).toEqual(['fill', 'hedge-declined']);
    expect(policy.tick(T0 + 2_000).map((i) => [i.kind, i.count])).toEqual([
      ['fill', 1],
      ['hedge-declined', 1],
    ]);
  });

  it('never drops or delays declined hedges beyond the window in a flood', () => {
    const { policy, runUntil } = setup();
    const seenBy = new Map<number, number>();
    const intents: NotificationIntent[] = [];
    for (let i = 0; i < 500; i += 1) {
      const at = T0 + i * 13;
      intents.push(...runUntil(at), ...policy.onEffects([declinedEffect(`b${i}`, `o${i}`)], at));
      seenBy.set(i, at);
    }
    intents.push(...runUntil(T0 + 60_000));
    const declined = intents.filter((i) => i.kind === 'hedge-declined');
    expect(sumCounts(declined)).toBe(500);
    expect(declined.every((i) => i.urgent)).toBe(true);
    // Everything that happened before a notification's window is in it: no wait exceeds the window.
    let covered = 0;
    for (const intent of declined) {
      const reported = [...seenBy.values()].filter((at) => at <= intent.at).length;
      expect(reported - covered).toBeGreaterThanOrEqual(intent.count);
      covered += intent.count;
      const oldestInIt = [...seenBy.values()][covered - intent.count] as number;
      expect(intent.at - oldestInIt).toBeLessThanOrEqual(2_000);
    }
  });

  it('never merges, delays or drops emergencies, even in a flood', () => {
    const { policy, runUntil } = setup();
    let emergencies = 0;
    for (let i = 0; i < 1_000; i += 1) {
      const at = T0 + i;
      const effects: StoreEffect[] = [
        fillEffect(`o${i}`, 'kalshi', 1),
        declinedEffect(`b${i}`, `o${i}`),
      ];
      if (i % 10 === 0) {
        effects.push(
          i % 20 === 0
            ? { kind: 'emergency', active: true, reason: `r${i}`, since: at }
            : { kind: 'emergency-cleared', reason: null, since: at, activeSince: at - 10 },
        );
      }
      runUntil(at);
      const out = policy.onEffects(effects, at);
      const now = out.filter((x) => x.kind === 'emergency' || x.kind === 'emergency-cleared');
      expect(now).toHaveLength(i % 10 === 0 ? 1 : 0);
      for (const intent of now) expect(intent).toMatchObject({ count: 1, at });
      emergencies += now.length;
    }
    expect(emergencies).toBe(100);
  });
});

describe('NotificationPolicy: quiet mode and enabled kinds', () => {
  it('mutes everything but emergencies until the quiet time, dropping what it mutes', () => {
    const { policy, runUntil } = setup();
    policy.setQuietUntil(T0 + 60_000);
    expect(policy.onEffects([fillEffect('a', 'kalshi', 1), declinedEffect('b', 'a')], T0)).toEqual(
      [],
    );
    const emergency = policy.onEffects(
      [{ kind: 'emergency', active: true, reason: 'x', since: T0 }],
      T0 + 1,
    );
    expect(emergency.map((i) => i.kind)).toEqual(['emergency']);
    expect(runUntil(T0 + 59_999).filter((i) => i.kind !== 'hedge-missing')).toEqual([]);
    expect(
      policy.onEffects([fillEffect('c', 'kalshi', 1)], T0 + 60_000).map((i) => i.kind),
    ).toEqual(['fill']);
    expect(policy.tick(T0 + 70_000).filter((i) => i.kind === 'fill')).toEqual([]);
  });

  it('drops a pending summary whose window ends during quiet time', () => {
    const { policy } = setup();
    policy.onEffects([fillEffect('a', 'kalshi', 1)], T0);
    policy.onEffects([fillEffect('b', 'kalshi', 1)], T0 + 100);
    policy.setQuietUntil(T0 + 1_000_000);
    expect(policy.tick(T0 + 2_000)).toEqual([]);
  });

  it('still tracks hedges while quiet', () => {
    const { policy } = setup();
    policy.setQuietUntil(T0 + 1_000_000);
    policy.onEffects([fillEffect('a', 'kalshi', 5)], T0);
    expect(policy.tick(T0 + 15_000)).toEqual([]);
    expect(policy.missingHedges().fillsMissingHedge).toBe(1);
    expect(policy.fillsMissingHedge).toBe(1);
    policy.setQuietUntil(null);
    expect(policy.quietUntil).toBeNull();
  });

  it('notifies only the enabled kinds, and always emergencies', () => {
    const { policy } = setup({ enabledKinds: ['hedge-declined'] });
    const out = policy.onEffects(
      [
        fillEffect('a', 'kalshi', 1),
        declinedEffect('b', 'a'),
        { kind: 'emergency', active: true, reason: null, since: T0 },
        { kind: 'emergency-cleared', reason: null, since: T0, activeSince: T0 },
      ],
      T0,
    );
    expect(out.map((i) => i.kind)).toEqual(['hedge-declined', 'emergency', 'emergency-cleared']);
    policy.setEnabledKinds(null);
    expect(policy.enabledKinds).toHaveLength(NOTIFICATION_KINDS.length);
    policy.setEnabledKinds([]);
    expect(policy.enabledKinds).toEqual(['emergency', 'emergency-cleared']);
  });
});

describe('NotificationPolicy: connection', () => {
  it('tells a lost connection once it has not been live for 30 s, once per outage', () => {
    const { status, policy, runUntil } = setup();
    expect(status('live', T0)).toEqual([]);
    expect(status('reconnecting', T0 + 5_000, T0 + 5_000, 'socket closed (1006)')).toEqual([]);
    expect(policy.nextDeadline()).toBe(T0 + 35_000);
    expect(policy.tick(T0 + 34_999)).toEqual([]);
    const [lost] = policy.tick(T0 + 35_000);
    expect(lost).toMatchObject({
      kind: 'connection-lost',
      urgent: true,
      target: { view: 'connection' },
    });
    expect(lost?.title).toBe('Feed connection lost');
    expect(lost?.body).toBe(
      'No live updates since 10:30:05 (30 s ago) · Reason: socket closed (1006) · updates in the gap are not replayed',
    );
    expect(status('connecting', T0 + 40_000)).toEqual([]);
    expect(status('reconnecting', T0 + 45_000)).toEqual([]);
    expect(runUntil(T0 + 600_000)).toEqual([]);
    const [restored] = status('live', T0 + 125_000);
    expect(restored).toMatchObject({ kind: 'connection-restored', urgent: false });
    expect(restored?.body).toBe(
      'Live again after 2 min (down since 10:30:05) · updates sent meanwhile were missed',
    );
  });

  it('tells a feed that never connected within 30 s', () => {
    const { status, policy } = setup();
    status('connecting', T0);
    const [lost] = policy.tick(T0 + 30_000);
    expect(lost).toMatchObject({ kind: 'connection-lost', title: 'Feed not connected' });
  });

  it('tells nothing about a short outage: no lost, no restored', () => {
    const { status, runUntil } = setup();
    status('live', T0);
    status('reconnecting', T0 + 1_000);
    expect(status('live', T0 + 20_000)).toEqual([]);
    expect(runUntil(T0 + 600_000)).toEqual([]);
  });

  it('raises a lost that came due before a late status change, then the restore', () => {
    const { status } = setup();
    status('connecting', T0);
    expect(status('live', T0 + 45_000).map((i) => i.kind)).toEqual([
      'connection-lost',
      'connection-restored',
    ]);
  });

  it('tells a rejected key once, and not as a lost connection', () => {
    const { status, runUntil } = setup();
    status('connecting', T0);
    const [auth] = status('auth-failed', T0 + 1_000, T0 + 1_000, 'Invalid API key');
    expect(auth).toMatchObject({
      kind: 'auth-failed',
      urgent: true,
      title: 'API key rejected',
      target: { view: 'settings' },
    });
    expect(auth?.body).toBe('Invalid API key · check the API key in Settings');
    expect(status('auth-failed', T0 + 1_000, T0 + 5_000)).toEqual([]);
    expect(runUntil(T0 + 600_000)).toEqual([]);
  });

  it('tells nothing while stopped by the user', () => {
    const { status, runUntil } = setup();
    status('live', T0);
    status('stopped', T0 + 1_000);
    expect(runUntil(T0 + 600_000)).toEqual([]);
  });

  it('never shows anything that looks like an API key', () => {
    const { status, policy } = setup();
    const key = '123e4567-e89b-12d3-a456-426614174000';
    const [auth] = status('auth-failed', T0, T0, `Invalid API key ${key}`);
    const [emergency] = policy.onEffects(
      [{ kind: 'emergency', active: true, reason: `key ${key} blocked; apiKey=${key}`, since: T0 }],
      T0,
    );
    for (const intent of [auth, emergency]) {
      expect(`${intent?.title} ${intent?.body}`).not.toContain(key);
      expect(intent?.body).toContain('[redacted]');
    }
  });
});

describe('NotificationPolicy: scheduling', () => {
  it('has nothing scheduled when idle, and ticking is idempotent', () => {
    const { policy } = setup();
    expect(policy.nextDeadline()).toBeNull();
    policy.onEffects([fillEffect('a', 'kalshi', 1), fillEffect('b', 'kalshi', 1)], T0);
    expect(policy.nextDeadline()).toBe(T0 + 2_000);
    expect(policy.tick(T0 + 2_000)).toHaveLength(1);
    expect(policy.tick(T0 + 2_000)).toEqual([]);
    expect(policy.nextDeadline()).toBe(T0 + 15_000);
  });

  it('rejects negative durations', () => {
    expect(() => new NotificationPolicy({ coalesceWindowMs: -1 })).toThrow(RangeError);
    const policy = new NotificationPolicy();
    expect(() => policy.setHedgeGraceMs(Number.NaN)).toThrow(RangeError);
  });
});
