// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateMarketDay } from '../support/market-day';

describe('the market day the dashboard tests are fed', () => {
  it('holds orders, hedges, scores and accounts, and batches that continue the snapshot', () => {
    const day = generateMarketDay({
      warmupEvents: 1_500,
      streamedEvents: 600,
      eventsPerSecond: 120,
    });
    const { feed } = day.snapshot;
    expect(feed.orders.length).toBeGreaterThan(20);
    expect(feed.bets.length).toBeGreaterThan(5);
    expect(feed.scores.length).toBeGreaterThan(0);
    expect(feed.accounts.length).toBeGreaterThan(0);
    expect(day.snapshot.lastEventSeq).toBe(1_500);
    const events = day.batches.flatMap((batch) => batch.events);
    expect(events.length).toBe(600);
    expect(events[0]!.seq).toBe(1_501);
    // About 2 events a frame at 120 a second: one batch per frame.
    expect(day.batches.length).toBeGreaterThan(250);
    expect(day.batches.every((batch) => batch.counters !== undefined)).toBe(true);
  });
});
