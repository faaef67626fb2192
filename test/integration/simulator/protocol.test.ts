import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../common/protocol/channels';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import {
  DEMO_KEY,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '../../../main/simulator';
import { closeAll, TestClient } from './test-client';

const UNKNOWN_KEY = '00000000-0000-4000-8000-000000000000';
const INACTIVE_KEY = '11111111-2222-4333-8444-555555555555';

let simulator: Simulator | undefined;
let clients: TestClient[] = [];

async function start(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  simulator = await startSimulator({ scenario: false, ...options });
  return simulator;
}

async function connect(sim: Simulator): Promise<TestClient> {
  const client = await TestClient.connect(sim.url);
  clients.push(client);
  return client;
}

afterEach(async () => {
  await closeAll(clients);
  clients = [];
  await simulator?.close();
  simulator = undefined;
});

describe('subscribe handshake', () => {
  it('answers a subscribe with the subscription id and the channels', async () => {
    const sim = await start();
    const client = await connect(sim);
    const reply = await client.subscribe(sim.demoKey, ['orders', 'scores']);
    expect(reply).toEqual({
      type: 'subscribed',
      subscriptionId: 1,
      channels: ['orders', 'scores'],
    });
    const parsed = parseServerFrame(client.texts[0]!);
    expect(parsed).toEqual({
      ok: true,
      frame: { type: 'subscribed', subscriptionId: 1, channels: ['orders', 'scores'] },
    });
  });

  it('numbers subscriptions and defaults to every channel when none are named', async () => {
    const sim = await start();
    const first = await connect(sim);
    const second = await connect(sim);
    await first.subscribe(sim.demoKey, ['orders']);
    const reply = await second.subscribe(sim.demoKey);
    expect(reply.subscriptionId).toBe(2);
    expect(reply.channels).toEqual([...CHANNELS]);
  });

  it('drops unknown channel names from the confirmed list', async () => {
    const sim = await start();
    const client = await connect(sim);
    const reply = await client.subscribe(sim.demoKey, ['orders', 'weather', 'orders']);
    expect(reply.channels).toEqual(['orders']);
  });

  it('replaces the subscription when a connection subscribes again, without taking a second slot', async () => {
    const sim = await start();
    const client = await connect(sim);
    await client.subscribe(sim.demoKey, ['orders']);
    const again = await client.subscribe(sim.demoKey, ['scores']);
    expect(again).toEqual({ type: 'subscribed', subscriptionId: 2, channels: ['scores'] });
    expect(sim.connectionCount(sim.demoKey)).toBe(1);
    expect(sim.clients()[0]?.channels).toEqual(['scores']);
  });

  it('accepts the legacy api_key field', async () => {
    const sim = await start();
    const client = await connect(sim);
    client.send({ type: 'subscribe', api_key: sim.demoKey, channels: ['bets'] });
    const reply = await client.nextOfType('subscribed');
    expect(reply).toMatchObject({ subscriptionId: 1, channels: ['bets'] });
  });

  it('answers in snake_case when legacy naming is on', async () => {
    const sim = await start({ legacyNaming: true });
    const client = await connect(sim);
    client.send({ type: 'subscribe', apiKey: sim.demoKey, channels: ['orders'] });
    const reply = await client.nextOfType('subscribed');
    expect(reply).toEqual({ type: 'subscribed', subscription_id: 1, channels: ['orders'] });
    sim.broadcast(
      'orders',
      'UPDATE',
      { orderId: 7, orderStatus: 'FILLED' },
      { orderStatus: 'PLACED' },
      {
        client: 'demo',
      },
    );
    const broadcast = await client.nextOfType('broadcast');
    expect(broadcast.payload).toEqual({ id: 7, orderStatus: 'FILLED' });
    const parsed = parseServerFrame(client.texts[1]!);
    expect(parsed.ok && parsed.frame.type === 'broadcast' && parsed.frame.record).toMatchObject({
      orderId: '7',
    });
  });

  it('treats the key as case-insensitive, as a UUID is', async () => {
    const sim = await start();
    const client = await connect(sim);
    const reply = await client.subscribe(sim.demoKey.toUpperCase(), ['scores']);
    expect(reply.type).toBe('subscribed');
  });
});

