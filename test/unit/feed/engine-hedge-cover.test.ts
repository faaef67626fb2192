import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import { FeedEngine } from '../../../main/engine';
import type { BetRecord } from '../../../main/store/records';

const T0 = Date.UTC(2026, 4, 1, 9, 0, 0);
const GRACE = 15_000;

function fillFrame(orderId: number, matched: number) {
  const result = parseServerFrame(
    JSON.stringify({
      type: 'broadcast',
      channel: 'orders',
      event: 'UPDATE',
      payload: { orderId, exchange: 'kalshi', orderStake: 100, matchedStake: matched },
      old: { matchedStake: 0 },
    }),
  );
  if (!result.ok) throw new Error(result.error);
  return result.frame;
}

/** The hedge bet as REST lists it: placed while the socket was down. */
const placedBet = (orderId: string): BetRecord => ({
  betId: 'b1',
  orderId,
  bookmaker: 'pinnacle',
  betStatus: 'placed',
  placedAt: new Date(T0 + 5_000).toISOString(),
});

/** An engine fed by hand (no socket), notifying at once (no coalescing). */
function newEngine(): FeedEngine {
  return new FeedEngine({
    url: 'ws://127.0.0.1:9/ws/subscribe',
    apiKey: '123e4567-e89b-42d3-a456-426614174000',
    channels: ['orders', 'bets'],
    policy: { timeZone: 'UTC', hedgeGraceMs: GRACE, coalesceWindowMs: 0 },
  });
}

describe('FeedEngine: a hedge placed while the socket was down', () => {
  let engine: FeedEngine;
  let seen: NotificationIntent[];
  let ticks: number[];

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    engine = newEngine();
    seen = [];
    ticks = [];
    engine.on('notification', (n) => seen.push(n));
    engine.on('tick', (at) => ticks.push(at));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const missing = () => seen.filter((n) => n.kind === 'hedge-missing');

  it('covers a fill still waiting when the reconciliation merges the bet', () => {
    engine.handleFrame(fillFrame(1, 100), T0);
    vi.advanceTimersByTime(10_000);
    engine.mergeState({ bets: [placedBet('1')], news: { since: T0 + 1_000 } });
    vi.advanceTimersByTime(GRACE * 2);

    expect(missing()).toEqual([]);
    expect(engine.policy.fillsMissingHedge).toBe(0);
    expect(engine.policy.missingHedges().orders).toEqual([]);
    // Silent: no hedge notification for a bet the socket never broadcast.
    expect(seen.map((n) => n.kind)).toEqual(['fill']);
  });

  it('clears a fill that went missing before the merge, and tells listeners to re-read', () => {
    engine.handleFrame(fillFrame(1, 100), T0);
    vi.advanceTimersByTime(GRACE + 1_000);
    expect(engine.policy.fillsMissingHedge).toBe(1);
    ticks = [];

    engine.mergeState({ bets: [placedBet('1')], news: { since: T0 + 1_000 } });
    expect(engine.policy.fillsMissingHedge).toBe(0);
    expect(engine.snapshot().missingHedges).toEqual({ fillsMissingHedge: 0, orders: [] });
    expect(ticks).toEqual([T0 + GRACE + 1_000]);
  });

  it('leaves a fill of another order waiting for its own hedge', () => {
    engine.handleFrame(fillFrame(1, 100), T0);
    engine.handleFrame(fillFrame(2, 100), T0);
    engine.mergeState({ bets: [placedBet('1')], news: { since: T0 + 1_000 } });
    vi.advanceTimersByTime(GRACE);
    expect(missing()).toEqual([
      expect.objectContaining({ target: expect.objectContaining({ orderId: '2' }) }),
    ]);
    expect(engine.policy.fillsMissingHedge).toBe(1);
  });
});

function betFrame(betStatus: string) {
  const result = parseServerFrame(
    JSON.stringify({
      type: 'broadcast',
      channel: 'bets',
      event: 'INSERT',
      payload: { betId: 'b1', orderId: 1, bookmaker: 'pinnacle', betStatus, placedStake: 250 },
    }),
  );
  if (!result.ok) throw new Error(result.error);
  return result.frame;
}

