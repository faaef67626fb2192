import { describe, expect, it } from 'vitest';
import {
  MarketModel,
  type ModelChange,
  type OrderRecord,
  seedClientSetups,
} from '../../../main/simulator';

const AT = '2026-02-15T10:00:00.000Z';

function model(historyLimit = 3) {
  const m = new MarketModel({
    clients: seedClientSetups(
      [
        { client: 'demo', name: 'Demo' },
        { client: 'acme', name: 'Acme' },
      ],
      AT,
    ),
    historyLimit,
    clock: () => Date.parse('2026-02-15T11:00:00.000Z'),
  });
  const changes: ModelChange[] = [];
  m.onChange((c) => changes.push(c));
  return { m, changes };
}

function order(orderId: number, overrides: Partial<OrderRecord> = {}): OrderRecord {
  return {
    orderId,
    fixtureId: 'id1000000861624412',
    outcomeId: 161,
    playerId: null,
    exchange: 'polymarket',
    account: 'demo-polymarket-1',
    exchangeOrderId: null,
    exchangeOutcomeId: '161-abc',
    orderStatus: 'PLACED',
    matchedStatus: 'NOT_MATCHED',
    orderCents: 0.45,
    orderStake: 100,
    matchedStake: 0,
    back: true,
    side: 'buy',
    settlementStatus: 'UNDECIDED',
    bookmakerOutcomePrice: 2.1,
    bookmakerOutcomeLimit: 1000,
    bookmakerOutcomeActive: true,
    createdAt: AT,
    matchedAt: null,
    updatedAt: AT,
    ...overrides,
  };
}

