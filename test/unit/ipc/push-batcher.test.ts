import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Emitter } from '../../../common/emitter';
import type { MissingHedgeReport } from '../../../common/ipc/app-snapshot';
import type { PushChannel } from '../../../common/ipc/channels';
import type { PushPayloadOf } from '../../../common/ipc/contract';
import { MAX_PUSH_BYTES, type PushBatch } from '../../../common/ipc/push-batch';
import type { FeedEngineEvents } from '../../../main/engine';
import { PushBatcher, type PushBatcherOptions } from '../../../main/ipc/push-batcher';
import { emergency, errorRecord, marketEvents, notification, status } from './push-fixtures';

interface SentPush {
  at: number;
  batch: PushBatch;
  bytes: number;
}

function startBatcher(options: Partial<PushBatcherOptions> = {}) {
  const pushes: SentPush[] = [];
  const send = <C extends PushChannel>(channel: C, payload: PushPayloadOf<C>) => {
    expect(channel).toBe('push:batch');
    const batch = payload as PushBatch;
    pushes.push({ at: Date.now(), batch, bytes: Buffer.byteLength(JSON.stringify(batch)) });
  };
  const batcher = new PushBatcher({ send, now: () => Date.now(), ...options });
  return { batcher, pushes };
}

/** The most pushes sent within any one-second window. */
function mostPushesInOneSecond(pushes: SentPush[]): number {
  let most = 0;
  for (let i = 0; i < pushes.length; i++) {
    const inWindow = pushes.filter((p) => p.at >= pushes[i]!.at && p.at < pushes[i]!.at + 1_000);
    most = Math.max(most, inWindow.length);
  }
  return most;
}

