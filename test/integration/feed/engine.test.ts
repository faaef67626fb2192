import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Gap } from '../../../common/domain/connection';
import type { ErrorRecord, FeedEvent } from '../../../common/domain/events';
import type { NotificationIntent } from '../../../common/domain/notifications';
import type { FeedStatus } from '../../../common/domain/status';
import { FeedEngine, type FeedEngineOptions } from '../../../main/engine';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../../main/simulator';
import { waitFor } from '../../support/wait';

const UNKNOWN_KEY = '00000000-1111-4222-8333-444444444444';

let simulator: Simulator;
let engine: FeedEngine | undefined;

afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  await simulator?.close();
});

async function setup(
  simulatorOptions: Partial<SimulatorOptions> = {},
  engineOptions: Partial<FeedEngineOptions> = {},
) {
  simulator = await startSimulator({ scenario: false, ...simulatorOptions });
  const feed = new FeedEngine({
    url: simulator.url,
    apiKey: simulator.demoKey,
    channels: ['orders', 'bets', 'accounts', 'scores', 'emergency'],
    backoff: { baseMs: 20, capMs: 100 },
    ...engineOptions,
  });
  engine = feed;
  const statuses: FeedStatus[] = [];
  const events: FeedEvent[] = [];
  const errors: ErrorRecord[] = [];
  const notifications: NotificationIntent[] = [];
  const gaps: Gap[] = [];
  feed.on('status', (s) => statuses.push(s));
  feed.on('event', (e) => events.push(e));
  feed.on('error', (e) => errors.push(e));
  feed.on('notification', (n) => notifications.push(n));
  feed.on('gap', (g) => gaps.push(g));
  const live = () => waitFor(() => feed.status.state === 'live', 'the feed to be live');
  return { feed, statuses, events, errors, notifications, gaps, live };
}

const subscribeFrames = (sim: Simulator) =>
  sim
    .connections()
    .flatMap((c) => c.received.map((r) => JSON.parse(r.text) as { type: string }))
    .filter((f) => f.type === 'subscribe');

