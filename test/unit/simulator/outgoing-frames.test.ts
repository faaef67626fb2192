import { describe, expect, it } from 'vitest';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import { broadcastFrame, changedFieldsOnly } from '../../../main/simulator';
import { errorText, subscribedFrame } from '../../../main/simulator/outgoing-frames';

describe('outgoing frames', () => {
  it('writes the documented broadcast shape, old only when given', () => {
    expect(
      JSON.parse(
        broadcastFrame({ channel: 'bets', event: 'INSERT', payload: { betId: 1 } }, 'current'),
      ),
    ).toEqual({
      type: 'broadcast',
      channel: 'bets',
      event: 'INSERT',
      payload: { betId: 1 },
    });
  });

  it('keys orders by id under legacy naming, in payload and old, and nothing else', () => {
    const spec = {
      channel: 'orders' as const,
      event: 'UPDATE' as const,
      payload: { orderId: 7, orderStatus: 'FILLED' },
      old: { orderStatus: 'PLACED' },
    };
    expect(JSON.parse(broadcastFrame(spec, 'legacy'))).toMatchObject({
      payload: { id: 7, orderStatus: 'FILLED' },
    });
    const bet = broadcastFrame(
      { channel: 'bets', event: 'INSERT', payload: { betId: 1, orderId: 7 } },
      'legacy',
    );
    expect(JSON.parse(bet).payload).toEqual({ betId: 1, orderId: 7 });
    const parsed = parseServerFrame(broadcastFrame(spec, 'legacy'));
    expect(parsed.ok && parsed.frame.type === 'broadcast' && parsed.frame.record).toMatchObject({
      orderId: '7',
    });
  });

  it('names the subscription id in either spelling', () => {
    expect(subscribedFrame(3, ['orders'], 'current')).toBe(
      '{"type":"subscribed","subscriptionId":3,"channels":["orders"]}',
    );
    expect(subscribedFrame(3, ['orders'], 'legacy')).toBe(
      '{"type":"subscribed","subscription_id":3,"channels":["orders"]}',
    );
    for (const naming of ['current', 'legacy'] as const) {
      expect(parseServerFrame(subscribedFrame(3, ['orders'], naming))).toEqual({
        ok: true,
        frame: { type: 'subscribed', subscriptionId: 3, channels: ['orders'] },
      });
    }
  });

  it('spells the key errors the old way under legacy naming', () => {
    expect(errorText('apiKey required', 'legacy')).toBe('api_key required');
    expect(errorText('Invalid apiKey format', 'legacy')).toBe('Invalid api_key format');
    expect(errorText('Invalid API key', 'legacy')).toBe('Invalid API key');
    expect(errorText('Connection limit exceeded', 'current')).toBe('Connection limit exceeded');
  });

  it('can trim an UPDATE to the record identity and the changed fields', () => {
    const update = {
      channel: 'orders' as const,
      event: 'UPDATE' as const,
      payload: {
        orderId: 1,
        fixtureId: 'id1',
        orderStatus: 'FILLED',
        matchedStake: 100,
        orderStake: 100,
      },
      old: { orderStatus: 'PLACED', matchedStake: 0 },
    };
    expect(changedFieldsOnly(update).payload).toEqual({
      orderId: 1,
      orderStatus: 'FILLED',
      matchedStake: 100,
    });
    const insert = {
      channel: 'bets' as const,
      event: 'INSERT' as const,
      payload: { betId: 1, placedStake: 5 },
    };
    expect(changedFieldsOnly(insert)).toBe(insert);
  });
});
