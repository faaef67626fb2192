import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../common/protocol/channels';
import { fastPayloadRecord } from '../../../common/protocol/payload-fast-path';
import {
  accountPayloadSchema,
  betPayloadSchema,
  emergencyPayloadSchema,
  orderPayloadSchema,
  scorePayloadSchema,
} from '../../../common/protocol/payloads';
import {
  parseServerFrame,
  parseServerFrameBySchemas,
} from '../../../common/protocol/server-frames';
import {
  broadcastFrame,
  changedFieldsOnly,
  createMarketScenario,
  type Naming,
} from '../../../main/simulator';

/**
 * The fast path is an optimisation, never a second specification: wherever it answers, it
 * must answer exactly what the zod schemas answer, and parseServerFrame must give the same
 * result as the schemas alone for any input.
 */

const schemas = {
  orders: orderPayloadSchema,
  bets: betPayloadSchema,
  accounts: accountPayloadSchema,
  scores: scorePayloadSchema,
  emergency: emergencyPayloadSchema,
} as const;

/** A JSON value written as raw text: what JSON.stringify cannot produce (1e999 is Infinity). */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold Raw parts and keys in any order, repeated or `__proto__`. */
function toJson(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value instanceof Map) {
    const fields = [...value].map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const ODD_NUMBERS = ['1e999', '-1e999', '-0', '1e-400', '1E3', '12345678901234567890'];

/** Anything a field might hold, valid for some field or none. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...ODD_NUMBERS).map((t) => new Raw(t)),
  fc.string({ maxLength: 6 }),
  fc.constant(''),
  fc.constantFrom('12.5', '-3', '1e3', '0x10', ' 7', '7 ', 'NaN', 'Infinity', '.5'),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.constant(new Map()),
  fc.constant(new Map<string, unknown>([['home', 1]])),
);

type FieldKind = 'id' | 'text' | 'label' | 'numeric' | 'boolean' | 'textOrNumber' | 'scores';

const wellFormed: Record<FieldKind, fc.Arbitrary<unknown>> = {
  id: fc.oneof(fc.integer({ min: 0 }), fc.string({ minLength: 1, maxLength: 8 })),
  text: fc.string({ maxLength: 8 }),
  label: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
  numeric: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  boolean: fc.boolean(),
  textOrNumber: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
  scores: fc
    .tuple(
      fc.option(fc.oneof(fc.integer({ min: 0, max: 9 }), anyValue)),
      fc.integer({ min: 0, max: 9 }),
      fc.option(fc.integer({ min: 0, max: 9 })),
      fc.option(anyValue, { freq: 10 }),
    )
    .map(([home, away, period1Home, proto]) => {
      const entries: [string, unknown][] = [['away', away]];
      if (home !== null) entries.unshift(['home', home]);
      if (period1Home !== null) entries.push(['period1Home', period1Home]);
      if (proto !== null) entries.push(['__proto__', proto]);
      return new Map(entries);
    }),
};

const FIELDS: Record<Channel, [string, FieldKind][]> = {
  orders: [
    ['orderId', 'id'],
    ['fixtureId', 'id'],
    ['outcomeId', 'id'],
    ['playerId', 'id'],
    ['exchange', 'text'],
    ['account', 'label'],
    ['exchangeOrderId', 'label'],
    ['orderStatus', 'text'],
    ['matchedStatus', 'text'],
    ['orderCents', 'numeric'],
    ['orderStake', 'numeric'],
    ['matchedStake', 'numeric'],
    ['back', 'boolean'],
    ['side', 'label'],
    ['settlementStatus', 'text'],
    ['bookmakerOutcomePrice', 'numeric'],
    ['createdAt', 'text'],
    ['matchedAt', 'text'],
    ['updatedAt', 'text'],
  ],
  bets: [
    ['betId', 'id'],
    ['orderId', 'id'],
    ['client', 'text'],
    ['bookmaker', 'text'],
    ['bookmakerBetId', 'textOrNumber'],
    ['placedPrice', 'numeric'],
    ['placedStake', 'numeric'],
    ['betStatus', 'text'],
    ['settlementStatus', 'text'],
    ['placedAt', 'text'],
  ],
  accounts: [
    ['username', 'text'],
    ['exchange', 'text'],
    ['active', 'boolean'],
    ['maxOutcomeStake', 'numeric'],
    ['balance', 'numeric'],
    ['createdAt', 'text'],
  ],
  scores: [
    ['fixtureId', 'id'],
    ['live', 'boolean'],
    ['statusId', 'textOrNumber'],
    ['currentPeriod', 'textOrNumber'],
    ['currentMinute', 'numeric'],
    ['scores', 'scores'],
  ],
  emergency: [
    ['emergency', 'boolean'],
    ['reason', 'text'],
    ['triggeredAt', 'text'],
  ],
};

/** Fields the schemas do not know, and names that are tricky on a plain object. */
const extraField = fc.tuple(
  fc.constantFrom(
    'extraField',
    'sentData',
    'id',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '0',
  ),
  fc.oneof(anyValue, fc.constant(new Map<string, unknown>([['requestId', 'r1']]))),
);

/**
 * A payload as JSON text: mostly well-formed fields (`wellFormedWeight` to 1 null and 1 odd
 * value), some missing; extra fields.
 */
function payloadText(channel: Channel, wellFormedWeight = 8): fc.Arbitrary<string> {
  const field = ([name, kind]: [string, FieldKind]) =>
    fc.option(
      fc.tuple(
        fc.constant(name),
        fc.oneof(
          { weight: wellFormedWeight, arbitrary: wellFormed[kind] },
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: anyValue },
        ),
      ),
      { freq: 6 },
    );
  return fc
    .tuple(
      fc.tuple(...FIELDS[channel].map(field)),
      fc.array(extraField, { maxLength: 3 }),
      fc.boolean(),
    )
    .map(([known, extra, shuffle]) => {
      const entries = [...known.filter((e) => e !== null), ...extra] as [string, unknown][];
      if (shuffle) entries.reverse();
      const fields = entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`);
      return `{${fields.join(',')}}`;
    });
}

function scenarioFrames(count: number, naming: Naming, changedOnly: boolean): string[] {
  const frames: string[] = [];
  const { model, scenario } = createMarketScenario([{ client: 'fast', name: 'Fast Path' }], {
    seed: 11,
    eventsPerSecond: 1_000,
  });
  model.onChange((change) =>
    frames.push(broadcastFrame(changedOnly ? changedFieldsOnly(change) : change, naming)),
  );
  while (frames.length < count) scenario.step(1);
  return frames.slice(0, count);
}

const DOCUMENTED_PAYLOADS: [Channel, unknown][] = [
  [
    'orders',
    { orderId: 123, exchange: 'polymarket', orderCents: 0.45, matchedStake: 100, extra: 'kept' },
  ],
  ['orders', { orderId: 'o-1', orderStatus: 'CANCELLED' }],
  ['orders', { id: 77, orderStake: '12.5' }],
  ['bets', { betId: 9, orderId: 123, betStatus: 'placed', placedStake: 100, placedPrice: 1.808 }],
  ['accounts', { username: 'u1', exchange: 'kalshi', active: true, balance: 1200.5 }],
  ['scores', { fixtureId: 'f1', live: true, currentMinute: 12, scores: { home: 1, away: 0 } }],
  ['emergency', { emergency: true, reason: 'Exposure limit', triggeredAt: '2026-05-01T09:00Z' }],
];

/**
 * Deep equality as node:assert's deepStrictEqual has it (same prototypes, own fields, values
 * by Object.is); vitest's toStrictEqual would also compare `.constructor`, which a payload
 * may carry as an ordinary field.
 */
function expectSame(actual: unknown, expected: unknown): void {
  if (isDeepStrictEqual(actual, expected)) return;
  expect(actual).toEqual(expected);
  expect.fail(`not deep-strict-equal: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
}

function expectSameAsSchema(channel: Channel, text: string): 'fast' | 'declined' {
  const payload = JSON.parse(text) as Record<string, unknown>;
  const fast = fastPayloadRecord(channel, payload);
  if (fast === undefined) return 'declined';
  const reference = schemas[channel].safeParse(payload);
  expect(reference.success).toBe(true);
  expectSame(fast, reference.data);
  // The payload as received stays as it was.
  expectSame(payload, JSON.parse(text));
  return 'fast';
}

describe('payload fast path', () => {
  for (const channel of CHANNELS) {
    it(`answers like the ${channel} schema whenever it answers`, () => {
      const seen = { fast: 0, declined: 0 };
      fc.assert(
        fc.property(payloadText(channel), (text) => {
          seen[expectSameAsSchema(channel, text)] += 1;
        }),
        { numRuns: 600 },
      );
      // Both sides of the equivalence were exercised.
      expect(seen.fast).toBeGreaterThan(20);
      expect(seen.declined).toBeGreaterThan(20);
    });
  }

  it('answers like the schemas for the documented examples', () => {
    for (const [channel, payload] of DOCUMENTED_PAYLOADS)
      expectSameAsSchema(channel, JSON.stringify(payload));
  });

  it("takes the simulator's well-formed frames, and answers like the schemas for them", () => {
    for (const text of [
      ...scenarioFrames(2_000, 'current', false),
      ...scenarioFrames(1_000, 'current', true),
    ]) {
      const frame = JSON.parse(text) as { channel: Channel; payload: unknown };
      expect(expectSameAsSchema(frame.channel, JSON.stringify(frame.payload))).toBe('fast');
    }
  });

  it('leaves legacy order ids, numeric strings and bad fields to the schemas', () => {
    const declined: [Channel, unknown][] = [
      ['orders', { id: 77 }],
      ['orders', { orderId: 1, id: null }],
      ['orders', { orderId: 1, orderStake: '12.5' }],
      ['orders', { orderId: '' }],
      ['orders', { orderCents: 0.4 }],
      ['bets', { betId: 1, placedStake: '3' }],
      ['bets', { orderId: 1 }],
      ['accounts', { balance: '10' }],
      ['scores', { fixtureId: 'f', scores: [1, 2] }],
      ['scores', { fixtureId: 'f', scores: { home: '1' } }],
      ['emergency', { emergency: 'true' }],
    ];
    for (const [channel, payload] of declined) {
      expect(fastPayloadRecord(channel, payload as Record<string, unknown>)).toBeUndefined();
    }
    expect(fastPayloadRecord('nope', { orderId: 1 })).toBeUndefined();
  });

  it('keeps the payload object as the record when no field needs converting', () => {
    const payload = { fixtureId: 'f1', live: true, scores: { home: 1, away: 0 }, extra: [1] };
    expect(fastPayloadRecord('scores', payload)).toBe(payload);
    const order = { orderId: 5, side: 'buy', extra: { a: 1 } };
    const record = fastPayloadRecord('orders', order);
    expect(record).toStrictEqual({ orderId: '5', side: 'buy', extra: { a: 1 } });
    expect(order.orderId).toBe(5);
  });
});

const envelopeField = (name: string, values: fc.Arbitrary<unknown>) =>
  fc.option(
    fc.tuple(fc.constant(name), values).map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`),
    { freq: 8 },
  );

/** The first value 9 times in 10, else one of the others. */
const mostly = (usual: unknown, ...others: unknown[]) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.constant(usual) },
    { weight: 1, arbitrary: fc.constantFrom(...others) },
  );

/** A broadcast frame as text: envelope fields mostly right, payloads as above. */
const broadcastText = fc
  .constantFrom(...CHANNELS)
  .chain((channel) =>
    fc.tuple(
      envelopeField('type', mostly('broadcast', 'Broadcast', 1)),
      envelopeField('channel', mostly(channel, 'trades', 'Orders')),
      envelopeField('event', mostly('UPDATE', 'INSERT', 'DELETE', 1)),
      fc.option(
        fc.oneof(
          { weight: 6, arbitrary: payloadText(channel, 40) },
          { weight: 1, arbitrary: anyValue.map(toJson) },
        ),
        { freq: 12 },
      ),
      fc.option(
        fc.oneof(
          payloadText(channel, 40),
          fc.constantFrom('null', '[]', '{"__proto__":{"a":1}}', '0', '"x"', '{}'),
        ),
      ),
      fc.option(fc.constantFrom('"seq":1', '"record":{}', '"__proto__":{}')),
    ),
  )
  .map(([type, channel, event, payload, old, extra]) => {
    const fields = [type, channel, event];
    if (payload !== null) fields.push(`"payload":${payload}`);
    if (old !== null) fields.push(`"old":${old}`);
    if (extra !== null) fields.push(extra);
    return `{${fields.filter((f) => f !== null).join(',')}}`;
  });

describe('parseServerFrame with the fast path', () => {
  it('gives what the schemas alone give, for broadcasts of any shape', () => {
    const seen = { ok: 0, failed: 0, okWithFastPayload: 0 };
    fc.assert(
      fc.property(broadcastText, (text) => {
        const result = parseServerFrame(text);
        expectSame(result, parseServerFrameBySchemas(text));
        seen[result.ok ? 'ok' : 'failed'] += 1;
        const frame = JSON.parse(text) as { channel?: unknown; payload?: unknown };
        if (result.ok && fastPayloadRecord(frame.channel, frame.payload) !== undefined)
          seen.okWithFastPayload += 1;
      }),
      { numRuns: 3_000 },
    );
    // Enough of each: accepted frames (most of them by the fast path) and rejected ones.
    expect(seen.okWithFastPayload).toBeGreaterThan(300);
    expect(seen.failed).toBeGreaterThan(300);
  });

  it('gives what the schemas alone give, for any text at all', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          expectSame(parseServerFrame(text), parseServerFrameBySchemas(text));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("gives what the schemas alone give for the simulator's frames, in both namings", () => {
    for (const text of [
      ...scenarioFrames(1_000, 'current', false),
      ...scenarioFrames(500, 'legacy', false),
      ...scenarioFrames(500, 'legacy', true),
    ]) {
      expectSame(parseServerFrame(text), parseServerFrameBySchemas(text));
    }
  });

  it('keeps the payload and old values as received, unknown fields included', () => {
    const text =
      '{"type":"broadcast","channel":"orders","event":"UPDATE","payload":{"orderId":7,"matchedStake":5,"extra":{"a":[1]}},"old":{"matchedStake":0}}';
    const result = parseServerFrame(text);
    expectSame(result, parseServerFrameBySchemas(text));
    expect(result).toMatchObject({
      ok: true,
      frame: {
        payload: { orderId: 7, matchedStake: 5, extra: { a: [1] } },
        old: { matchedStake: 0 },
        record: { orderId: '7', matchedStake: 5, extra: { a: [1] } },
      },
    });
  });
});