const seqs = (pushes: SentPush[]) => pushes.flatMap((p) => p.batch.events.map((e) => e.seq));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PushBatcher', () => {
  it('turns 10,000 events in one second into at most 60 pushes under 64 KB, dropping only the oldest events', () => {
    const events = marketEvents(10_000);
    const { batcher, pushes } = startBatcher();
    let notified = 0;
    let errors = 0;
    for (let ms = 0; ms < 1_000; ms++) {
      for (let i = 0; i < 10; i++) batcher.pushEvent(events[ms * 10 + i]!);
      if (ms % 7 === 0) batcher.pushNotification(notification(++notified));
      if (ms % 11 === 0) batcher.pushError(errorRecord(++errors));
      if (ms % 100 === 0) batcher.pushStatus(status(ms % 200 === 0 ? 'live' : 'reconnecting', ms));
      if (ms === 500) batcher.pushGap({ from: 1, to: 2 });
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(1_000);

    expect(mostPushesInOneSecond(pushes)).toBeLessThanOrEqual(60);
    for (const push of pushes) expect(push.bytes).toBeLessThan(MAX_PUSH_BYTES);

    const sent = seqs(pushes);
    const dropped = pushes.reduce((sum, p) => sum + (p.batch.dropped ?? 0), 0);
    expect(sent.length + dropped).toBe(10_000);
    expect(dropped).toBeGreaterThan(0); // more than 60 × 64 KB a second: some had to go
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(sent.at(-1)).toBe(10_000); // the newest always arrives

    const notes = pushes.flatMap((p) => p.batch.notifications.map((n) => n.at));
    expect(notes).toEqual(Array.from({ length: notified }, (_, i) => i + 1));
    const errs = pushes.flatMap((p) => p.batch.errors.map((e) => e.at));
    expect(errs).toEqual(Array.from({ length: errors }, (_, i) => i + 1));
    expect(pushes.flatMap((p) => p.batch.gaps)).toEqual([{ from: 1, to: 2 }]);
    const statuses = pushes.flatMap((p) => (p.batch.status ? [p.batch.status.since] : []));
    expect(statuses).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(batcher.stats()).toMatchObject({
      pushes: pushes.length,
      eventsSent: sent.length,
      eventsDropped: dropped,
      largestPushBytes: Math.max(...pushes.map((p) => p.bytes)),
    });
  });

  it('says how many events were dropped right before the events that follow them', () => {
    const events = marketEvents(2_000);
    const { batcher, pushes } = startBatcher();
    for (const event of events) batcher.pushEvent(event);
    vi.advanceTimersByTime(1_000);

    let expectedNext = 1;
    for (const { batch } of pushes) {
      if (batch.events.length === 0) continue;
      expect(batch.events[0]!.seq).toBe(expectedNext + (batch.dropped ?? 0));
      expectedNext = batch.events.at(-1)!.seq + 1;
    }
    expect(expectedNext).toBe(2_001);
  });

  it('says once that the feed restarted, in a batch of its own when nothing else is due', () => {
    const { batcher, pushes } = startBatcher();
    batcher.pushRestart();
    vi.advanceTimersByTime(100);
    expect(pushes.map((p) => p.batch)).toEqual([
      { events: [], notifications: [], errors: [], gaps: [], restarted: true },
    ]);
    // With the new feed's first events, and under the size limit however full the batch.
    const events = marketEvents(200);
    batcher.pushRestart();
    for (const event of events) batcher.pushEvent(event);
    vi.advanceTimersByTime(1_000);
    const after = pushes.slice(1);
    expect(after.filter((p) => p.batch.restarted).length).toBe(1);
    expect(after[0]!.batch.restarted).toBe(true);
    expect(Math.max(...after.map((p) => p.bytes))).toBeLessThanOrEqual(MAX_PUSH_BYTES);
    expect(seqs(after)).toEqual(events.map((e) => e.seq));
  });

  it('delivers a burst that fits the backlog in full, spread over several frames', () => {
    const events = marketEvents(150); // about 150 KB: three pushes' worth
    const { batcher, pushes } = startBatcher();
    for (const event of events) batcher.pushEvent(event);
    vi.advanceTimersByTime(200);

    expect(pushes.length).toBeGreaterThanOrEqual(3);
    expect(seqs(pushes)).toEqual(events.map((e) => e.seq));
    expect(pushes.every((p) => p.batch.dropped === undefined)).toBe(true);
    for (let i = 1; i < pushes.length; i++) {
      expect(pushes[i]!.at - pushes[i - 1]!.at).toBeGreaterThanOrEqual(17);
    }
  });

  it('pushes the first output after a quiet spell at once, then waits out the frame', () => {
    const [first, second, third] = marketEvents(3);
    const { batcher, pushes } = startBatcher();
    batcher.pushEvent(first!);
    vi.advanceTimersByTime(0);
    expect(seqs(pushes)).toEqual([1]);

    batcher.pushEvent(second!);
    batcher.pushEvent(third!);
    vi.advanceTimersByTime(16);
    expect(pushes).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(pushes).toHaveLength(2);
    expect(seqs(pushes)).toEqual([1, 2, 3]);
  });

  it('coalesces status changes to the latest one', () => {
    const { batcher, pushes } = startBatcher();
    batcher.pushStatus(status('connecting', 1));
    batcher.pushStatus(status('live', 2));
    batcher.pushStatus(status('reconnecting', 3));
    vi.advanceTimersByTime(20);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.batch.status).toEqual(status('reconnecting', 3));
  });

  it('spreads a flood of notifications and errors over several pushes without losing one', () => {
    const { batcher, pushes } = startBatcher();
    const longBody = 'x'.repeat(1_500);
    for (let i = 1; i <= 200; i++) {
      batcher.pushNotification(notification(i, longBody));
      batcher.pushError(errorRecord(i, longBody));
    }
    vi.advanceTimersByTime(1_000);

    expect(pushes.length).toBeGreaterThan(5);
    for (const push of pushes) expect(push.bytes).toBeLessThan(MAX_PUSH_BYTES);
    const expected = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(pushes.flatMap((p) => p.batch.notifications.map((n) => n.at))).toEqual(expected);
    expect(pushes.flatMap((p) => p.batch.errors.map((e) => e.at))).toEqual(expected);
  });

  it('clips very long texts so that any one notification or error fits in a push', () => {
    const { batcher, pushes } = startBatcher();
    batcher.pushError(errorRecord(1, 'e'.repeat(200_000)));
    batcher.pushNotification(notification(1, '注'.repeat(200_000)));
    batcher.pushStatus({ ...status('stopped'), reason: 'r'.repeat(200_000) });
    vi.advanceTimersByTime(20);

    expect(pushes).toHaveLength(1);
    const { batch, bytes } = pushes[0]!;
    expect(bytes).toBeLessThan(MAX_PUSH_BYTES);
    expect(batch.errors[0]!.message).toMatch(/^e{1000,}…$/);
    expect(batch.notifications[0]!.body).toMatch(/^注{1000,}…$/);
    expect(batch.status!.reason).toMatch(/^r{1000,}…$/);
  });

  it('delivers a notification whose target id is too long for a push, clipped, and all after it', () => {
    const { batcher, pushes } = startBatcher();
    const longId = 'x'.repeat(70_000);
    batcher.pushNotification({ ...notification(1), target: { view: 'order', orderId: longId } });
    batcher.pushNotification({
      ...notification(2),
      target: { view: 'hedge', betId: '7', orderId: longId },
    });
    batcher.pushNotification(notification(3));
    batcher.pushNotification(emergency(4));
    vi.advanceTimersByTime(100);

    for (const push of pushes) expect(push.bytes).toBeLessThan(MAX_PUSH_BYTES);
    const delivered = pushes.flatMap((p) => p.batch.notifications);
    expect(delivered.map((n) => n.at)).toEqual([1, 2, 3, 4]);
    expect(delivered[0]!.target).toEqual({
      view: 'order',
      orderId: expect.stringMatching(/^x{100,}…$/),
    });
    expect(delivered[1]!.target).toMatchObject({ view: 'hedge', betId: '7' });
    expect(delivered[2]!.target).toEqual({ view: 'order', orderId: '3' });
    expect(delivered[3]!.kind).toBe('emergency');
    expect(pushes.some((p) => p.batch.dropped !== undefined)).toBe(false);
  });

  it('drops a notification too large for any push and counts it, so the emergency after it goes', () => {
    const { batcher, pushes } = startBatcher({ maxPushBytes: 4_000 });
    batcher.pushNotification(notification(1, '注'.repeat(2_000)));
    batcher.pushNotification(notification(2));
    batcher.pushNotification(emergency(3));
    vi.advanceTimersByTime(100);

    expect(pushes.flatMap((p) => p.batch.notifications.map((n) => n.at))).toEqual([2, 3]);
    expect(pushes[0]!.batch.dropped).toBe(1);
    expect(batcher.stats()).toMatchObject({ oversizedDropped: 1, eventsDropped: 0 });
  });

  it('drops an event too large for any push, and counts it', () => {
    const [small, huge, after] = marketEvents(3);
    const { batcher, pushes } = startBatcher();
    (huge!.payload as Record<string, unknown>).blob = 'b'.repeat(100_000);
    batcher.pushEvent(small!);
    batcher.pushEvent(huge!);
    batcher.pushEvent(after!);
    vi.advanceTimersByTime(20);

    expect(seqs(pushes)).toEqual([small!.seq, after!.seq]);
    expect(pushes[0]!.batch.dropped).toBe(1);
  });

  it('measures only what it sends: taking an event costs no serialisation', () => {
    const events = marketEvents(5_000);
    let serialised = 0;
    for (const event of events) {
      Object.defineProperty(event, 'toJSON', {
        value() {
          serialised++;
          const { toJSON: _, ...plain } = this as typeof event & { toJSON: unknown };
          return plain;
        },
      });
    }
    const sentSizes: { events: number; serialisedBeforeSend: number }[] = [];
    const batcher = new PushBatcher({
      now: () => Date.now(),
      send: (_channel, payload) => {
        const batch = payload as PushBatch;
        sentSizes.push({ events: batch.events.length, serialisedBeforeSend: serialised });
      },
    });
    for (const event of events) batcher.pushEvent(event);
    expect(serialised).toBe(0);
    vi.advanceTimersByTime(0);

    // The push's own events, plus the one that did not fit.
    expect(sentSizes).toHaveLength(1);
    expect(sentSizes[0]!.serialisedBeforeSend).toBe(sentSizes[0]!.events + 1);
  });

  it('attaches the summary, cutting a long missing-hedge list to fit', () => {
    const missingHedges: MissingHedgeReport = {
      fillsMissingHedge: 5_000,
      orders: Array.from({ length: 5_000 }, (_, i) => ({
        orderId: `order-${i}`,
        exchange: 'polymarket',
        fixtureId: `fixture-${i}`,
        stake: 10,
        fills: 1,
        since: i,
      })),
    };
    const counters = {
      dayStart: 0,
      events: 1,
      fills: 1,
      matchedStake: 10,
      hedgesPlaced: 0,
      hedgesPending: 0,
      hedgesDeclined: 0,
    };
    const { batcher, pushes } = startBatcher({ summarize: () => ({ counters, missingHedges }) });
    batcher.pushEvent(marketEvents(1)[0]!);
    vi.advanceTimersByTime(20);

    const { batch, bytes } = pushes[0]!;
    expect(bytes).toBeLessThan(MAX_PUSH_BYTES);
    expect(batch.counters).toEqual(counters);
    expect(batch.missingHedges!.fillsMissingHedge).toBe(5_000);
    const kept = batch.missingHedges!.orders;
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(5_000);
    expect(kept).toEqual(missingHedges.orders.slice(0, kept.length)); // the oldest
    // The list is cut, the count of orders is not.
    expect(batch.missingHedges!.ordersMissingHedge).toBe(5_000);
  });

  it('counts the orders missing a hedge when nothing had to be cut', () => {
    const order = { orderId: 'o1', exchange: null, fixtureId: null, stake: 5, fills: 2, since: 1 };
    const missingHedges = { fillsMissingHedge: 2, orders: [order] };
    const { batcher, pushes } = startBatcher({ summarize: () => ({ missingHedges }) });
    batcher.pushEvent(marketEvents(1)[0]!);
    vi.advanceTimersByTime(20);
    expect(pushes[0]!.batch.missingHedges).toEqual({ ...missingHedges, ordersMissingHedge: 1 });
  });

  it('pushes the summary alone when a tick changed it, and nothing when it did not', () => {
    let fillsMissingHedge = 0;
    const { batcher, pushes } = startBatcher({
      summarize: () => ({ missingHedges: { fillsMissingHedge, orders: [] } }),
    });
    batcher.pushEvent(marketEvents(1)[0]!);
    vi.advanceTimersByTime(20);
    expect(pushes).toHaveLength(1);

    batcher.pushSummary(); // a tick with nothing new
    vi.advanceTimersByTime(20);
    expect(pushes).toHaveLength(1);

    fillsMissingHedge = 1; // a hedge went missing with no event
    batcher.pushSummary();
    vi.advanceTimersByTime(20);
    expect(pushes.map((p) => p.batch)).toEqual([
      expect.anything(),
      {
        events: [],
        notifications: [],
        errors: [],
        gaps: [],
        missingHedges: { fillsMissingHedge: 1, ordersMissingHedge: 0, orders: [] },
      },
    ]);
  });

  it('sends nothing while no window is open, and keeps nothing for later', () => {
    let windows = 0;
    const { batcher, pushes } = startBatcher({ hasReceivers: () => windows > 0 });
    const events = marketEvents(20);
    for (const event of events.slice(0, 10)) batcher.pushEvent(event);
    batcher.pushNotification(notification(1));
    vi.advanceTimersByTime(100);
    expect(pushes).toHaveLength(0);

    windows = 1;
    for (const event of events.slice(10)) batcher.pushEvent(event);
    vi.advanceTimersByTime(100);
    expect(seqs(pushes)).toEqual(events.slice(10).map((e) => e.seq));
    expect(pushes.flatMap((p) => p.batch.notifications)).toEqual([]);
  });

  it('reports the exact size of what it sent', () => {
    const { batcher, pushes } = startBatcher();
    for (const event of marketEvents(300)) batcher.pushEvent(event);
    batcher.pushStatus(status('live'));
    batcher.pushGap({ from: 5, to: 9 });
    vi.advanceTimersByTime(500);
    expect(batcher.stats().largestPushBytes).toBe(Math.max(...pushes.map((p) => p.bytes)));
  });

  it('stops pushing once disposed', () => {
    const { batcher, pushes } = startBatcher();
    batcher.pushEvent(marketEvents(1)[0]!);
    batcher.dispose();
    batcher.pushNotification(notification(1));
    vi.advanceTimersByTime(100);
    expect(pushes).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('PushBatcher.listenTo', () => {
  /** Like FeedController: the engine's events and more. */
  type SourceEvents = FeedEngineEvents & { demo: [demo: boolean] };
  class FakeSource extends Emitter<SourceEvents> {
    fire<K extends keyof SourceEvents>(event: K, ...args: SourceEvents[K]) {
      this.emit(event, ...args);
    }
  }

  it('takes a feed source’s status, events, notifications, errors and gaps until detached', () => {
    vi.useFakeTimers();
    const source = new FakeSource();
    const { batcher, pushes } = startBatcher();
    const detach = batcher.listenTo(source);
    const [event] = marketEvents(1);
    source.fire('status', status('live', 5));
    source.fire('event', event!);
    source.fire('notification', notification(1));
    source.fire('error', errorRecord(1));
    source.fire('gap', { from: 1, to: 2 });
    source.fire('demo', true);
    vi.advanceTimersByTime(20);
    expect(pushes.map((p) => p.batch)).toEqual([
      {
        status: status('live', 5),
        events: [event],
        notifications: [notification(1)],
        errors: [errorRecord(1)],
        gaps: [{ from: 1, to: 2 }],
      },
    ]);

    detach();
    source.fire('event', event!);
    vi.advanceTimersByTime(100);
    expect(pushes).toHaveLength(1);
    vi.useRealTimers();
  });
});
