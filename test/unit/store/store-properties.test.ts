import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../../common/domain/events';
import { CHANNELS } from '../../../common/protocol/channels';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import { FeedStore } from '../../../main/store/feed-store';
import { expectWithinLimits } from './feed-events';

const LIMITS = { maxOrders: 20, maxBets: 20, maxScores: 10, maxAccounts: 5, recentCapacity: 15 };

const smallId = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom('1', '2', 'x', ''));
const oddValue = fc.oneof(
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(
    'PLACED',
    'FILLED',
    'placed',
    'pending',
    'declined',
    'FULLY_MATCHED',
    '12.5',
    '-3',
    'NaN',
    '',
  ),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.constantFrom('home', 'away', 'x'), fc.oneof(fc.integer(), fc.string())),
);
const payload = fc.dictionary(
  fc.constantFrom(
    'orderId',
    'id',
    'betId',
    'fixtureId',
    'exchange',
    'username',
    'orderStatus',
    'matchedStatus',
    'orderStake',
    'matchedStake',
    'orderCents',
    'betStatus',
    'settlementStatus',
    'placedStake',
    'emergency',
    'reason',
    'triggeredAt',
    'live',
    'scores',
    'active',
    'balance',
    'extra',
  ),
  fc.oneof(smallId, oddValue),
);
const frame = fc.record({
  type: fc.constant('broadcast'),
  channel: fc.constantFrom(...CHANNELS),
  event: fc.constantFrom('INSERT', 'UPDATE'),
  payload,
  old: fc.option(payload, { nil: undefined }),
});

/** Events that skipped validation: what a bug upstream might hand the store. */
const oddEvent = fc.record({
  type: fc.constant('broadcast'),
  channel: fc.constantFrom(...CHANNELS, 'nonsense'),
  event: fc.constantFrom('INSERT', 'UPDATE'),
  payload: fc.constant({}),
  record: fc.oneof(fc.constant(null), fc.constant(undefined), payload),
  old: fc.option(fc.oneof(payload, fc.constant(null)), { nil: undefined }),
  seq: fc.integer(),
  receivedAt: fc.oneof(fc.integer(), fc.constant(Number.NaN)),
}) as unknown as fc.Arbitrary<FeedEvent>;

describe('FeedStore properties', () => {
  it('never throws and stays within its limits, whatever the events', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(frame, oddEvent), fc.integer({ min: 0, max: 4 * 86_400_000 })), {
          maxLength: 80,
        }),
        (steps) => {
          const store = new FeedStore({ ...LIMITS, dayStart: (t) => t - (t % 86_400_000) });
          let seq = 0;
          for (const [input, now] of steps) {
            let event: FeedEvent | undefined;
            if ('record' in input) event = input;
            else {
              const parsed = parseServerFrame(JSON.stringify(input));
              if (parsed.ok && parsed.frame.type === 'broadcast') {
                event = { ...parsed.frame, seq: ++seq, receivedAt: now };
              }
            }
            if (!event) continue;
            for (const effect of store.apply(event, now)) {
              if (effect.kind === 'fill') {
                expect(effect.matchedDelta).toBeGreaterThan(0);
                expect(Number.isFinite(effect.matchedDelta)).toBe(true);
              }
            }
          }
          expectWithinLimits(store, LIMITS);
          const snapshot = store.snapshot(steps.at(-1)?.[1]);
          expect(snapshot.orders.length).toBe(store.sizes().orders);
          expect(snapshot.counters.fills).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