describe('documented errors', () => {
  const cases: { name: string; message: Record<string, unknown>; text: string }[] = [
    {
      name: 'missing key',
      message: { type: 'subscribe', channels: ['orders'] },
      text: 'apiKey required',
    },
    {
      name: 'empty key',
      message: { type: 'subscribe', apiKey: '', channels: [] },
      text: 'apiKey required',
    },
    {
      name: 'key that is not a UUID',
      message: { type: 'subscribe', apiKey: 'not-a-uuid', channels: ['orders'] },
      text: 'Invalid apiKey format',
    },
    {
      name: 'unknown key',
      message: { type: 'subscribe', apiKey: UNKNOWN_KEY, channels: ['orders'] },
      text: 'Invalid API key',
    },
    {
      name: 'key of an inactive client',
      message: { type: 'subscribe', apiKey: INACTIVE_KEY, channels: ['orders'] },
      text: 'Invalid API key',
    },
  ];
  const keys = [
    DEMO_KEY,
    { apiKey: INACTIVE_KEY, client: 'gone', name: 'Gone Ltd', active: false },
  ];

  for (const { name, message, text } of cases) {
    it(`${name}: sends {"type":"error"} and then closes with 1008 (frame-then-close)`, async () => {
      const sim = await start({
        errorStyle: 'frame-then-close',
        keys,
      });
      const client = await connect(sim);
      client.send(message);
      const closed = await client.closed;
      expect(client.texts).toEqual([JSON.stringify({ type: 'error', message: text })]);
      expect(closed.code).toBe(1008);
      expect(parseServerFrame(client.texts[0]!)).toEqual({
        ok: true,
        frame: { type: 'error', message: text },
      });
    });

    it(`${name}: closes with 1008 and the text as reason only (close-reason-only)`, async () => {
      const sim = await start({
        errorStyle: 'close-reason-only',
        keys,
      });
      const client = await connect(sim);
      client.send(message);
      const closed = await client.closed;
      expect(client.texts).toEqual([]);
      expect(closed).toEqual({ code: 1008, reason: text });
    });
  }

  it('spells the key errors the pre-April-2026 way under legacy naming', async () => {
    const sim = await start({ legacyNaming: true, errorStyle: 'close-reason-only' });
    const missing = await connect(sim);
    missing.send({ type: 'subscribe', channels: ['orders'] });
    expect(await missing.closed).toEqual({ code: 1008, reason: 'api_key required' });
    const malformed = await connect(sim);
    malformed.send({ type: 'subscribe', api_key: 'nope', channels: ['orders'] });
    expect(await malformed.closed).toEqual({ code: 1008, reason: 'Invalid api_key format' });
  });

  it('uses the configured close code', async () => {
    const sim = await start({ errorCloseCode: 1011 });
    const client = await connect(sim);
    client.send({ type: 'subscribe', apiKey: UNKNOWN_KEY });
    expect((await client.closed).code).toBe(1011);
  });

  it('refuses the sixth connection of a key and frees the slot when one leaves', async () => {
    const sim = await start();
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => connect(sim)));
    for (const client of five) await client.subscribe(sim.demoKey, ['scores']);
    expect(sim.connectionCount(sim.demoKey)).toBe(5);

    const sixth = await connect(sim);
    sixth.send({ type: 'subscribe', apiKey: sim.demoKey, channels: ['scores'] });
    expect((await sixth.closed).code).toBe(1008);
    expect(sixth.texts).toEqual(['{"type":"error","message":"Connection limit exceeded"}']);

    // Another key is not affected by the demo key's limit.
    const other = await connect(sim);
    await other.subscribe(sim.keys[1]!.apiKey, ['scores']);

    const closedOnServer = new Promise((resolve) => sim.once('client-closed', resolve));
    await five[0]!.close();
    await closedOnServer;
    expect(sim.connectionCount(sim.demoKey)).toBe(4);
    const replacement = await connect(sim);
    expect((await replacement.subscribe(sim.demoKey, ['scores'])).type).toBe('subscribed');
  });

  it('closes a connection that does not subscribe before the deadline', async () => {
    const sim = await start({ subscribeTimeoutMs: 200, errorStyle: 'close-reason-only' });
    const started = Date.now();
    const closedOnServer = new Promise((resolve) => sim.once('client-closed', resolve));
    const client = await connect(sim);
    const closed = await client.closed;
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(closed).toEqual({ code: 1008, reason: 'Authentication timeout' });
    await closedOnServer;
    expect(sim.connections()[0]?.close).toMatchObject({ code: 1008, by: 'server' });
  });

  it('keeps a connection that subscribed in time past the deadline', async () => {
    const sim = await start({ subscribeTimeoutMs: 150 });
    const client = await connect(sim);
    await client.subscribe(sim.demoKey, ['scores']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await client.roundTrip();
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });

  it('complains about a frame that is not JSON or of an unknown type but keeps the connection', async () => {
    const sim = await start();
    const client = await connect(sim);
    client.send('hello?');
    client.send({ type: 'dance' });
    await client.roundTrip();
    expect(client.framesOfType('error').map((f) => f.message)).toEqual([
      'Invalid message',
      'Unknown message type',
    ]);
  });
});

