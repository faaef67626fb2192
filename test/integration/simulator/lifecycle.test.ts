import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../../main/simulator';
import { TestClient } from './test-client';

const WATCHED = ['TCPServerWrap', 'TCPSocketWrap', 'TCPWrap', 'Timeout', 'Immediate'];

function handleCounts(): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(WATCHED.map((w) => [w, 0]));
  for (const kind of process.getActiveResourcesInfo()) if (kind in counts) counts[kind]! += 1;
  return counts;
}

async function settled(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

describe('simulator lifecycle', () => {
  it('close() ends every connection and leaves no open handle behind', async () => {
    await settled();
    const before = handleCounts();
    const sim = await startSimulator({
      heartbeatIntervalMs: 20,
      subscribeTimeoutMs: 10_000,
      scenario: { autoStart: true, eventsPerSecond: 200, seed: 8 },
    });
    const subscribed = await TestClient.connect(sim.url);
    await subscribed.subscribe(sim.demoKey);
    const waiting = await TestClient.connect(sim.url);
    await waiting.roundTrip();
    const silenced = await TestClient.connect(sim.url);
    await silenced.subscribe(sim.keys[1]!.apiKey);
    sim.faults.silence({ apiKey: sim.keys[1]!.apiKey });
    await subscribed.until(() => subscribed.broadcasts().length > 5);

    const started = Date.now();
    await sim.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await subscribed.closed).toEqual({ code: 1001, reason: 'Server shutting down' });
    expect((await waiting.closed).code).toBe(1001);
    expect((await silenced.closed).code).toBe(1006);
    expect(sim.scenario.running).toBe(false);
    await sim.close();

    await settled();
    expect(handleCounts()).toEqual(before);
    await expect(TestClient.connect(sim.url)).rejects.toThrow();
  });

  it('fails to start on a port already taken, leaving nothing open', async () => {
    await settled();
    const first = await startSimulator({ scenario: false });
    const before = handleCounts();
    await expect(startSimulator({ port: first.port, scenario: false })).rejects.toThrow(
      /EADDRINUSE/,
    );
    await settled();
    expect(handleCounts()).toEqual(before);
    await first.close();
  });

  it('refuses keys that are not UUIDs and non-positive timings', async () => {
    await expect(
      startSimulator({ keys: [{ apiKey: 'nope', client: 'x', name: 'X' }] }),
    ).rejects.toThrow(/UUID/);
    await expect(startSimulator({ subscribeTimeoutMs: 0 })).rejects.toThrow(/positive/);
    await expect(startSimulator({ scenario: { declineRate: 1.5 } })).rejects.toThrow(
      /between 0 and 1/,
    );
  });

  it('reports its URLs and the demo key', async () => {
    const sim = await startSimulator({ scenario: false });
    expect(sim.url).toBe(`ws://127.0.0.1:${sim.port}/ws/subscribe`);
    expect(sim.httpUrl).toBe(`http://127.0.0.1:${sim.port}`);
    expect(sim.demoKey).toBe(sim.keys[0]!.apiKey);
    expect(sim.port).toBeGreaterThan(0);
    await sim.close();
  });
});
