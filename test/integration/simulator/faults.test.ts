import { afterEach, describe, expect, it } from 'vitest';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../../main/simulator';
import { closeAll, TestClient } from './test-client';

let simulator: Simulator | undefined;
let clients: TestClient[] = [];

async function start(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  simulator = await startSimulator({ scenario: false, ...options });
  return simulator;
}

async function subscribed(
  sim: Simulator,
  apiKey: string,
  channels = ['scores'],
): Promise<TestClient> {
  const client = await TestClient.connect(sim.url);
  clients.push(client);
  await client.subscribe(apiKey, channels);
  return client;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await closeAll(clients);
  clients = [];
  await simulator?.close();
  simulator = undefined;
});

describe('fault: drop', () => {
  it('cuts the connections of one key without a close frame', async () => {
    const sim = await start();
    const demo = await subscribed(sim, sim.demoKey);
    const acme = await subscribed(sim, sim.keys[1]!.apiKey);
    expect(sim.faults.drop({ apiKey: sim.demoKey })).toBe(1);
    expect((await demo.closed).code).toBe(1006);
    await acme.roundTrip();
    expect(acme.socket.readyState).toBe(acme.socket.OPEN);
  });

  it('cuts every connection when no target is given', async () => {
    const sim = await start();
    const a = await subscribed(sim, sim.demoKey);
    const b = await subscribed(sim, sim.keys[1]!.apiKey);
    expect(sim.faults.drop()).toBe(2);
    expect((await a.closed).code).toBe(1006);
    expect((await b.closed).code).toBe(1006);
  });
});

describe('fault: silence', () => {
  it('stops answering pings and sending, keeping TCP open, until lifted', async () => {
    const sim = await start({ heartbeatIntervalMs: 50 });
    const client = await subscribed(sim, sim.demoKey);
    sim.faults.silence({ apiKey: sim.demoKey });
    const before = client.texts.length;
    let wsPong = false;
    client.socket.on('pong', () => {
      wsPong = true;
    });
    client.send({ type: 'ping' });
    client.socket.ping();
    sim.broadcast('scores', 'UPDATE', { fixtureId: 'id1' });
    await delay(300);
    expect(client.texts.length).toBe(before);
    expect(wsPong).toBe(false);
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    expect(sim.clients()[0]?.silent).toBe(true);

    sim.faults.unsilence();
    await client.nextOfType('pong', before);
    await client.until(() => wsPong);
  });

  it('leaves new connections unaffected', async () => {
    const sim = await start();
    await subscribed(sim, sim.demoKey);
    sim.faults.silence();
    const fresh = await subscribed(sim, sim.demoKey);
    await fresh.roundTrip();
  });
});

describe('fault: junk', () => {
  it.each([['not-json'], ['wrong-shape'], ['invalid-payload'], ['unknown-type']] as const)(
    'sends %s frames that the client parser rejects',
    async (kind) => {
      const sim = await start();
      const client = await subscribed(sim, sim.demoKey);
      expect(sim.faults.junk(kind)).toBe(1);
      await client.roundTrip();
      const junk = client.texts.at(-2)!;
      expect(parseServerFrame(junk).ok).toBe(false);
    },
  );

  it('sends an oversized frame of the requested size', async () => {
    const sim = await start();
    const client = await subscribed(sim, sim.demoKey);
    sim.faults.junk('oversized', undefined, { bytes: 300_000 });
    await client.roundTrip();
    const big = client.texts.at(-2)!;
    expect(big.length).toBe(300_000);
    expect(JSON.parse(big).type).toBe('broadcast');
  });

  it('can send junk to a connection before it subscribes', async () => {
    const sim = await start();
    const client = await TestClient.connect(sim.url);
    clients.push(client);
    await client.roundTrip();
    expect(sim.sendRaw('garbage')).toBe(1);
    await client.until(() => client.texts.includes('garbage'));
  });
});

describe('fault: flood', () => {
  it('sends N valid broadcasts as fast as the socket takes them', async () => {
    const sim = await start();
    const client = await subscribed(sim, sim.demoKey, ['scores', 'orders']);
    const other = await subscribed(sim, sim.keys[1]!.apiKey, ['bets']);
    expect(await sim.faults.flood(2000)).toBe(2000);
    await client.until(() => client.broadcasts('scores').length === 2000, 5000);
    expect(
      await sim.faults.flood(100, { channel: 'orders', target: { apiKey: sim.demoKey } }),
    ).toBe(100);
    await client.until(() => client.broadcasts('orders').length === 100);
    for (const text of client.texts) expect(parseServerFrame(text).ok).toBe(true);
    await other.roundTrip();
    expect(other.broadcasts()).toEqual([]);
  });
});

describe('fault: close with a code', () => {
  it('closes with the given code and reason', async () => {
    const sim = await start();
    const client = await subscribed(sim, sim.demoKey);
    sim.faults.closeWith(1011, 'Internal error');
    expect(await client.closed).toEqual({ code: 1011, reason: 'Internal error' });
  });
});

describe('introspection', () => {
  it('lists connected clients with their key, channels and subscription state', async () => {
    const sim = await start();
    const connected = new Promise((resolve) => sim.once('client-connected', resolve));
    await subscribed(sim, sim.demoKey, ['orders', 'bets']);
    await connected;
    const idle = await TestClient.connect(sim.url);
    clients.push(idle);
    await idle.roundTrip();
    const list = sim.clients();
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      apiKey: sim.demoKey,
      client: 'demo',
      subscribed: true,
      subscriptionId: 1,
      channels: ['orders', 'bets'],
      open: true,
    });
    expect(list[1]).toMatchObject({ subscribed: false, channels: [] });
    expect(sim.connectionCount(sim.demoKey)).toBe(1);
  });

  it('records what a client sent and how it closed', async () => {
    const sim = await start();
    const messages: string[] = [];
    sim.on('client-message', (_client, text) => messages.push(text));
    const closed = new Promise<unknown[]>((resolve) =>
      sim.once('client-closed', (...args) => resolve(args)),
    );
    const client = await subscribed(sim, sim.demoKey);
    client.send({ type: 'unsubscribe' });
    await client.close(1000, 'bye');
    const [info, close] = await closed;
    const record = sim.connection((info as { id: number }).id)!;
    expect(record.received.map((r) => JSON.parse(r.text).type)).toEqual([
      'subscribe',
      'unsubscribe',
    ]);
    expect(record.close).toMatchObject({ code: 1000, reason: 'bye', by: 'client' });
    expect(close).toEqual(record.close);
    expect(record.open).toBe(false);
    expect(messages).toHaveLength(2);
    expect(sim.clients()).toEqual([]);
    expect(sim.connections()).toHaveLength(1);
  });

  it('records a server-side close with its code', async () => {
    const sim = await start();
    const client = await subscribed(sim, sim.demoKey);
    const closed = new Promise((resolve) => sim.once('client-closed', resolve));
    sim.faults.drop();
    await client.closed;
    await closed;
    expect(sim.connections()[0]!.close).toMatchObject({ code: 1006, by: 'server' });
  });
});