describe('FeedEngine: a hedge declined while the socket was down', () => {
  let engine: FeedEngine;
  let seen: NotificationIntent[];

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    engine = newEngine();
    seen = [];
    engine.on('notification', (n) => seen.push(n));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const declinedCopy = (): BetRecord => ({ ...placedBet('1'), betStatus: 'declined' });

  it('tells the trader, as the broadcast would have, and watches the fill again', () => {
    engine.handleFrame(fillFrame(1, 100), T0);
    engine.handleFrame(betFrame('pending'), T0 + 1_000);
    vi.advanceTimersByTime(GRACE * 2);
    expect(engine.policy.fillsMissingHedge).toBe(0);

    engine.mergeState({ bets: [declinedCopy()], news: { since: T0 + 2_000 } });
    expect(seen.map((n) => n.kind)).toEqual(['fill', 'hedge', 'hedge-declined']);
    expect(engine.snapshot().counters.hedgesDeclined).toBe(1);
    vi.advanceTimersByTime(GRACE + 1_000);
    expect(engine.policy.fillsMissingHedge).toBe(1);
    expect(seen.map((n) => n.kind)).toContain('hedge-missing');
  });

  it('says nothing of a bet it never held as live, or one already known declined', () => {
    engine.mergeState({ bets: [declinedCopy()], news: { since: T0 } });
    engine.handleFrame(betFrame('declined'), T0 + 1_000);
    seen = [];
    engine.mergeState({ bets: [declinedCopy()], news: { since: T0 + 2_000 } });
    expect(seen).toEqual([]);
    expect(engine.snapshot().counters.hedgesDeclined).toBe(0);
  });
});

describe('FeedEngine: today’s hedge counts after a gap', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts hedges placed during the gap, as their broadcasts would have been', () => {
    const engine = newEngine();
    engine.handleFrame(fillFrame(1, 100), T0);
    engine.mergeState({ bets: [placedBet('1')], news: { since: T0 + 1_000 } });
    expect(engine.snapshot().counters).toMatchObject({ hedgesPlaced: 1, hedgesPending: 0 });
  });

  it('counts a pending hedge that was placed meanwhile once, as placed', () => {
    const engine = newEngine();
    engine.handleFrame(fillFrame(1, 100), T0);
    engine.handleFrame(betFrame('pending'), T0 + 1_000);
    expect(engine.snapshot().counters).toMatchObject({ hedgesPlaced: 0, hedgesPending: 1 });
    engine.mergeState({ bets: [placedBet('1')], news: { since: T0 + 2_000 } });
    expect(engine.snapshot().counters).toMatchObject({ hedgesPlaced: 1, hedgesPending: 1 });
  });

  it('does not count history: bets placed before the gap, or any without news', () => {
    const engine = newEngine();
    engine.mergeState({ bets: [placedBet('1')], news: { since: T0 + 60_000 } });
    engine.mergeState({ bets: [{ ...placedBet('2'), betId: 'b2' }] });
    expect(engine.snapshot().counters).toMatchObject({ hedgesPlaced: 0, hedgesPending: 0 });
  });
});

describe('FeedEngine: a hedge REST lists from before a fill', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not cover the fill: the order is reported missing its hedge after the grace', () => {
    const engine = newEngine();
    engine.handleFrame(fillFrame(1, 100), T0);
    // The first reconcile lists this morning's hedge of an earlier fill of the same order.
    const morning = { ...placedBet('1'), placedAt: new Date(T0 - 3_600_000).toISOString() };
    engine.mergeState({ bets: [morning] });
    vi.advanceTimersByTime(GRACE + 1_000);
    expect(engine.policy.fillsMissingHedge).toBe(1);
  });

  it('covers fills seen by the time it was placed, and only those', () => {
    const engine = newEngine();
    engine.handleFrame(fillFrame(1, 100), T0);
    vi.advanceTimersByTime(8_000);
    engine.handleFrame(fillFrame(1, 150), T0 + 8_000);
    // Placed 5 s after the first fill, 3 s before the second.
    engine.mergeState({ bets: [placedBet('1')], news: { since: T0 } });
    vi.advanceTimersByTime(GRACE * 2);
    expect(engine.policy.fillsMissingHedge).toBe(1);
  });
});
