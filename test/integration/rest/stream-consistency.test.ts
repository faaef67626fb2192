import { afterEach, describe, expect, it } from 'vitest';
import type { RestClient } from '../../../main/rest';
import type { Simulator } from '../../../main/simulator';
import { type Frame, TestClient } from '../simulator/test-client';
import { clientOf, DAY_START, order, startRestSimulator } from './rest-fixture';

let simulator: Simulator | undefined;
const sockets: TestClient[] = [];

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.terminate()));
  await simulator?.close();
  simulator = undefined;
});

async function setUp(): Promise<{ simulator: Simulator; rest: RestClient; socket: TestClient }> {
  simulator = await startRestSimulator({
    scenario: { startTime: DAY_START, seed: 23, emergencyRate: 0, historyLimit: 5_000 },
  });
  const socket = await TestClient.connect(simulator.url);
  sockets.push(socket);
  await socket.subscribe(simulator.demoKey, ['orders', 'bets', 'accounts']);
  return { simulator, rest: clientOf(simulator, { pageSize: 50 }).rest, socket };
}

/** The last payload the socket carried for each order, by orderId. */
function latestOrders(frames: Frame[]): Map<number, Record<string, unknown>> {
  const latest = new Map<number, Record<string, unknown>>();
  for (const frame of frames) {
    const payload = frame.payload as Record<string, unknown>;
    latest.set(payload.orderId as number, payload);
  }
  return latest;
}

async function allOrders(rest: RestClient) {
  const first = await rest.orders({ pageSize: 2000 });
  return new Map(first.items.map((o) => [o.payload.orderId as number, o.payload]));
}

describe('simulator: the stream and REST tell the same story', () => {
  it('returns over REST every order the socket broadcast, in its latest state', async () => {
    const { simulator, rest, socket } = await setUp();
    simulator.scenario.step(400);
    await socket.roundTrip();
    const streamed = latestOrders(socket.broadcasts('orders'));
    expect(streamed.size).toBeGreaterThan(20);
    const served = await allOrders(rest);
    expect(served).toEqual(streamed);
    const open = await rest.openOrders();
    expect(new Set(open.map((o) => o.payload.orderId))).toEqual(
      new Set(
        [...streamed.values()]
          .filter((o) => o.orderStatus === 'PLACED' || o.orderStatus === 'PENDING_PLACEMENT')
          .map((o) => o.orderId),
      ),
    );
  });

  it('broadcasts the cancellations of a stop, and REST agrees', async () => {
    const { simulator, rest, socket } = await setUp();
    simulator.scenario.step(300);
    for (let id = 1; id <= 3; id++) simulator.model.insertOrder('demo', order(id));
    const open = await rest.openOrders();
    expect(open.length).toBeGreaterThan(3);
    const from = socket.broadcasts('orders').length;

    const stopped = await rest.stop();
    expect(stopped.cancelledOrders).toBe(open.length);
    await socket.roundTrip();
    const cancellations = socket.broadcasts('orders').slice(from);
    expect(cancellations.map((f) => (f.payload as { orderId: number }).orderId).sort()).toEqual(
      open.map((o) => o.payload.orderId as number).sort(),
    );
    for (const frame of cancellations) {
      expect(frame).toMatchObject({
        event: 'UPDATE',
        payload: { orderStatus: 'CANCELLED' },
        old: { orderStatus: expect.stringMatching(/PLACED|PENDING_PLACEMENT/) },
      });
    }
    expect(await rest.openOrders()).toEqual([]);
    const cancelled = await rest.orders({ status: 'CANCELLED', pageSize: 2000 });
    expect(cancelled.items.map((o) => o.payload.orderId)).toEqual(
      expect.arrayContaining(open.map((o) => o.payload.orderId)),
    );

    simulator.scenario.step(500);
    await socket.roundTrip();
    const afterStop = socket.broadcasts('orders').slice(from + cancellations.length);
    expect(afterStop.filter((f) => f.event === 'INSERT')).toEqual([]);
    await rest.start();
    simulator.scenario.step(500);
    await socket.roundTrip();
    expect(socket.broadcasts('orders').some((f, i) => i > from && f.event === 'INSERT')).toBe(true);
  });

  it('posts no new orders while paused, and fills and hedges go on', async () => {
    const { simulator, rest, socket } = await setUp();
    simulator.scenario.configure({ cancelRate: 0, failRate: 0, pendingHedgeRate: 0 });
    simulator.scenario.step(300);
    await rest.pause();
    await socket.roundTrip();
    const from = socket.frames.length;
    simulator.scenario.step(600);
    await socket.roundTrip();
    const during = socket.frames.slice(from).filter((f) => f.type === 'broadcast');
    const of = (channel: string, event: string) =>
      during.filter((f) => f.channel === channel && f.event === event);
    expect(of('orders', 'INSERT')).toEqual([]);
    expect(of('orders', 'UPDATE').length).toBeGreaterThan(0);
    expect(of('bets', 'INSERT').length).toBeGreaterThan(0);
    expect((await rest.tradingStatus()).status).toBe('manual_paused');

    await rest.resume();
    const resumed = socket.frames.length;
    simulator.scenario.step(300);
    await socket.roundTrip();
    expect(
      socket.frames.slice(resumed).some((f) => f.channel === 'orders' && f.event === 'INSERT'),
    ).toBe(true);
  });

  it.each([
    ['soft pause', (s: Simulator) => s.rest.setSoftPaused(true, 'stale feed')],
    ['system stop', (s: Simulator) => s.rest.setSystemStopped(true, 'maintenance')],
    ['emergency', (s: Simulator) => s.rest.setEmergency(true, 'manual')],
  ])('posts no new orders during a %s', async (_name, block) => {
    const { simulator, socket } = await setUp();
    simulator.scenario.step(100);
    block(simulator);
    await socket.roundTrip();
    const from = socket.frames.length;
    simulator.scenario.step(400);
    await socket.roundTrip();
    expect(
      socket.frames.slice(from).filter((f) => f.channel === 'orders' && f.event === 'INSERT'),
    ).toEqual([]);
  });

  it('gives a snapshot that corrects what a disconnected client missed', async () => {
    const { simulator, rest, socket } = await setUp();
    simulator.scenario.step(300);
    await socket.roundTrip();
    const seen = latestOrders(socket.broadcasts('orders'));
    await socket.terminate();
    simulator.scenario.step(400);
    await rest.pause();

    const snapshot = await rest.snapshot();
    const truth = simulator.model;
    const missed = truth
      .orders('demo')
      .filter((o) => seen.get(o.orderId)?.orderStatus !== o.orderStatus);
    expect(missed.length).toBeGreaterThan(0);
    expect(snapshot.openOrders.map((o) => o.payload)).toEqual(
      truth.openOrders('demo').sort((a, b) => b.orderId - a.orderId),
    );
    expect(snapshot.accounts.map((a) => a.payload)).toEqual(truth.accounts('demo'));
    expect(snapshot.bets.map((b) => b.payload.betId).sort()).toEqual(
      truth
        .bets('demo')
        .map((b) => b.betId)
        .sort(),
    );
    expect(snapshot.betsTotal).toBe(snapshot.bets.length);
    expect(snapshot.tradingStatus.status).toBe('manual_paused');
    expect(snapshot.day).toBe('2026-02-15');
    expect(snapshot.pnl).toMatchObject({ fromDate: '2026-02-15', toDate: '2026-02-15' });
  });
});
