import { describe, expect, it } from 'vitest';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import {
  broadcastFrame,
  changedFieldsOnly,
  createMarketScenario,
  DEMO_KEY,
  type ModelChange,
  type ScenarioOptions,
  SECOND_CLIENT_KEY,
} from '../../../main/simulator';
import { BOOKMAKERS, EXCHANGES } from '../../../main/simulator/scenario-data';

const START = Date.UTC(2026, 1, 15, 10, 0, 0);

function run(steps: number, options: Partial<ScenarioOptions> = {}) {
  const market = createMarketScenario([DEMO_KEY, SECOND_CLIENT_KEY], {
    seed: 1,
    startTime: START,
    ...options,
  });
  const changes: ModelChange[] = [];
  market.model.onChange((change) => changes.push(change));
  market.scenario.step(steps);
  return { ...market, changes };
}

const of = (changes: ModelChange[], channel: string, event?: string) =>
  changes.filter((c) => c.channel === channel && (event === undefined || c.event === event));

const keyOf = (change: ModelChange): string => {
  const idField = {
    orders: 'orderId',
    bets: 'betId',
    accounts: 'username',
    scores: 'fixtureId',
    emergency: '',
  };
  return `${change.channel}:${change.client ?? ''}:${String(change.payload[idField[change.channel]] ?? '')}`;
};

/** Fills as (orderId, stake matched by this fill), in order. */
function fills(changes: ModelChange[]): { index: number; orderId: unknown; delta: number }[] {
  return changes.flatMap((c, index) => {
    if (c.channel !== 'orders' || c.event !== 'UPDATE' || c.old?.matchedStake === undefined)
      return [];
    const delta =
      Math.round(((c.payload.matchedStake as number) - (c.old.matchedStake as number)) * 100) / 100;
    return [{ index, orderId: c.payload.orderId, delta }];
  });
}

describe('scenario determinism', () => {
  it('replays the same frames for the same seed and start time', () => {
    const a = run(3000, { seed: 99 }).changes.map((c) => broadcastFrame(c, 'current'));
    const b = run(3000, { seed: 99 }).changes.map((c) => broadcastFrame(c, 'current'));
    expect(b).toEqual(a);
  });

  it('produces a different day for another seed', () => {
    const a = run(500, { seed: 1 }).changes.map((c) => broadcastFrame(c, 'current'));
    const b = run(500, { seed: 2 }).changes.map((c) => broadcastFrame(c, 'current'));
    expect(b).not.toEqual(a);
  });

  it('produces exactly the number of events asked for', () => {
    const { changes, scenario } = run(1234);
    expect(changes).toHaveLength(1234);
    expect(scenario.step(10)).toBe(10);
    expect(changes).toHaveLength(1244);
    expect(scenario.stats().events).toBe(1244);
  });

  it('moves its timestamps forward by one event interval each', () => {
    const { changes } = run(50, { eventsPerSecond: 10 });
    const insert = of(changes, 'orders', 'INSERT')[0]!;
    const index = changes.indexOf(insert);
    expect(insert.payload.createdAt).toBe(new Date(START + (index + 1) * 100).toISOString());
  });
});

