import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus, Gap } from '../../../common/domain/connection';
import type { ErrorRecord } from '../../../common/domain/events';
import { FeedConnection, type FeedConnectionOptions } from '../../../main/feed/connection';
import { type FakeSocket, fakeSocketFactory } from '../../support/fake-socket';

const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
const URL = 'wss://mmapi.example/ws/subscribe';

function setup(overrides: Partial<FeedConnectionOptions> = {}) {
  const { factory, sockets } = fakeSocketFactory();
  const connection = new FeedConnection({
    url: URL,
    apiKey: KEY,
    channels: ['orders', 'bets'],
    createSocket: factory,
    random: () => 1,
    ...overrides,
  });
  const statuses: ConnectionStatus[] = [];
  const errors: ErrorRecord[] = [];
  const gaps: Gap[] = [];
  connection.on('status', (s) => statuses.push(s));
  connection.on('error', (e) => errors.push(e));
  connection.on('gap', (g) => gaps.push(g));
  const last = (): FakeSocket => sockets[sockets.length - 1]!;
  const goLive = () => {
    last().acceptConnection();
    last().receive({ type: 'subscribed', subscriptionId: 1, channels: ['orders', 'bets'] });
  };
  return { connection, sockets, statuses, errors, gaps, last, goLive };
}

