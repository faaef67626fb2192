import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONNECTION_STATES } from '../../../common/domain/connection';
import { NOTIFICATION_KINDS } from '../../../common/domain/notifications';
import { CHANNELS } from '../../../common/protocol/channels';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import { NotificationPolicy } from '../../../main/alerts/notification-policy';
import { FeedStore } from '../../../main/store/feed-store';

const id = fc.integer({ min: 0, max: 8 });
const payload = fc.record(
  {
    orderId: id,
    betId: id,
    fixtureId: id,
    exchange: fc.constantFrom('polymarket', 'kalshi', ''),
    bookmaker: fc.constantFrom('vertex', 'pinnacle'),
    orderStake: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constant(null)),
    matchedStake: fc.oneof(
      fc.integer({ min: -5, max: 200 }),
      fc.constant('7.5'),
      fc.constant(null),
    ),
    orderCents: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(null)),
    betStatus: fc.constantFrom('placed', 'pending', 'declined', 'weird', 'PLACED'),
    placedStake: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant(null)),
    emergency: fc.boolean(),
    reason: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constant('key 123e4567-e89b-12d3-a456-426614174000'),
    ),
    triggeredAt: fc.constantFrom('2026-02-15T10:30:00Z', 'not a date'),
  },
  { requiredKeys: [] },
);

const command = fc.oneof(
  fc.record({
    type: fc.constant('event' as const),
    channel: fc.constantFrom(...CHANNELS),
    event: fc.constantFrom('INSERT', 'UPDATE'),
    payload,
    old: fc.option(payload, { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('status' as const),
    state: fc.constantFrom(...CONNECTION_STATES),
    sinceOffset: fc.integer({ min: -100_000, max: 1_000 }),
    reason: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  }),
  fc.record({ type: fc.constant('tick' as const) }),
  fc.record({
    type: fc.constant('quiet' as const),
    until: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
  }),
  fc.record({
    type: fc.constant('kinds' as const),
    kinds: fc.option(fc.subarray([...NOTIFICATION_KINDS]), { nil: null }),
  }),
  fc.record({ type: fc.constant('grace' as const), ms: fc.integer({ min: 0, max: 30_000 }) }),
);

describe('NotificationPolicy properties', () => {
  it('never throws and only ever produces well-formed notifications', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(command, fc.integer({ min: 0, max: 20_000 })), { maxLength: 60 }),
        (steps) => {
          const policy = new NotificationPolicy({ timeZone: 'UTC', coalesceWindowMs: 2_000 });
          const store = new FeedStore({ missingHedges: () => policy.missingHedges() });
          let now = 0;
          let seq = 0;
          for (const [cmd, advance] of steps) {
            now += advance;
            let out: ReturnType<NotificationPolicy['tick']> = [];
            switch (cmd.type) {
              case 'event': {
                const { type: _, ...frame } = cmd;
                const parsed = parseServerFrame(JSON.stringify({ type: 'broadcast', ...frame }));
                if (!parsed.ok || parsed.frame.type !== 'broadcast') break;
                const effects = store.apply({ ...parsed.frame, seq: ++seq, receivedAt: now }, now);
                out = policy.onEffects(effects, now);
                const emergencies = effects.filter((e) => e.kind.startsWith('emergency')).length;
                expect(out.filter((i) => i.kind.startsWith('emergency'))).toHaveLength(emergencies);
                break;
              }
              case 'status':
                out = policy.onStatus(
                  {
                    state: cmd.state,
                    since: now + cmd.sinceOffset,
                    reason: cmd.reason,
                    attempt: 1,
                  },
                  now,
                );
                break;
              case 'tick': {
                const deadline = policy.nextDeadline();
                if (deadline !== null) now = Math.max(now, deadline);
                out = policy.tick(now);
                break;
              }
              case 'quiet':
                policy.setQuietUntil(cmd.until);
                break;
              case 'kinds':
                policy.setEnabledKinds(cmd.kinds);
                break;
              case 'grace':
                policy.setHedgeGraceMs(cmd.ms);
                break;
            }
            for (const intent of out) {
              expect(NOTIFICATION_KINDS).toContain(intent.kind);
              expect(Number.isInteger(intent.count) && intent.count >= 1).toBe(true);
              expect(intent.title.length).toBeGreaterThan(0);
              expect(intent.body.length).toBeGreaterThan(0);
              expect(intent.at).toBe(now);
              expect(`${intent.title} ${intent.body}`).not.toMatch(/123e4567/);
            }
            const deadline = policy.nextDeadline();
            if (deadline !== null) expect(Number.isFinite(deadline)).toBe(true);
            const report = policy.missingHedges();
            expect(report.fillsMissingHedge).toBe(report.orders.reduce((n, o) => n + o.fills, 0));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