describe('scenario content', () => {
  it('puts in old exactly the previous values of the fields that changed', () => {
    const { changes } = run(5000);
    const state = new Map<string, Record<string, unknown>>();
    for (const change of changes) {
      const key = keyOf(change);
      const previous = state.get(key);
      if (change.event === 'UPDATE' && previous) {
        expect(change.old).toBeDefined();
        for (const [field, value] of Object.entries(change.payload)) {
          if (field in change.old!) {
            expect(change.old![field]).toEqual(previous[field] ?? null);
            expect(value).not.toEqual(change.old![field]);
          } else {
            expect(value).toEqual(previous[field]);
          }
        }
      }
      if (change.event === 'INSERT') expect(change.old).toBeUndefined();
      state.set(key, change.payload);
    }
  });

  it('places orders as PENDING_PLACEMENT and moves them on by UPDATE', () => {
    const { changes } = run(5000);
    const seen = new Map<unknown, Record<string, unknown>>();
    for (const change of of(changes, 'orders')) {
      const order = change.payload;
      if (change.event === 'INSERT') {
        expect(order).toMatchObject({
          orderStatus: 'PENDING_PLACEMENT',
          matchedStatus: 'NOT_MATCHED',
          matchedStake: 0,
        });
      } else {
        const before = seen.get(order.orderId)!;
        expect(before).toBeDefined();
        expect(order.matchedStake as number).toBeGreaterThanOrEqual(before.matchedStake as number);
        if (before.orderStatus === 'PENDING_PLACEMENT')
          expect(['PLACED', 'FAILED']).toContain(order.orderStatus);
        if (order.orderStatus === 'PLACED')
          expect(order.exchangeOrderId).toEqual(expect.any(String));
      }
      if (order.orderStatus === 'FILLED') {
        expect(order.matchedStatus).toBe('FULLY_MATCHED');
        expect(order.matchedStake).toBe(order.orderStake);
      }
      if (order.matchedStatus === 'PARTIALLY_MATCHED') {
        expect(order.matchedStake as number).toBeGreaterThan(0);
        expect(order.matchedStake as number).toBeLessThan(order.orderStake as number);
      }
      seen.set(order.orderId, order);
    }
    const statuses = new Set([...seen.values()].map((o) => o.orderStatus));
    for (const status of ['PLACED', 'FILLED', 'CANCELLED', 'EXPIRED', 'FAILED'])
      expect(statuses).toContain(status);
  });

  it('follows every fill with a hedge bet for the matched stake when none go missing', () => {
    const { changes } = run(5000, { missingHedgeRate: 0, declineRate: 0 });
    const bets = of(changes, 'bets', 'INSERT').map((c) => ({
      index: changes.indexOf(c),
      bet: c.payload,
    }));
    const fillList = fills(changes);
    expect(fillList.length).toBeGreaterThan(100);
    const unmatched = [...bets];
    // Fills in the last events may still have their hedge queued.
    for (const fill of fillList.filter((f) => f.index < changes.length - 200)) {
      const at = unmatched.findIndex(
        (b) =>
          b.bet.orderId === fill.orderId &&
          b.bet.placedStake === fill.delta &&
          b.index > fill.index,
      );
      expect(at, `hedge for fill of order ${String(fill.orderId)}`).toBeGreaterThanOrEqual(0);
      expect(unmatched[at]!.index - fill.index).toBeLessThan(200);
      unmatched.splice(at, 1);
    }
    // And no bet without a fill before it.
    for (const { index, bet } of unmatched) {
      expect(fillList.some((f) => f.orderId === bet.orderId && f.index < index)).toBe(true);
    }
  });

  it('declines every hedge when the decline rate is 1', () => {
    const { changes, scenario } = run(4000, { declineRate: 1, missingHedgeRate: 0 });
    const finalStatus = new Map<unknown, unknown>();
    for (const change of of(changes, 'bets'))
      finalStatus.set(change.payload.betId, change.payload.betStatus);
    expect(finalStatus.size).toBeGreaterThan(50);
    expect(
      [...finalStatus.values()].filter((s) => s !== 'pending').every((s) => s === 'declined'),
    ).toBe(true);
    expect(scenario.stats().declinedHedges).toBe(scenario.stats().hedges);
  });

  it('places no hedge at all when the missing-hedge rate is 1', () => {
    const { changes, scenario } = run(4000, { missingHedgeRate: 1 });
    expect(fills(changes).length).toBeGreaterThan(50);
    expect(of(changes, 'bets')).toEqual([]);
    expect(scenario.stats().missingHedges).toBe(scenario.stats().fills);
  });

  it('reports hedges as pending first and then placed when the pending rate is 1', () => {
    const { changes } = run(4000, { pendingHedgeRate: 1, declineRate: 0, missingHedgeRate: 0 });
    const inserts = of(changes, 'bets', 'INSERT');
    const updates = of(changes, 'bets', 'UPDATE');
    expect(inserts.length).toBeGreaterThan(50);
    expect(
      inserts.every((c) => c.payload.betStatus === 'pending' && c.payload.bookmakerBetId === null),
    ).toBe(true);
    expect(updates.length).toBeGreaterThan(inserts.length * 0.8);
    for (const update of updates) {
      expect(update.payload.betStatus).toBe('placed');
      expect(update.old).toMatchObject({ betStatus: 'pending', bookmakerBetId: null });
    }
  });

  it('respects the configured rates on average', () => {
    const { scenario } = run(40_000, {
      declineRate: 0.3,
      missingHedgeRate: 0.1,
      pendingHedgeRate: 0.5,
    });
    const stats = scenario.stats();
    expect(stats.declinedHedges / stats.hedges).toBeCloseTo(0.3, 1);
    expect(stats.missingHedges / stats.fills).toBeCloseTo(0.1, 1);
    expect(stats.pendingHedges / stats.hedges).toBeCloseTo(0.5, 1);
  });

  it('raises an emergency with a reason and clears it later', () => {
    const { changes } = run(600, {
      emergencyRate: 1,
      emergencyMinEvents: 20,
      emergencyMaxEvents: 40,
    });
    const emergencies = of(changes, 'emergency');
    expect(emergencies.length).toBeGreaterThanOrEqual(4);
    emergencies.forEach((change, i) => {
      expect(change.event).toBe('UPDATE');
      expect(change.client).toBeUndefined();
      expect(change.payload.emergency).toBe(i % 2 === 0);
      if (i % 2 === 0) {
        expect(change.payload.reason).toEqual(expect.any(String));
        expect(Date.parse(change.payload.triggeredAt as string)).toBeGreaterThan(START);
      }
    });
    // No new orders are posted while the emergency lasts.
    let active = false;
    for (const change of changes) {
      if (change.channel === 'emergency') active = change.payload.emergency as boolean;
      if (active) expect(change.channel === 'orders' && change.event === 'INSERT').toBe(false);
    }
  });

  it('changes outcome rates on the fly', () => {
    const { scenario, changes } = run(2000, { missingHedgeRate: 0 });
    scenario.configure({ missingHedgeRate: 1 });
    const before = changes.length;
    const hedgesBefore = scenario.stats().hedges;
    scenario.step(3000);
    // Hedges still owed for fills made before the switch may appear; no more after them.
    expect(scenario.stats().hedges - hedgesBefore).toBeLessThan(40);
    expect(changes.length - before).toBe(3000);
    expect(() => scenario.configure({ declineRate: 2 })).toThrow(/between 0 and 1/);
  });

  it('stops posting orders for a paused client and keeps the others trading', () => {
    const { model, scenario, changes } = run(500);
    model.pauseTrading('demo');
    const from = changes.length;
    scenario.step(3000);
    const inserts = of(changes.slice(from), 'orders', 'INSERT');
    expect(inserts.every((c) => c.client === 'acme')).toBe(true);
    expect(inserts.length).toBeGreaterThan(50);
  });

  it('fills realistic fields', () => {
    const { changes } = run(5000);
    for (const change of changes) {
      const p = change.payload;
      const perClient = ['orders', 'bets', 'accounts'].includes(change.channel);
      expect(change.client === undefined).toBe(!perClient);
      switch (change.channel) {
        case 'orders':
          expect(EXCHANGES).toContain(p.exchange);
          expect(p.orderCents as number).toBeGreaterThanOrEqual(0.01);
          expect(p.orderCents as number).toBeLessThanOrEqual(0.99);
          expect(p.fixtureId).toMatch(/^id\d{16}$/);
          expect(new Date(p.updatedAt as string).toISOString()).toBe(p.updatedAt);
          expect(String(p.account).startsWith(`${change.client}-`)).toBe(true);
          break;
        case 'bets':
          expect(BOOKMAKERS).toContain(p.bookmaker);
          expect(p.client).toBe(change.client);
          expect(['placed', 'pending', 'declined']).toContain(p.betStatus);
          break;
        case 'accounts':
          expect(change.event).toBe('UPDATE');
          expect(Object.keys(change.old!)).toEqual(['balance']);
          break;
        case 'scores':
          expect(change.event).toBe('UPDATE');
          expect(p.fixtureId).toMatch(/^id\d{16}$/);
          break;
      }
    }
  });

  it('keeps frames to a few hundred bytes and every one parses with parseServerFrame', () => {
    const { changes } = run(5000, { emergencyRate: 0.01 });
    const channels = new Set<string>();
    for (const change of changes) {
      channels.add(change.channel);
      for (const [naming, spec] of [
        ['current', change],
        ['legacy', change],
        ['current', changedFieldsOnly(change)],
      ] as const) {
        const text = broadcastFrame(spec, naming);
        expect(text.length).toBeLessThan(1024);
        const parsed = parseServerFrame(text);
        if (!parsed.ok) throw new Error(`${parsed.error}: ${text}`);
        expect(parsed.frame.type).toBe('broadcast');
        if (parsed.frame.type === 'broadcast' && parsed.frame.channel === 'orders') {
          expect(parsed.frame.record.orderId).toBe(String(change.payload.orderId));
        }
      }
    }
    expect([...channels].sort()).toEqual(['accounts', 'bets', 'emergency', 'orders', 'scores']);
  });
});

describe('scenario memory', () => {
  it('stays bounded over 200k events', () => {
    const { model, scenario } = createMarketScenario([DEMO_KEY, SECOND_CLIENT_KEY], {
      seed: 5,
      startTime: START,
      pendingHedgeRate: 0.6,
      emergencyRate: 0.001,
    });
    const limits = { ...scenario.sizes() };
    for (let round = 0; round < 20; round++) {
      scenario.step(10_000);
      const sizes = scenario.sizes();
      const held = model.sizes();
      expect(sizes.placingOrders + sizes.restingOrders).toBeLessThanOrEqual(40);
      expect(sizes.pendingBets).toBeLessThanOrEqual(65);
      expect(sizes.followUps).toBeLessThanOrEqual(40);
      expect(sizes.fixtures).toBe(limits.fixtures);
      expect(held.openOrders).toBeLessThanOrEqual(40);
      expect(held.recentOrders).toBeLessThanOrEqual(2 * 200);
      expect(held.recentBets).toBeLessThanOrEqual(2 * 200);
      expect(held.pendingBets).toBeLessThanOrEqual(65);
      expect(held.fixtures).toBe(6);
    }
    expect(scenario.stats().events).toBe(200_000);
  });
});
