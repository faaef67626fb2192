import { afterEach, describe, expect, it } from 'vitest';
import type { FeedStatus } from '../../../common/domain/status';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings/schema';
import { FeedController } from '../../../main/app/feed-controller';
import { testKey } from '../../../main/app/key-tester';
import { type Simulator, startSimulator } from '../../../main/simulator';
import { waitFor } from '../../support/wait';

let simulator: Simulator;
let controller: FeedController | undefined;

afterEach(async () => {
  await controller?.stop();
  controller = undefined;
  await simulator?.close();
});

async function setup(initial: Partial<Settings> = {}, key: string | null = null) {
  simulator = await startSimulator({ scenario: false });
  let settings: Settings = { ...DEFAULT_SETTINGS, endpoint: simulator.url, ...initial };
  let apiKey = key ?? simulator.demoKey;
  const statuses: FeedStatus[] = [];
  const feed = new FeedController({
    keys: { readKey: () => apiKey },
    settings: () => settings,
    startSimulator: (options) =>
      startSimulator({
        ...options,
        scenario: { ...(options.scenario || {}), eventsPerSecond: 50 },
      }),
    engine: { backoff: { baseMs: 20, capMs: 50 } },
  });
  controller = feed;
  feed.on('status', (s) => statuses.push(s));
  return {
    feed,
    statuses,
    setSettings: (patch: Partial<Settings>) => {
      settings = { ...settings, ...patch };
    },
    setKey: (k: string) => {
      apiKey = k;
    },
    live: () => waitFor(() => feed.status.state === 'live', 'live'),
  };
}

describe('FeedController', () => {
  it('never holds two of the key’s connections across restarts', async () => {
    const { feed, live } = await setup();
    let most = 0;
    simulator.on('client-subscribed', () => {
      most = Math.max(most, simulator.connectionCount(simulator.demoKey));
    });
    await feed.restart();
    await live();
    for (let i = 0; i < 5; i++) await feed.restart();
    await live();
    expect(most).toBe(1);
    expect(simulator.connectionCount(simulator.demoKey)).toBe(1);
  });

  it('continues event numbering across restarts', async () => {
    const { feed, live } = await setup();
    const seqs: number[] = [];
    feed.on('event', (e) => seqs.push(e.seq));
    await feed.restart();
    await live();
    simulator.broadcast('scores', 'UPDATE', { fixtureId: 'a' });
    await waitFor(() => seqs.length === 1, 'first event');
    await feed.restart();
    await live();
    simulator.broadcast('scores', 'UPDATE', { fixtureId: 'b' });
    await waitFor(() => seqs.length === 2, 'second event');
    expect(seqs).toEqual([1, 2]);
    expect(feed.lastEventSeq).toBe(2);
  });

  it('says there is no key instead of connecting without one', async () => {
    simulator = await startSimulator({ scenario: false });
    const feed = new FeedController({
      keys: { readKey: () => null },
      settings: () => ({ ...DEFAULT_SETTINGS, endpoint: simulator.url }),
      startSimulator,
    });
    controller = feed;
    await feed.restart();
    expect(feed.status).toMatchObject({
      state: 'stopped',
      reason: expect.stringMatching(/no API key/),
    });
    expect(simulator.connections()).toHaveLength(0);
  });

  it('runs the demo against an embedded simulator, then leaves it when demo mode ends', async () => {
    const { feed, setSettings, live } = await setup({ demoMode: true });
    const demo: boolean[] = [];
    feed.on('demo', (d) => demo.push(d));
    let events = 0;
    feed.on('event', () => events++);
    await feed.restart();
    await live();
    expect(feed.demo).toBe(true);
    await waitFor(() => events > 0, 'demo events', 5_000);
    setSettings({ demoMode: false });
    await feed.restart();
    await live();
    expect(feed.demo).toBe(false);
    expect(demo).toEqual([true, false]);
    expect(simulator.connectionCount(simulator.demoKey)).toBe(1);
  });

  it('applies notification preferences without reconnecting', async () => {
    const { feed, live } = await setup();
    await feed.restart();
    await live();
    const until = Date.now() + 60_000;
    feed.applyPreferences({
      ...DEFAULT_SETTINGS,
      notifications: { enabledKinds: ['emergency'], quietUntil: until },
    });
    expect(feed.currentEngine?.policy.quietUntil).toBe(until);
    expect(simulator.connections()).toHaveLength(1);
  });
});

describe('testKey', () => {
  it('reports an accepted key, a refused one and an unreachable server', async () => {
    simulator = await startSimulator({ scenario: false });
    await expect(testKey({ url: simulator.url, apiKey: simulator.demoKey })).resolves.toEqual({
      ok: true,
      message: 'the server accepted the key',
    });
    const refused = await testKey({
      url: simulator.url,
      apiKey: '00000000-1111-4222-8333-444444444444',
    });
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/refused.*Invalid API key/),
    });
    const unreachable = await testKey({
      url: 'ws://127.0.0.1:9/ws/subscribe',
      apiKey: simulator.demoKey,
    });
    expect(unreachable.ok).toBe(false);
    expect(unreachable.message).not.toContain(simulator.demoKey);
    await waitFor(() => simulator.clients().length === 0, 'test connections closed');
  });
});