const openSockets = (sockets: FakeSocket[]) => sockets.filter((s) => s.isLive).length;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-27T10:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('FeedConnection handshake', () => {
  it('sends subscribe with the key and channels as soon as the socket opens, then goes live', () => {
    const { connection, last, goLive } = setup();
    connection.start();
    expect(connection.status.state).toBe('connecting');
    last().acceptConnection();
    expect(last().sentFrames()).toEqual([
      { type: 'subscribe', apiKey: KEY, channels: ['orders', 'bets'] },
    ]);
    goLive();
    expect(connection.status.state).toBe('live');
  });

  it('accepts the legacy subscription_id reply', () => {
    const { connection, last } = setup();
    connection.start();
    last().acceptConnection();
    last().receive({ type: 'subscribed', subscription_id: 7 });
    expect(connection.status.state).toBe('live');
  });

  it('reconnects when no "subscribed" arrives within 10 s', () => {
    const { connection, sockets, last } = setup();
    connection.start();
    last().acceptConnection();
    vi.advanceTimersByTime(9_999);
    expect(connection.status.state).toBe('connecting');
    vi.advanceTimersByTime(1);
    expect(sockets[0]!.terminated).toBe(true);
    expect(connection.status.state).toBe('reconnecting');
    expect(connection.status.reason).toMatch(/subscribed/);
  });

  it('refuses a key that is not a UUID and plain ws:// to a remote host, before connecting', () => {
    expect(() => setup({ apiKey: 'not-a-key' })).toThrow(/UUID/);
    expect(() => setup({ url: 'ws://mmapi.example/ws/subscribe' })).toThrow(/unencrypted/);
    expect(() => setup({ url: 'ws://127.0.0.1:9/ws/subscribe' })).not.toThrow();
    expect(() => setup({ url: 'ws://[::1]:9/ws/subscribe' })).not.toThrow();
    expect(() => setup({ url: 'http://127.0.0.1:9/' })).toThrow(/wss/);
  });

  it('refuses an endpoint with a #fragment, which the socket would refuse only when opened', () => {
    expect(() => setup({ url: `${URL}#live` })).toThrow(/#fragment/);
    expect(() => setup({ url: `${URL}#` })).toThrow(/#fragment/);
  });

  it('retries after the backoff when no socket can even be made, rather than stay "connecting"', () => {
    const { factory, sockets } = fakeSocketFactory();
    let refuse = true;
    const { connection, errors, statuses } = setup({
      random: () => 0,
      createSocket: (url, options) => {
        if (refuse) throw new SyntaxError('The URL contains something ws refuses');
        return factory(url, options);
      },
    });
    expect(() => connection.start()).not.toThrow();
    expect(connection.status).toMatchObject({ state: 'reconnecting', reason: /ws refuses/ });
    expect(errors.at(-1)).toMatchObject({ source: 'socket', message: /ws refuses/ });
    refuse = false;
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(1);
    sockets[0]!.acceptConnection();
    sockets[0]!.receive({ type: 'subscribed', subscriptionId: 1, channels: ['orders', 'bets'] });
    expect(connection.status.state).toBe('live');
    expect(statuses.map((s) => s.state)).toEqual([
      'connecting',
      'reconnecting',
      'reconnecting',
      'live',
    ]);
  });
});

describe('FeedConnection liveness', () => {
  it('pings every 30 s and stays live while the server answers', () => {
    const { connection, last, goLive } = setup();
    connection.start();
    goLive();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(30_000);
      expect(last().sentFrames().at(-1)).toEqual({ type: 'ping' });
      vi.advanceTimersByTime(500);
      last().receive({ type: 'pong' });
    }
    vi.advanceTimersByTime(20_000);
    expect(connection.status.state).toBe('live');
  });

  it('counts any inbound frame as proof of life, not only pong', () => {
    const { connection, last, goLive } = setup();
    connection.start();
    goLive();
    vi.advanceTimersByTime(30_000);
    last().receive({ type: 'heartbeat' });
    vi.advanceTimersByTime(15_000);
    expect(connection.status.state).toBe('live');
  });

  it('declares a silent connection dead 10 s after a ping: terminates it, drops its listeners, reconnects', () => {
    const { connection, sockets, last, goLive } = setup();
    connection.start();
    goLive();
    const first = last();
    vi.advanceTimersByTime(30_000 + 9_999);
    expect(connection.status.state).toBe('live');
    vi.advanceTimersByTime(1);
    expect(first.terminated).toBe(true);
    expect(first.listenerCount('message')).toBe(0);
    expect(connection.status.state).toBe('reconnecting');
    expect(connection.status.reason).toMatch(/ping/);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
  });

  it('ignores anything an abandoned socket still emits', () => {
    const { connection, sockets, last, goLive, statuses } = setup();
    connection.start();
    goLive();
    vi.advanceTimersByTime(40_001);
    const count = statuses.length;
    sockets[0]!.emit('close', 1006, Buffer.from(''));
    sockets[0]!.emit('message', Buffer.from('{"type":"subscribed"}'), false);
    expect(statuses.length).toBe(count);
    expect(last()).not.toBe(sockets[0]);
  });

  it('never holds more than one open socket through many failures', () => {
    const { connection, sockets } = setup({ random: () => 0.3 });
    connection.start();
    for (let i = 0; i < 50; i++) {
      const socket = sockets[sockets.length - 1]!;
      if (i % 3 === 0) socket.acceptConnection();
      if (i % 3 === 1) socket.serverClose(1011, 'boom');
      expect(openSockets(sockets)).toBeLessThanOrEqual(1);
      vi.advanceTimersByTime(31_000);
      expect(openSockets(sockets)).toBeLessThanOrEqual(1);
    }
    expect(sockets.length).toBeGreaterThan(10);
  });
});

describe('FeedConnection reconnects', () => {
  it('backs off exponentially with full jitter, capped at 30 s', () => {
    const { connection, last, statuses } = setup({ random: () => 1 });
    connection.start();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      last().serverClose(1006);
      const status = statuses.at(-1)!;
      delays.push(status.retryAt! - Date.now());
      vi.advanceTimersByTime(status.retryAt! - Date.now());
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('draws each delay uniformly below the ceiling', () => {
    const { connection, last, statuses } = setup({ random: () => 0.25 });
    connection.start();
    last().serverClose(1006);
    expect(statuses.at(-1)!.retryAt! - Date.now()).toBe(250);
  });

  /** Live after four failed attempts, which took the backoff up to its cap. */
  function liveAfterFourDrops() {
    const connected = setup({ random: () => 1 });
    connected.connection.start();
    for (let i = 0; i < 4; i++) {
      connected.last().serverClose(1006);
      vi.advanceTimersByTime(30_000);
    }
    connected.goLive();
    return connected;
  }

  it('resets the backoff after a connection stays healthy for a minute', () => {
    const { last, statuses } = liveAfterFourDrops();
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(30_000);
      last().receive({ type: 'pong' });
    }
    last().serverClose(1006);
    expect(statuses.at(-1)!.retryAt! - Date.now()).toBe(1_000);
  });

  it('times the healthy minute on the monotonic clock, whatever the wall clock is set to', () => {
    const { last, statuses } = liveAfterFourDrops();
    vi.advanceTimersByTime(30_000);
    last().receive({ type: 'pong' });
    vi.setSystemTime(Date.now() - 3_600_000);
    vi.advanceTimersByTime(30_000);
    last().receive({ type: 'pong' });
    last().serverClose(1006);
    expect(statuses.at(-1)!.retryAt! - Date.now()).toBe(1_000);
  });

  it('resubscribes with the same key and channels and records the gap', () => {
    const { connection, last, goLive, gaps } = setup({ random: () => 0 });
    connection.start();
    goLive();
    vi.advanceTimersByTime(5_000);
    last().receive({ type: 'heartbeat' });
    const lastHeard = Date.now();
    vi.advanceTimersByTime(2_000);
    last().serverClose(1006);
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(3_000);
    last().acceptConnection();
    expect(last().sentFrames()[0]).toEqual({
      type: 'subscribe',
      apiKey: KEY,
      channels: ['orders', 'bets'],
    });
    last().receive({ type: 'subscribed', subscriptionId: 2 });
    expect(gaps).toEqual([{ from: lastHeard, to: Date.now() }]);
    expect(connection.status.state).toBe('live');
  });

  it('survives a frame larger than the cap by reconnecting', () => {
    const { connection, last, goLive, errors } = setup({ random: () => 0 });
    connection.start();
    goLive();
    last().emit('error', new RangeError('Max payload size exceeded'));
    last().serverClose(1009);
    expect(errors.at(-1)!.message).toMatch(/Max payload/);
    expect(connection.status.state).toBe('reconnecting');
    vi.advanceTimersByTime(1);
    goLive();
    expect(connection.status.state).toBe('live');
  });
});

describe('FeedConnection server errors', () => {
  const refusals = [
    { type: 'error', message: 'Invalid API key' },
    { type: 'error', error: 'invalid apikey format' },
    { type: 'error', reason: 'api_key required' },
    { type: 'error', message: 'Invalid api_key format' },
    { error: 'APIKEY REQUIRED' },
  ];
  for (const frame of refusals) {
    it(`stops retrying for good on ${JSON.stringify(frame)}`, () => {
      const { connection, sockets, last } = setup();
      connection.start();
      last().acceptConnection();
      last().receive(frame);
      expect(connection.status.state).toBe('auth-failed');
      last().serverClose(1008);
      vi.advanceTimersByTime(10 * 60_000);
      expect(sockets).toHaveLength(1);
      expect(connection.status.state).toBe('auth-failed');
    });
  }

  it('treats a refusal that arrives only as a close reason the same way', () => {
    const { connection, sockets, last } = setup();
    connection.start();
    last().acceptConnection();
    last().serverClose(1008, 'Invalid API key');
    vi.advanceTimersByTime(10 * 60_000);
    expect(connection.status.state).toBe('auth-failed');
    expect(connection.status.reason).toBe('Invalid API key');
    expect(sockets).toHaveLength(1);
  });

  it('starts over when the key changes after a refusal', async () => {
    const { connection, sockets, last } = setup();
    connection.start();
    last().acceptConnection();
    last().serverClose(1008, 'Invalid API key');
    await connection.setApiKey('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    expect(connection.status.state).toBe('connecting');
    expect(sockets).toHaveLength(2);
    last().acceptConnection();
    expect(last().sentFrames()[0]).toMatchObject({
      apiKey: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    });
  });

  it('waits at least 30 s after "Connection limit exceeded", as a frame or as a close reason', () => {
    for (const deliver of ['frame', 'close'] as const) {
      const { connection, sockets, last, statuses } = setup({ random: () => 0 });
      connection.start();
      last().acceptConnection();
      if (deliver === 'frame') {
        last().receive({ type: 'error', message: 'Connection limit exceeded' });
        last().serverClose(1008);
      } else {
        last().serverClose(1008, 'connection_limit_exceeded');
      }
      expect(statuses.at(-1)!.retryAt! - Date.now()).toBe(30_000);
      connection.checkNow();
      vi.advanceTimersByTime(29_999);
      expect(sockets).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(sockets).toHaveLength(2);
    }
  });

  it('reports frames that are not JSON, fail validation or have an unknown type, and keeps going', () => {
    const frames: unknown[] = [];
    const texts: string[] = [];
    const { connection, last, goLive, errors } = setup();
    connection.on('frame', (f, _at, text) => {
      frames.push(f);
      texts.push(text);
    });
    connection.start();
    goLive();
    last().receive('not json {');
    last().receive({ type: 'broadcast', channel: 'orders', event: 'DELETE', payload: {} });
    last().receive({ type: 'mystery' });
    last().receive({
      type: 'broadcast',
      channel: 'orders',
      event: 'INSERT',
      payload: { orderId: 5 },
    });
    expect(errors.map((e) => e.source)).toEqual(['bad-frame', 'bad-frame', 'bad-frame']);
    expect(frames.at(-1)).toMatchObject({ type: 'broadcast', record: { orderId: '5' } });
    // Each frame comes with the text it arrived as.
    expect(JSON.parse(texts.at(-1) as string)).toMatchObject({ payload: { orderId: 5 } });
    expect(connection.status.state).toBe('live');
  });
});

describe('FeedConnection stop and check', () => {
  it('stops cleanly: unsubscribe, then close with 1000', async () => {
    const { connection, last, goLive } = setup();
    connection.start();
    goLive();
    const socket = last();
    const stopped = connection.stop();
    expect(socket.sentFrames().at(-1)).toEqual({ type: 'unsubscribe' });
    expect(socket.closedWith).toBe(1000);
    socket.serverClose(1000);
    await stopped;
    expect(connection.status.state).toBe('stopped');
    vi.advanceTimersByTime(10 * 60_000);
    expect(socket.sent.filter((s) => s.includes('ping'))).toHaveLength(0);
  });

  it('cuts the socket if the server never acknowledges the close', async () => {
    const { connection, last, goLive } = setup();
    connection.start();
    goLive();
    const stopped = connection.stop();
    vi.advanceTimersByTime(2_000);
    await stopped;
    expect(last().terminated).toBe(true);
  });

  it('on "check now", replaces a live connection that does not answer promptly, without backoff', () => {
    const { connection, sockets, last, goLive } = setup({ random: () => 1 });
    connection.start();
    goLive();
    connection.checkNow();
    expect(last().sentFrames().at(-1)).toEqual({ type: 'ping' });
    vi.advanceTimersByTime(5_000);
    expect(sockets[0]!.terminated).toBe(true);
    expect(connection.status.state).toBe('reconnecting');
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
  });

  it('on "check now", keeps a connection that answers', () => {
    const { connection, last, goLive } = setup();
    connection.start();
    goLive();
    connection.checkNow();
    last().receive({ type: 'pong' });
    vi.advanceTimersByTime(6_000);
    expect(connection.status.state).toBe('live');
  });

  it('on "check now", brings forward the deadline of a ping already waiting for its answer', () => {
    const { connection, sockets, goLive } = setup({ pongTimeoutMs: 60_000 });
    connection.start();
    goLive();
    vi.advanceTimersByTime(30_000); // the routine ping goes out, with a 60 s deadline
    vi.advanceTimersByTime(1_000);
    connection.checkNow();
    vi.advanceTimersByTime(4_999);
    expect(connection.status.state).toBe('live');
    vi.advanceTimersByTime(1);
    expect(sockets[0]!.terminated).toBe(true);
    expect(connection.status.reason).toMatch(/connection check/);
  });

  it('on "check now", leaves an earlier deadline as it is', () => {
    const { connection, sockets, goLive } = setup({ pongTimeoutMs: 2_000 });
    connection.start();
    goLive();
    vi.advanceTimersByTime(30_000);
    connection.checkNow();
    vi.advanceTimersByTime(2_000);
    expect(sockets[0]!.terminated).toBe(true);
    expect(connection.status.reason).toMatch(/no answer to ping within 2 s/);
  });

  it('on "check now", gives a handshake under way the check deadline, not its own', () => {
    const { connection, sockets, last } = setup();
    connection.start();
    connection.checkNow(); // the socket is still opening
    vi.advanceTimersByTime(5_000);
    expect(sockets[0]!.terminated).toBe(true);
    expect(connection.status.state).toBe('reconnecting');
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    last().acceptConnection();
    connection.checkNow(); // open, waiting for "subscribed"
    last().receive({ type: 'subscribed', subscriptionId: 2 });
    vi.advanceTimersByTime(10_000);
    expect(connection.status.state).toBe('live');
    expect(sockets).toHaveLength(2);
  });

  it('on "check now", retries at once instead of waiting out the backoff', () => {
    const { connection, sockets, last } = setup({ random: () => 1 });
    connection.start();
    for (let i = 0; i < 5; i++) {
      last().serverClose(1006);
      vi.advanceTimersByTime(30_000);
    }
    last().serverClose(1006);
    const count = sockets.length;
    connection.checkNow();
    expect(sockets).toHaveLength(count + 1);
  });
});