describe('keep-alive', () => {
  it('answers ping with pong, before and after subscribing', async () => {
    const sim = await start();
    const client = await connect(sim);
    await client.roundTrip();
    await client.subscribe(sim.demoKey, ['scores']);
    await client.roundTrip();
    expect(client.framesOfType('pong')).toHaveLength(2);
  });

  it('sends a heartbeat to subscribers at the configured interval', async () => {
    const sim = await start({ heartbeatIntervalMs: 100 });
    const client = await connect(sim);
    const idle = await connect(sim);
    await client.subscribe(sim.demoKey, ['scores']);
    const times: number[] = [];
    client.socket.on('message', (data) => {
      if (data.toString() === '{"type":"heartbeat"}') times.push(Date.now());
    });
    await client.until(() => times.length >= 4, 3000);
    // Spans, not single gaps: a late read shortens the next gap but not the span. Timers
    // never fire early, so three intervals take at least about 300 ms (less one late
    // first read), and far less than the 60 s default.
    const span = times[3]! - times[0]!;
    expect(span).toBeGreaterThanOrEqual(200);
    expect(span).toBeLessThan(1_500);
    expect(parseServerFrame('{"type":"heartbeat"}')).toEqual({
      ok: true,
      frame: { type: 'heartbeat' },
    });
    expect(idle.framesOfType('heartbeat')).toEqual([]);
  });
});

describe('unsubscribe', () => {
  it('stops updates and frees the slot, keeping the socket open', async () => {
    const sim = await start();
    const client = await connect(sim);
    await client.subscribe(sim.demoKey, ['scores']);
    sim.broadcast('scores', 'UPDATE', { fixtureId: 'id1000000000000001', currentMinute: 10 });
    await client.roundTrip();
    expect(client.broadcasts()).toHaveLength(1);

    client.send({ type: 'unsubscribe' });
    await client.roundTrip();
    expect(sim.connectionCount(sim.demoKey)).toBe(0);
    sim.broadcast('scores', 'UPDATE', { fixtureId: 'id1000000000000001', currentMinute: 11 });
    await client.roundTrip();
    expect(client.broadcasts()).toHaveLength(1);
    expect(client.texts).not.toContain('{"type":"unsubscribed"}');
  });

  it('acknowledges the unsubscribe when configured to', async () => {
    const sim = await start({ acknowledgeUnsubscribe: true });
    const client = await connect(sim);
    await client.subscribe(sim.demoKey, ['scores']);
    client.send({ type: 'unsubscribe' });
    expect(await client.nextOfType('unsubscribed')).toEqual({ type: 'unsubscribed' });
  });
});

describe('HTTP side', () => {
  it('answers a plain GET on /ws/subscribe with 426 and a JSON body', async () => {
    const sim = await start();
    const response = await fetch(`${sim.httpUrl}/ws/subscribe`);
    expect(response.status).toBe(426);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(((await response.json()) as { detail: string }).detail).toMatch(/Upgrade Required/);
  });

  it('answers other paths with 404 JSON and other methods with 405', async () => {
    const sim = await start();
    const missing = await fetch(`${sim.httpUrl}/nothing/here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: 'Not Found' });
    const post = await fetch(`${sim.httpUrl}/ws/subscribe`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('refuses WebSocket upgrades on other paths', async () => {
    const sim = await start();
    await expect(TestClient.connect(sim.url.replace('/ws/subscribe', '/ws/other'))).rejects.toThrow(
      /404/,
    );
  });

  it('serves routes added to its router (where the REST API will go)', async () => {
    const sim = await start();
    sim.router.get('/api/v1/orders/:orderId', (_req, res, params) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ orderId: params.orderId }));
    });
    const response = await fetch(`${sim.httpUrl}/api/v1/orders/42?x=1`);
    expect(await response.json()).toEqual({ orderId: '42' });
  });
});
