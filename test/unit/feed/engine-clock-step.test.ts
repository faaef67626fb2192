import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import { FeedEngine } from '../../../main/engine';
import { type FakeSocket, fakeSocketFactory } from '../../support/fake-socket';

const T0 = Date.UTC(2026, 4, 1, 9, 0, 0);
const GRACE = 15_000;
const HOUR = 3_600_000;

const fill = (orderId: number) => ({
  type: 'broadcast',
  channel: 'orders',
  event: 'UPDATE',
  payload: { orderId, exchange: 'kalshi', orderStake: 100, matchedStake: 10 },
  old: { matchedStake: 0 },
});

/**
 * An engine on a fake socket, on the default clocks: Date.now and performance.now. Fake
 * timers move both; setting the system time moves the wall clock alone, as setting a
 * machine's clock does.
 */
describe('FeedEngine when the wall clock is set back', () => {
  let engine: FeedEngine;
  let sockets: FakeSocket[];
  let seen: NotificationIntent[];

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    const fake = fakeSocketFactory();
    sockets = fake.sockets;
    engine = new FeedEngine({
      url: 'wss://mmapi.example/ws/subscribe',
      apiKey: '123e4567-e89b-42d3-a456-426614174000',
      channels: ['orders', 'bets'],
      createSocket: fake.factory,
      random: () => 1,
      policy: { timeZone: 'UTC', hedgeGraceMs: GRACE, coalesceWindowMs: 0 },
    });
    seen = [];
    engine.on('notification', (n) => seen.push(n));
    engine.start();
    socket().acceptConnection();
    socket().receive({ type: 'subscribed', subscriptionId: 1, channels: ['orders', 'bets'] });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const socket = () => sockets[sockets.length - 1] as FakeSocket;
  /** Time passes: both clocks move on. */
  const elapse = (ms: number) => vi.advanceTimersByTime(ms);
  const setClock = (byMs: number) => vi.setSystemTime(Date.now() + byMs);
  const missing = () => seen.filter((n) => n.kind === 'hedge-missing');

  it('still reports a missing hedge when its grace has passed, not an hour later', () => {
    socket().receive(fill(1));
    elapse(5_000);
    setClock(-HOUR); // the clock was an hour fast; the OS set it right
    elapse(GRACE - 5_000 - 1);
    expect(missing()).toEqual([]);
    elapse(1);
    expect(missing().map((m) => m.at)).toEqual([T0 + GRACE - HOUR]);
    // The fill's time moved with the clock: the list says when it was, by the clock as it is now.
    expect(engine.snapshot().missingHedges.orders).toMatchObject([
      { orderId: '1', since: T0 - HOUR },
    ]);
  });

  it('gives fills before and after the step their own grace each, in the order they came', () => {
    socket().receive(fill(1));
    elapse(10_000);
    setClock(-HOUR);
    // The frame after the step is stamped by the clock as it is now; the step is seen first.
    socket().receive(fill(2));
    elapse(GRACE - 10_000);
    const missingOrders = () => engine.snapshot().missingHedges.orders.map((o) => o.orderId);
    expect(missing().map((m) => m.at)).toEqual([T0 + GRACE - HOUR]);
    expect(missingOrders()).toEqual(['1']);
    elapse(10_000);
    expect(missing().map((m) => m.at)).toEqual([T0 + GRACE - HOUR, T0 + 10_000 + GRACE - HOUR]);
    expect(missingOrders()).toEqual(['1', '2']);
  });

  it('covers a fill with the hedge that came just before the step', () => {
    // The feed may deliver a hedge before the fill it covers.
    socket().receive({
      type: 'broadcast',
      channel: 'bets',
      event: 'INSERT',
      payload: { betId: 11, orderId: 1, bookmaker: 'pinnacle', betStatus: 'placed' },
    });
    elapse(2_000);
    setClock(-HOUR);
    socket().receive(fill(1));
    elapse(GRACE);
    expect(missing()).toEqual([]);
  });

  it('tells of an outage 30 s into it, though the clock was set back during it', () => {
    socket().serverClose(1006);
    elapse(10_000);
    setClock(-HOUR);
    elapse(20_000 - 1);
    expect(seen.filter((n) => n.kind === 'connection-lost')).toEqual([]);
    elapse(1);
    expect(seen.filter((n) => n.kind === 'connection-lost').map((n) => n.at)).toEqual([
      T0 + 30_000 - HOUR,
    ]);
  });

  it('sends the summary of a burst when its window ends', () => {
    engine.policy.setCoalesceWindowMs(2_000);
    socket().receive(fill(1)); // told at once; opens a 2 s window
    socket().receive(fill(2)); // held for the summary
    elapse(500);
    setClock(-HOUR);
    elapse(1_500);
    const fills = seen.filter((n) => n.kind === 'fill');
    expect(fills.map((n) => n.at)).toEqual([T0, T0 + 2_000 - HOUR]);
  });

  it('sets no timer in a stopped engine that finds the clock set back', async () => {
    socket().receive(fill(1)); // a deadline the policy keeps
    const stopped = engine.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    await stopped;
    const timers = vi.getTimerCount();
    setClock(-HOUR);
    engine.snapshot(); // reads the clock
    expect(vi.getTimerCount()).toBe(timers);
  });

  it('follows a clock set forward as it is (as after sleep): the deadline passes at once', () => {
    socket().receive(fill(1));
    elapse(1_000);
    setClock(HOUR);
    elapse(5_000);
    expect(missing()).toHaveLength(1);
  });
});
