import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyServerError, isAuthError } from '../../../common/protocol/server-errors';
import { parseServerFrame } from '../../../common/protocol/server-frames';

const parse = (frame: unknown) => parseServerFrame(JSON.stringify(frame));

describe('parseServerFrame', () => {
  it('reads the documented order fill, keeping the raw payload and old values', () => {
    const frame = {
      type: 'broadcast',
      channel: 'orders',
      event: 'UPDATE',
      payload: {
        orderId: 123,
        exchange: 'polymarket',
        orderCents: 0.45,
        matchedStake: 100.0,
        extraField: 'kept',
      },
      old: { orderStatus: 'PLACED', matchedStake: 0 },
    };
    const result = parse(frame);
    expect(result).toMatchObject({
      ok: true,
      frame: {
        type: 'broadcast',
        channel: 'orders',
        payload: frame.payload,
        old: frame.old,
        record: { orderId: '123', matchedStake: 100, extraField: 'kept' },
      },
    });
  });

  it('maps the legacy order `id` to orderId and accepts numbers sent as strings', () => {
    const result = parse({
      type: 'broadcast',
      channel: 'orders',
      event: 'INSERT',
      payload: { id: 77, orderStake: '12.5' },
    });
    expect(result).toMatchObject({
      ok: true,
      frame: { record: { orderId: '77', orderStake: 12.5 } },
    });
  });

  it('reads subscribed in both spellings', () => {
    expect(parse({ type: 'subscribed', subscriptionId: 1, channels: ['orders'] })).toEqual({
      ok: true,
      frame: { type: 'subscribed', subscriptionId: 1, channels: ['orders'] },
    });
    expect(parse({ type: 'subscribed', subscription_id: 2 })).toMatchObject({
      ok: true,
      frame: { subscriptionId: 2 },
    });
  });

  it('reads the error text from message, error or reason, with or without a type', () => {
    for (const field of ['message', 'error', 'reason']) {
      expect(parse({ type: 'error', [field]: 'Invalid API key' })).toEqual({
        ok: true,
        frame: { type: 'error', message: 'Invalid API key' },
      });
    }
    expect(parse({ error: 'apiKey required' })).toMatchObject({
      frame: { message: 'apiKey required' },
    });
  });

  it('reads pong and heartbeat', () => {
    expect(parse({ type: 'pong' })).toEqual({ ok: true, frame: { type: 'pong' } });
    expect(parse({ type: 'heartbeat' })).toEqual({ ok: true, frame: { type: 'heartbeat' } });
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['an array', '[1,2]', /not a JSON object/],
    ['an unknown type', '{"type":"surprise"}', /unknown frame type/],
    [
      'an unknown channel',
      '{"type":"broadcast","channel":"news","event":"INSERT","payload":{}}',
      /channel/,
    ],
    [
      'an order without id',
      '{"type":"broadcast","channel":"orders","event":"INSERT","payload":{"exchange":"kalshi"}}',
      /orderId/,
    ],
    [
      'a bet with a bad stake',
      '{"type":"broadcast","channel":"bets","event":"INSERT","payload":{"betId":1,"placedStake":"lots"}}',
      /placedStake/,
    ],
    [
      'an emergency without its flag',
      '{"type":"broadcast","channel":"emergency","event":"UPDATE","payload":{"reason":"x"}}',
      /emergency/,
    ],
  ])('reports %s as an error', (_name, text, message) => {
    const result = parseServerFrame(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('leaves no part of a key in the excerpt of a bad frame, even one cut at the excerpt end', () => {
    const key = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
    for (let at = 90; at <= 130; at++) {
      const text = `${'x'.repeat(at)}${key} and more`;
      const result = parseServerFrame(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).not.toContain(key.slice(0, 8));
        expect(result.error).not.toContain(key.slice(-12));
      }
    }
  });

  it('leaves no part of a key in the excerpt when ids redacted before it pull it forward', () => {
    const key = '5f0c3a9e-7d21-4b8e-9c64-2a1d3e5f7b90';
    const orderIds = [
      '0b7c4d2e-1f3a-4c5b-9d6e-7f8091a2b3c4',
      '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427',
    ];
    for (let at = 100; at <= 200; at++) {
      const head = `{"type":"nope","a":"${orderIds[0]}","b":"${orderIds[1]}","pad":"`;
      const text = `${head}${'x'.repeat(Math.max(0, at - head.length))}${key}"}`;
      const result = parseServerFrame(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).not.toContain(key.slice(0, 8));
        expect(result.error).not.toContain(key.slice(-12));
      }
    }
  });

  it('never throws, whatever arrives', () => {
    const broadcastish = fc.record({
      type: fc.constantFrom('broadcast', 'subscribed', 'error', 'pong', undefined, 5),
      channel: fc.oneof(
        fc.constantFrom('orders', 'bets', 'accounts', 'scores', 'emergency'),
        fc.string(),
      ),
      event: fc.oneof(fc.constantFrom('INSERT', 'UPDATE'), fc.anything()),
      payload: fc.oneof(fc.object(), fc.anything()),
      old: fc.anything(),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          broadcastish.map((f) => JSON.stringify(f)),
        ),
        (text) => {
          const result = parseServerFrame(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

describe('classifyServerError', () => {
  it.each([
    ['apiKey required', 'api-key-required'],
    ['api_key required', 'api-key-required'],
    ['Invalid apiKey format', 'invalid-key-format'],
    ['Invalid api_key format', 'invalid-key-format'],
    ['INVALID API KEY', 'invalid-key'],
    ['Invalid API key: client inactive', 'invalid-key'],
    ['Connection limit exceeded', 'connection-limit'],
    ['connection_limit_exceeded', 'connection-limit'],
    ['Internal error', 'other'],
  ])('%s → %s', (text, kind) => {
    expect(classifyServerError(text)).toBe(kind);
  });

  it('treats only key refusals as fatal', () => {
    expect(isAuthError('invalid-key')).toBe(true);
    expect(isAuthError('connection-limit')).toBe(false);
    expect(isAuthError('other')).toBe(false);
  });
});

describe('bad-frame reports', () => {
  it('never echo anything shaped like an API key', () => {
    const result = parseServerFrame(
      '{"type":"odd","apiKey":"3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427"}',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).not.toContain('3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427');
      expect(result.error).toContain('[redacted]');
    }
  });
});
