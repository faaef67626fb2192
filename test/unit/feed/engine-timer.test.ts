import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import { FeedEngine, MAX_POLICY_WAIT_MS } from '../../../main/engine';

const T0 = Date.UTC(2026, 4, 1, 9, 0, 0);
const GRACE = 15_000;

function frame(channel: string, event: string, payload: object, old?: object) {
  const result = parseServerFrame(
    JSON.stringify({ type: 'broadcast', channel, event, payload, old }),
  );
  if (!result.ok) throw new Error(result.error);
  return result.frame;
}

const fill = (orderId: number, matched: number) =>
  frame(
    'orders',
    'UPDATE',
    { orderId, exchange: 'kalshi', orderStake: 100, matchedStake: matched },
    { matchedStake: 0 },
  );
const hedge = (betId: number, orderId: number) =>
  frame('bets', 'INSERT', { betId, orderId, bookmaker: 'pinnacle', betStatus: 'placed' });

/** A fake-timed engine on orders and bets, and the notifications it gives (kind, time). */
function startEngine(hedgeGraceMs: number) {
  vi.useFakeTimers({ now: T0 });
  const engine = new FeedEngine({
    url: 'ws://127.0.0.1:9/ws/subscribe',
    apiKey: '123e4567-e89b-42d3-a456-426614174000',
    channels: ['orders', 'bets'],
    policy: { timeZone: 'UTC', hedgeGraceMs, coalesceWindowMs: 0 },
  });
  const seen: { kind: string; at: number }[] = [];
  engine.on('notification', (n: NotificationIntent) => seen.push({ kind: n.kind, at: n.at }));
  return { engine, seen };
}

describe('FeedEngine timer', () => {
  let engine: FeedEngine;
  let seen: { kind: string; at: number }[];

  beforeEach(() => {
    ({ engine, seen } = startEngine(GRACE));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const receive = (f: ReturnType<typeof frame>) => engine.handleFrame(f, Date.now());
  const missing = () => seen.filter((n) => n.kind === 'hedge-missing');

  it('reports a missing hedge at its deadline, also after earlier deadlines went away', () => {
    receive(fill(1, 10));
    vi.advanceTimersByTime(5_000);
    receive(hedge(11, 1)); // covers order 1: its deadline goes away
    vi.advanceTimersByTime(5_000);
    receive(fill(2, 20)); // order 2's deadline is later than the timer already set
    vi.advanceTimersByTime(GRACE - 1);
    expect(missing()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(missing()).toEqual([{ kind: 'hedge-missing', at: T0 + 10_000 + GRACE }]);
  });

  it('moves the timer earlier when an earlier deadline comes up', () => {
    engine.policy.setCoalesceWindowMs(2_000);
    receive(fill(1, 10)); // told at once; its hedge deadline is 15 s away
    vi.advanceTimersByTime(1_000);
    receive(fill(2, 10)); // held for the burst summary at the end of the 2 s window
    vi.advanceTimersByTime(999);
    expect(seen.filter((n) => n.kind === 'fill')).toEqual([{ kind: 'fill', at: T0 }]);
    vi.advanceTimersByTime(1);
    expect(seen.filter((n) => n.kind === 'fill')).toEqual([
      { kind: 'fill', at: T0 },
      { kind: 'fill', at: T0 + 2_000 },
    ]);
  });
});

describe('FeedEngine timer and settings', () => {
  let engine: FeedEngine;
  let seen: { kind: string; at: number }[];

  beforeEach(() => {
    ({ engine, seen } = startEngine(120_000));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies a shorter hedge grace to a fill already waiting, in a quiet feed', () => {
    engine.handleFrame(fill(1, 10), Date.now());
    vi.advanceTimersByTime(20_000);
    engine.policy.setHedgeGraceMs(15_000);
    engine.policyChanged();
    vi.advanceTimersByTime(1_000);
    expect(seen.filter((n) => n.kind === 'hedge-missing')).toEqual([
      { kind: 'hedge-missing', at: T0 + 20_000 },
    ]);
  });
});

describe('FeedEngine timer and the wall clock', () => {
  let clock: number;
  let engine: FeedEngine;
  let seen: { kind: string; at: number }[];

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    clock = T0;
    engine = new FeedEngine({
      url: 'ws://127.0.0.1:9/ws/subscribe',
      apiKey: '123e4567-e89b-42d3-a456-426614174000',
      channels: ['orders', 'bets'],
      // The wall clock, apart from the timers' own (monotonic) time.
      now: () => clock,
      policy: { timeZone: 'UTC', hedgeGraceMs: 60_000, coalesceWindowMs: 0 },
    });
    seen = [];
    engine.on('notification', (n: NotificationIntent) => seen.push({ kind: n.kind, at: n.at }));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** Timer time and wall-clock time both move on by `ms`. */
  const elapse = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };

  it('sets no timer while nothing is due: an idle engine never wakes', () => {
    expect(vi.getTimerCount()).toBe(0);
    engine.handleFrame(hedge(11, 1), clock);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sees a deadline the wall clock passed while the timer lagged (sleep, clock set forward)', () => {
    engine.handleFrame(fill(1, 10), clock);
    elapse(2_000);
    // The machine slept 10 minutes: the wall clock moved on, the timer's clock did not.
    clock += 600_000;
    elapse(MAX_POLICY_WAIT_MS);
    expect(seen.filter((n) => n.kind === 'hedge-missing')).toHaveLength(1);
  });

  it('still reports on time by the wall clock, waking at most every few seconds meanwhile', () => {
    engine.handleFrame(fill(1, 10), clock);
    elapse(60_000 - 1);
    expect(seen.filter((n) => n.kind === 'hedge-missing')).toEqual([]);
    expect(vi.getTimerCount()).toBe(1);
    elapse(1);
    expect(seen.filter((n) => n.kind === 'hedge-missing')).toEqual([
      { kind: 'hedge-missing', at: T0 + 60_000 },
    ]);
    // Nothing else due: no timer left.
    expect(vi.getTimerCount()).toBe(0);
  });
});
