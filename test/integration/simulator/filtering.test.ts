import { afterEach, describe, expect, it } from 'vitest';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import {
  broadcastFrame,
  type ModelChange,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '../../../main/simulator';
import { closeAll, TestClient } from './test-client';

const START = Date.UTC(2026, 1, 15, 10, 0, 0);

let simulator: Simulator | undefined;
let clients: TestClient[] = [];

async function start(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  simulator = await startSimulator({
    scenario: { seed: 21, startTime: START, emergencyRate: 0.01 },
    ...options,
  });
  return simulator;
}

async function subscribed(
  sim: Simulator,
  apiKey: string,
  channels?: string[],
): Promise<TestClient> {
  const client = await TestClient.connect(sim.url);
  clients.push(client);
  await client.subscribe(apiKey, channels);
  return client;
}

function recordChanges(sim: Simulator): ModelChange[] {
  const changes: ModelChange[] = [];
  sim.model.onChange((c) => changes.push(c));
  return changes;
}

afterEach(async () => {
  await closeAll(clients);
  clients = [];
  await simulator?.close();
  simulator = undefined;
});

describe('per-key and per-channel filtering', () => {
  it("shows each key only its own client's orders, bets and accounts, and everyone the global channels", async () => {
    const sim = await start();
    const demoKey = sim.demoKey;
    const acmeKey = sim.keys[1]!.apiKey;
    const demo = await subscribed(sim, demoKey);
    const acme = await subscribed(sim, acmeKey);
    const changes = recordChanges(sim);

    sim.scenario.step(1500);
    await Promise.all([demo.roundTrip(), acme.roundTrip()]);

    const expected = (client: string) =>
      changes
        .filter((c) => c.client === undefined || c.client === client)
        .map((c) => broadcastFrame(c, 'current'));
    const received = (c: TestClient) => c.texts.filter((t) => t.startsWith('{"type":"broadcast"'));
    expect(received(demo)).toEqual(expected('demo'));
    expect(received(acme)).toEqual(expected('acme'));

    const accountsOf = (c: TestClient) =>
      c.broadcasts('orders').map((f) => (f.payload as { account: string }).account);
    expect(accountsOf(demo).length).toBeGreaterThan(20);
    expect(accountsOf(demo).every((a) => a.startsWith('demo-'))).toBe(true);
    expect(accountsOf(acme).every((a) => a.startsWith('acme-'))).toBe(true);
    expect(
      demo.broadcasts('bets').every((f) => (f.payload as { client: string }).client === 'demo'),
    ).toBe(true);
    expect(demo.broadcasts('scores').length).toBeGreaterThan(20);
    expect(demo.broadcasts('scores')).toEqual(acme.broadcasts('scores'));
    expect(demo.broadcasts('emergency')).toEqual(acme.broadcasts('emergency'));
    expect(demo.broadcasts('emergency').length).toBeGreaterThan(0);

    for (const text of [...demo.texts, ...acme.texts]) {
      const parsed = parseServerFrame(text);
      if (!parsed.ok) throw new Error(`${parsed.error}: ${text}`);
    }
  });

  it('sends only the channels a connection subscribed to', async () => {
    const sim = await start();
    const scoresOnly = await subscribed(sim, sim.demoKey, ['scores']);
    const ordersAndBets = await subscribed(sim, sim.demoKey, ['orders', 'bets']);
    sim.scenario.step(800);
    await Promise.all([scoresOnly.roundTrip(), ordersAndBets.roundTrip()]);
    expect(new Set(scoresOnly.broadcasts().map((f) => f.channel))).toEqual(new Set(['scores']));
    expect(new Set(ordersAndBets.broadcasts().map((f) => f.channel))).toEqual(
      new Set(['orders', 'bets']),
    );
  });

  it('sends nothing to a connection that has not subscribed', async () => {
    const sim = await start();
    const idle = await TestClient.connect(sim.url);
    clients.push(idle);
    sim.scenario.step(300);
    await idle.roundTrip();
    expect(idle.broadcasts()).toEqual([]);
  });

  it('keys order payloads by id under legacy naming, and the client still parses them', async () => {
    const sim = await start({ legacyNaming: true });
    const demo = await subscribed(sim, sim.demoKey, ['orders']);
    sim.scenario.step(300);
    await demo.roundTrip();
    const orders = demo.broadcasts('orders');
    expect(orders.length).toBeGreaterThan(10);
    for (const frame of orders) {
      expect(frame.payload).toHaveProperty('id');
      expect(frame.payload).not.toHaveProperty('orderId');
    }
    for (const text of demo.texts) expect(parseServerFrame(text).ok).toBe(true);
  });

  it('sends only the identity and the changed fields of an UPDATE when configured to', async () => {
    const sim = await start({ updatePayloads: 'changed-only' });
    const demo = await subscribed(sim, sim.demoKey);
    sim.scenario.step(500);
    await demo.roundTrip();
    const updates = demo.broadcasts('orders').filter((f) => f.event === 'UPDATE');
    expect(updates.length).toBeGreaterThan(10);
    for (const frame of updates) {
      const allowed = new Set(['orderId', ...Object.keys(frame.old as object)]);
      expect(Object.keys(frame.payload as object).every((field) => allowed.has(field))).toBe(true);
    }
    const inserts = demo.broadcasts('orders').filter((f) => f.event === 'INSERT');
    expect(Object.keys(inserts[0]!.payload as object).length).toBeGreaterThan(15);
    for (const text of demo.texts) expect(parseServerFrame(text).ok).toBe(true);
  });

  it('delivers injected broadcasts to the targets asked for', async () => {
    const sim = await start({ scenario: false });
    const demo = await subscribed(sim, sim.demoKey, ['orders', 'scores']);
    const acme = await subscribed(sim, sim.keys[1]!.apiKey, ['orders', 'scores']);
    expect(sim.broadcast('scores', 'UPDATE', { fixtureId: 'id1', currentMinute: 5 })).toBe(2);
    expect(sim.broadcast('orders', 'INSERT', { orderId: 1 }, undefined, { client: 'acme' })).toBe(
      1,
    );
    expect(
      sim.broadcast('orders', 'INSERT', { orderId: 2 }, undefined, { apiKey: sim.demoKey }),
    ).toBe(1);
    const demoId = sim.clients().find((c) => c.apiKey === sim.demoKey)!.id;
    expect(
      sim.broadcast(
        'scores',
        'UPDATE',
        { fixtureId: 'id1' },
        { currentMinute: 5 },
        { connectionId: demoId },
      ),
    ).toBe(1);
    await Promise.all([demo.roundTrip(), acme.roundTrip()]);
    expect(demo.broadcasts().map((f) => [f.channel, f.payload])).toEqual([
      ['scores', { fixtureId: 'id1', currentMinute: 5 }],
      ['orders', { orderId: 2 }],
      ['scores', { fixtureId: 'id1' }],
    ]);
    expect(demo.broadcasts().at(-1)!.old).toEqual({ currentMinute: 5 });
    expect(acme.broadcasts().map((f) => (f.payload as { orderId?: number }).orderId)).toEqual([
      undefined,
      1,
    ]);
  });

  it('runs the scenario live on its timer once started', async () => {
    const sim = await start({ scenario: { seed: 4, eventsPerSecond: 200, autoStart: true } });
    expect(sim.scenario.running).toBe(true);
    const demo = await subscribed(sim, sim.demoKey);
    await demo.until(() => demo.broadcasts().length >= 20, 3000);
    sim.scenario.stop();
    expect(sim.scenario.running).toBe(false);
  });
});