describe('the feed engine against the simulator, over real sockets', () => {
  it('subscribes, goes live and turns broadcasts into state and notifications', async () => {
    const { feed, events, notifications, live } = await setup();
    feed.start();
    await live();
    expect(subscribeFrames(simulator)).toEqual([
      {
        type: 'subscribe',
        apiKey: simulator.demoKey,
        channels: ['orders', 'bets', 'accounts', 'scores', 'emergency'],
      },
    ]);
    simulator.broadcast(
      'orders',
      'INSERT',
      {
        orderId: 1,
        exchange: 'kalshi',
        orderStake: 100,
        matchedStake: 0,
        orderCents: 0.4,
        fixtureId: 'id1',
      },
      undefined,
      { client: 'demo' },
    );
    simulator.broadcast(
      'orders',
      'UPDATE',
      { orderId: 1, matchedStake: 60, matchedStatus: 'PARTIALLY_MATCHED' },
      { matchedStake: 0 },
      { client: 'demo' },
    );
    simulator.broadcast(
      'bets',
      'INSERT',
      {
        betId: 9,
        orderId: 1,
        bookmaker: 'pinnacle',
        placedStake: 60,
        placedPrice: 2.4,
        betStatus: 'placed',
      },
      undefined,
      { client: 'demo' },
    );
    await waitFor(() => events.length === 3, 'three events');
    await waitFor(
      () => notifications.some((n) => n.kind === 'hedge'),
      'a hedge notification',
      4_000,
    );
    expect(notifications.find((n) => n.kind === 'fill')).toMatchObject({
      target: { view: 'order', orderId: '1' },
    });
    expect(feed.snapshot().orders).toEqual([
      expect.objectContaining({ orderId: '1', matchedStake: 60 }),
    ]);
    expect(feed.snapshot().counters).toMatchObject({ fills: 1 });
  });

  it('sees only its own client’s orders but everyone’s scores', async () => {
    const { feed, events, live } = await setup();
    feed.start();
    await live();
    simulator.broadcast('orders', 'INSERT', { orderId: 2 }, undefined, { client: 'acme' });
    simulator.broadcast('scores', 'UPDATE', { fixtureId: 'id7', scores: { home: 1, away: 0 } });
    await waitFor(() => events.length === 1, 'the score');
    expect(events[0]!.channel).toBe('scores');
  });

  it('pings at the configured interval and stays live on pongs', async () => {
    // A generous pong deadline: a stalled event loop on a busy machine must not look dead.
    const { feed, live } = await setup({}, { pingIntervalMs: 100, pongTimeoutMs: 1_000 });
    feed.start();
    await live();
    await waitFor(
      () =>
        (simulator.connections()[0]?.received.filter((r) => r.text.includes('ping')).length ?? 0) >=
        4,
      'four pings',
    );
    expect(feed.status.state).toBe('live');
    expect(simulator.connections()).toHaveLength(1);
  });

  it('declares a silent (half-open) server dead after the pong deadline and reconnects', async () => {
    const { feed, statuses, gaps, live } = await setup(
      {},
      { pingIntervalMs: 100, pongTimeoutMs: 150 },
    );
    feed.start();
    await live();
    simulator.faults.silence();
    await waitFor(() => statuses.some((s) => s.state === 'reconnecting'), 'reconnecting');
    expect(statuses.find((s) => s.state === 'reconnecting')!.reason).toMatch(/ping/);
    await live();
    expect(gaps).toHaveLength(1);
    expect(subscribeFrames(simulator)).toHaveLength(2);
    expect(feed.status.state).toBe('live');
  });

  it('reconnects after a dropped connection, resubscribes with the same key and channels, and records the gap', async () => {
    const { feed, gaps, live, statuses } = await setup();
    feed.start();
    await live();
    const lostAt = Date.now();
    simulator.faults.drop();
    await waitFor(() => statuses.some((s) => s.state === 'reconnecting'), 'reconnecting');
    await waitFor(() => gaps.length === 1, 'the gap');
    const [first, second] = subscribeFrames(simulator);
    expect(second).toEqual(first);
    expect(gaps[0]!.from).toBeLessThanOrEqual(lostAt);
    expect(gaps[0]!.to).toBeGreaterThanOrEqual(lostAt);
  });

  it('stops for good when the key is unknown, in either error style', async () => {
    for (const errorStyle of ['frame-then-close', 'close-reason-only'] as const) {
      const { feed } = await setup({ errorStyle }, { apiKey: UNKNOWN_KEY });
      feed.start();
      await waitFor(() => feed.status.state === 'auth-failed', `auth-failed (${errorStyle})`);
      expect(feed.status.reason).toMatch(/Invalid API key/);
      await new Promise((r) => setTimeout(r, 300));
      expect(simulator.connections()).toHaveLength(1);
      await engine?.stop();
      await simulator.close();
    }
  });

  it('treats "apiKey required" and "Invalid apiKey format" from the server as fatal too', async () => {
    for (const message of ['apiKey required', 'Invalid api_key format']) {
      const { feed, live } = await setup();
      feed.start();
      await live();
      simulator.sendRaw(JSON.stringify({ type: 'error', message }));
      await waitFor(() => feed.status.state === 'auth-failed', message);
      await engine?.stop();
      await simulator.close();
    }
  });

  it('waits at least 30 s after "Connection limit exceeded"', async () => {
    const { feed, statuses } = await setup({ maxConnectionsPerKey: 1 });
    const other = new WebSocket(simulator.url);
    await new Promise((resolve) => other.once('open', resolve));
    other.send(
      JSON.stringify({ type: 'subscribe', apiKey: simulator.demoKey, channels: ['scores'] }),
    );
    await waitFor(
      () => simulator.connectionCount(simulator.demoKey) === 1,
      'the other connection subscribed',
    );
    feed.start();
    await waitFor(() => statuses.some((s) => s.state === 'reconnecting'), 'reconnecting');
    const status = statuses.find((s) => s.state === 'reconnecting')!;
    expect(status.retryAt! - status.since).toBeGreaterThanOrEqual(30_000);
    other.close();
  });

  it('reports junk frames and keeps the stream flowing', async () => {
    const { feed, errors, events, live } = await setup();
    feed.start();
    await live();
    for (const kind of ['not-json', 'wrong-shape', 'invalid-payload', 'unknown-type'] as const)
      simulator.faults.junk(kind);
    simulator.broadcast('scores', 'UPDATE', { fixtureId: 'id9' });
    await waitFor(() => events.length === 1, 'the valid frame after the junk');
    expect(errors.filter((e) => e.source === 'bad-frame')).toHaveLength(4);
    expect(feed.status.state).toBe('live');
  });

  it('survives a frame over the size cap by reconnecting', async () => {
    const { feed, statuses, live } = await setup({}, { maxFrameBytes: 64 * 1024 });
    feed.start();
    await live();
    simulator.faults.junk('oversized', undefined, { bytes: 200 * 1024 });
    await waitFor(() => statuses.some((s) => s.state === 'reconnecting'), 'reconnecting');
    await live();
  });

  it('stops cleanly: unsubscribe, then a close with 1000', async () => {
    const { feed, live } = await setup();
    feed.start();
    await live();
    await feed.stop();
    await waitFor(
      () => simulator.connections()[0]?.close !== undefined,
      'the server to see the close',
    );
    const record = simulator.connections()[0]!;
    expect(JSON.parse(record.received.at(-1)!.text)).toEqual({ type: 'unsubscribe' });
    expect(record.close).toMatchObject({ code: 1000, by: 'client' });
  });

  it('takes a burst of thousands of frames in order and coalesces the notifications', async () => {
    const { feed, events, notifications, live } = await setup();
    feed.start();
    await live();
    for (let i = 0; i < 2_000; i++) {
      simulator.broadcast(
        'orders',
        'UPDATE',
        { orderId: i, exchange: 'polymarket', orderStake: 10, matchedStake: 10, orderCents: 0.5 },
        { matchedStake: 0 },
        { client: 'demo' },
      );
    }
    await waitFor(() => events.length === 2_000, '2,000 events', 10_000);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    // The store keeps recent frames as the text they came as and reads them back equal.
    expect(feed.snapshot().recentEvents).toEqual(events);
    await waitFor(
      () =>
        notifications.filter((n) => n.kind === 'fill').reduce((sum, n) => sum + n.count, 0) ===
        2_000,
      'every fill counted',
      5_000,
    );
    expect(notifications.filter((n) => n.kind === 'fill').length).toBeLessThanOrEqual(5);
  });

  it('checks at once on request and replaces a connection that no longer answers', async () => {
    const { feed, statuses, live } = await setup(
      {},
      { checkTimeoutMs: 200, backoff: { baseMs: 60_000, capMs: 60_000 } },
    );
    feed.start();
    await live();
    simulator.faults.silence();
    feed.checkNow();
    await waitFor(() => statuses.some((s) => s.state === 'reconnecting'), 'reconnecting', 1_000);
    await live();
    expect(subscribeFrames(simulator)).toHaveLength(2);
  });

  it('raises the emergency flag in its status and an urgent notification', async () => {
    const { feed, notifications, live } = await setup();
    feed.start();
    await live();
    simulator.broadcast('emergency', 'UPDATE', {
      emergency: true,
      reason: 'manual trigger',
      triggeredAt: new Date().toISOString(),
    });
    await waitFor(() => feed.status.emergency, 'the emergency flag');
    expect(feed.status.emergencyReason).toBe('manual trigger');
    await waitFor(
      () => notifications.some((n) => n.kind === 'emergency'),
      'the emergency notification',
    );
    expect(notifications.find((n) => n.kind === 'emergency')!.urgent).toBe(true);
  });
});
