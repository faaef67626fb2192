import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NotificationIntent, NotificationKind } from '../../../common/domain/notifications';
import { type BurstSummary, Coalescer, type Notice } from '../../../main/alerts/coalescer';

const intentFor = (kind: NotificationKind, count: number, at: number): NotificationIntent => ({
  kind,
  title: kind,
  body: `${count}`,
  count,
  target: { view: 'feed' },
  urgent: false,
  at,
});

const notice = (kind: NotificationKind, orderId: string): Notice => ({
  kind,
  count: 1,
  stake: 1,
  venue: 'kalshi',
  orderId,
  render: (at) => intentFor(kind, 1, at),
});

const summarise = (summary: BurstSummary, at: number) => intentFor(summary.kind, summary.count, at);

describe('Coalescer', () => {
  it('names as next deadline exactly when a window holding notices ends', () => {
    const command = fc.oneof(
      fc.record({
        op: fc.constant('add' as const),
        kind: fc.constantFrom<NotificationKind>('fill', 'hedge', 'hedge-declined'),
        after: fc.integer({ min: 0, max: 1_500 }),
        orderId: fc.constantFrom('o1', 'o2', 'o3'),
      }),
      fc.record({ op: fc.constant('deadline' as const) }),
      fc.record({ op: fc.constant('window' as const), ms: fc.integer({ min: 0, max: 3_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        const coalescer = new Coalescer(1_000, summarise);
        let now = 0;
        let notices = 0;
        let delivered = 0;
        for (const cmd of commands) {
          if (cmd.op === 'add') {
            now += cmd.after;
            const out: NotificationIntent[] = [];
            coalescer.add(notice(cmd.kind, cmd.orderId), now, out);
            notices += 1;
            delivered += out.reduce((n, i) => n + i.count, 0);
          } else if (cmd.op === 'window') {
            coalescer.setWindowMs(cmd.ms);
          } else {
            const deadline = coalescer.nextDeadline();
            if (deadline === null) {
              expect(coalescer.flushDue(now + 1_000_000)).toEqual([]);
              now += 1_000_000;
              continue;
            }
            // Nothing before the deadline, something at it (which may have passed already).
            expect(coalescer.flushDue(deadline - 1)).toEqual([]);
            const due = coalescer.flushDue(deadline);
            expect(due.length).toBeGreaterThan(0);
            delivered += due.reduce((n, i) => n + i.count, 0);
            now = Math.max(now, deadline);
          }
        }
        // Nothing is lost: every notice went out, alone or in a summary.
        for (let deadline = coalescer.nextDeadline(); deadline !== null; ) {
          delivered += coalescer.flushDue(deadline).reduce((n, i) => n + i.count, 0);
          deadline = coalescer.nextDeadline();
        }
        expect(delivered).toBe(notices);
      }),
      { numRuns: 400 },
    );
  });
});