describe('MarketModel', () => {
  it('reports an insert with the whole record and no old', () => {
    const { m, changes } = model();
    m.insertOrder('demo', order(1));
    expect(changes).toEqual([
      { channel: 'orders', event: 'INSERT', client: 'demo', payload: order(1) },
    ]);
  });

  it('reports an update with the previous values of the changed fields only', () => {
    const { m, changes } = model();
    m.insertOrder('demo', order(1));
    m.updateOrder('demo', 1, {
      matchedStake: 100,
      matchedStatus: 'FULLY_MATCHED',
      orderStatus: 'FILLED',
      orderCents: 0.45,
    });
    expect(changes[1]).toMatchObject({
      event: 'UPDATE',
      payload: { orderId: 1, matchedStake: 100, orderStatus: 'FILLED' },
      old: { matchedStake: 0, matchedStatus: 'NOT_MATCHED', orderStatus: 'PLACED' },
    });
    expect(Object.keys(changes[1]!.old!)).toEqual(['matchedStake', 'matchedStatus', 'orderStatus']);
  });

  it('reports nothing for an update that changes nothing', () => {
    const { m, changes } = model();
    m.insertOrder('demo', order(1));
    expect(m.updateOrder('demo', 1, { orderStatus: 'PLACED' })).toBeNull();
    expect(m.updateOrder('demo', 99, { orderStatus: 'FILLED' })).toBeNull();
    expect(changes).toHaveLength(1);
  });

  it('does not let a later change alter a payload already handed out', () => {
    const { m, changes } = model();
    m.insertOrder('demo', order(1));
    m.updateOrder('demo', 1, { matchedStake: 50 });
    expect(changes[0]!.payload.matchedStake).toBe(0);
  });

  it('moves finished orders out of the open set and forgets the oldest', () => {
    const { m } = model(2);
    for (let id = 1; id <= 4; id++) {
      m.insertOrder('demo', order(id));
      m.updateOrder('demo', id, { orderStatus: 'CANCELLED' });
    }
    m.insertOrder('demo', order(5));
    expect(m.openOrders('demo').map((o) => o.orderId)).toEqual([5]);
    expect(m.orders('demo').map((o) => o.orderId)).toEqual([5, 3, 4]);
    expect(m.order('demo', 1)).toBeUndefined();
    expect(m.sizes()).toMatchObject({ openOrders: 1, recentOrders: 2 });
  });

  it("keeps each client's books apart", () => {
    const { m } = model();
    m.insertOrder('demo', order(1));
    m.insertOrder('acme', order(2, { account: 'acme-novig-1' }));
    expect(m.openOrders('demo').map((o) => o.orderId)).toEqual([1]);
    expect(m.openOrders('acme').map((o) => o.orderId)).toEqual([2]);
    expect(m.accounts('demo').every((a) => a.username.startsWith('demo-'))).toBe(true);
    expect(() => m.openOrders('nobody')).toThrow(/unknown client/);
  });

  it('stops trading by cancelling every open order of that client only', () => {
    const { m, changes } = model();
    m.insertOrder('demo', order(1));
    m.insertOrder('demo', order(2, { exchange: 'kalshi' }));
    m.insertOrder('acme', order(3));
    changes.length = 0;
    const cancelled = m.stopTrading('demo');
    expect(cancelled.map((c) => c.payload.orderId)).toEqual([1, 2]);
    expect(
      changes.every(
        (c) => c.payload.orderStatus === 'CANCELLED' && c.old?.orderStatus === 'PLACED',
      ),
    ).toBe(true);
    expect(changes[0]!.payload.updatedAt).toBe('2026-02-15T11:00:00.000Z');
    expect(m.tradingStatus('demo')).toBe('manual_stopped');
    expect(m.canPlaceOrders('acme')).toBe(true);
    m.startTrading('demo');
    expect(m.tradingStatus('demo')).toBe('live');
  });

  it('cancels by exchange or fixture', () => {
    const { m } = model();
    m.insertOrder('demo', order(1));
    m.insertOrder('demo', order(2, { exchange: 'kalshi' }));
    expect(m.cancelAllOrders('demo', { exchange: 'kalshi' }).map((c) => c.payload.orderId)).toEqual(
      [2],
    );
    expect(m.cancelAllOrders('demo', { fixtureId: 'id0' })).toEqual([]);
  });

  it('pauses and resumes, and an emergency overrides both', () => {
    const { m, changes } = model();
    m.pauseTrading('demo');
    expect(m.tradingStatus('demo')).toBe('manual_paused');
    m.resumeTrading('demo');
    m.setEmergency(true, 'Manual trigger');
    expect(m.tradingStatus('demo')).toBe('emergency');
    expect(m.canPlaceOrders('demo')).toBe(false);
    expect(m.setEmergency(true, 'again')).toBeNull();
    m.setEmergency(false);
    expect(changes.map((c) => [c.channel, c.payload.emergency, c.payload.reason])).toEqual([
      ['emergency', true, 'Manual trigger'],
      ['emergency', false, null],
    ]);
    expect(changes[1]!.old).toEqual({
      emergency: true,
      reason: 'Manual trigger',
      triggeredAt: '2026-02-15T11:00:00.000Z',
    });
  });

  it('broadcasts score updates of known fixtures, globally', () => {
    const { m, changes } = model();
    m.addFixture({
      fixtureId: 'id1000000861624412',
      live: true,
      statusId: 1,
      currentPeriod: '2nd Half',
      currentMinute: 66,
      scores: { home: 1, away: 1, period1Home: 1, period1Away: 0 },
    });
    m.updateFixture('id1000000861624412', {
      currentMinute: 67,
      scores: { home: 2, away: 1, period1Home: 1, period1Away: 0 },
    });
    expect(changes).toEqual([
      {
        channel: 'scores',
        event: 'UPDATE',
        payload: expect.objectContaining({
          currentMinute: 67,
          scores: expect.objectContaining({ home: 2 }),
        }),
        old: { currentMinute: 66, scores: { home: 1, away: 1, period1Home: 1, period1Away: 0 } },
      },
    ]);
    expect(changes[0]!.client).toBeUndefined();
  });
});
