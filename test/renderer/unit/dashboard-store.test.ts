import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  batch,
  betEvent,
  emergencyEvent,
  liveStatus,
  orderEvent,
  scoreEvent,
  snapshot,
  T0,
} from './builders';
import { createHarness } from './store-harness';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const settle = () => vi.advanceTimersByTimeAsync(5);
const ids = (events: { event: { seq: number } }[]) => events.map((e) => e.event.seq);

describe('joining the feed: pushes first, then the snapshot', () => {
  it('subscribes to every push before it asks for the snapshot', async () => {
    const h = createHarness({ snapshot: snapshot() });
    const started = h.store.start();
    expect(h.control.listenerCounts()).toEqual({
      batch: 1,
      navigate: 1,
      settings: 1,
      keyStatus: 1,
      trading: 1,
    });
    expect(h.snapshotCalls()).toBe(1);
    expect(h.store.getState().load).toBe('loading');
    await settle();
    await started;
    expect(h.store.getState().load).toBe('ready');
  });

  it('applies pushes that arrived while the snapshot loaded, but not events it already had', async () => {
    const had = [orderEvent(1, { orderId: '100' }), orderEvent(2, { orderId: '101' })];
    const base = snapshot({}, had);
    base.feed.orders = [{ orderId: '100' }, { orderId: '101' }];
    const h = createHarness({ snapshot: base });
    void h.store.start();
    h.control.push(batch([orderEvent(2, { orderId: '101' }), orderEvent(3, { orderId: '102' })]));
    await settle();
    expect(ids([...h.store.getState().entries])).toEqual([3, 2, 1]);
    expect([...h.store.getState().orders.keys()]).toEqual(['100', '101', '102']);
  });

  it('skips events main still held when it took the snapshot, then takes everything', async () => {
    const h = createHarness({ snapshot: snapshot({}, [orderEvent(5, { orderId: '100' })]) });
    void h.store.start();
    await settle();
    h.control.push(batch([orderEvent(4, { orderId: '99' }), orderEvent(5, { orderId: '100' })]));
    h.control.push(batch([orderEvent(6, { orderId: '101' })]));
    h.runFrame();
    expect(ids([...h.store.getState().entries])).toEqual([6, 5]);
    expect(h.snapshotCalls()).toBe(1);
  });

  it('says so when the snapshot cannot be had, and loads on retry', async () => {
    const h = createHarness({ snapshot: snapshot() });
    const failing = vi
      .spyOn(h.bridge.app, 'snapshot')
      .mockRejectedValueOnce(new Error('main is busy'));
    await h.store.start();
    expect(h.store.getState()).toMatchObject({ load: 'failed', loadError: 'main is busy' });
    failing.mockRestore();
    const retry = h.store.resync();
    await settle();
    await retry;
    expect(h.store.getState().load).toBe('ready');
  });
});

describe('updates are batched per animation frame', () => {
  it('folds any number of pushes into one change, at the next frame', async () => {
    const h = createHarness({ snapshot: snapshot() });
    void h.store.start();
    await settle();
    const before = h.notifications();
    for (let seq = 1; seq <= 3; seq++)
      h.control.push(batch([orderEvent(seq, { orderId: `${seq}` })]));
    expect(h.notifications()).toBe(before);
    expect(h.pendingFrames()).toBe(1);
    h.runFrame();
    expect(h.notifications()).toBe(before + 1);
    expect(h.store.getState().entries).toHaveLength(3);
  });

  it('keeps the parts nothing touched, so their readers do not render again', async () => {
    const h = createHarness({ snapshot: snapshot() });
    void h.store.start();
    await settle();
    const before = h.store.getState();
    h.control.push(batch([orderEvent(1, { orderId: '1' })]));
    h.runFrame();
    const after = h.store.getState();
    expect(after.orders).not.toBe(before.orders);
    expect(after.bets).toBe(before.bets);
    expect(after.scores).toBe(before.scores);
    expect(after.notifications).toBe(before.notifications);
  });

  it('folds them in without waiting for a frame when frames stopped coming (hidden window)', async () => {
    const h = createHarness({ snapshot: snapshot() });
    void h.store.start();
    await settle();
    for (let seq = 1; seq <= 601; seq++)
      h.control.push(batch([orderEvent(seq, { orderId: `${seq}` })]));
    expect(h.store.getState().entries).toHaveLength(601);
  });
});

describe('records from events', () => {
  it('merges an UPDATE that carries only what changed into the order', async () => {
    const h = createHarness({ snapshot: snapshot() });
    void h.store.start();
    await settle();
    h.control.push(
      batch([
        orderEvent(1, { orderId: '7', exchange: 'kalshi', orderStake: 50, matchedStake: 0 }),
        orderEvent(2, { orderId: '7', matchedStake: 20 }, { matchedStake: 0 }),
      ]),
    );
    h.runFrame();
    expect(h.store.getState().orders.get('7')).toEqual({
      orderId: '7',
      exchange: 'kalshi',
      orderStake: 50,
      matchedStake: 20,
    });
  });

  it('merges scores field by field, the score line too', async () => {
    const h = createHarness({ snapshot: snapshot() });
    void h.store.start();
    await settle();
    h.control.push(
      batch([
        scoreEvent(1, {
          fixtureId: 'f1',
          live: true,
          scores: { home: 1, away: 0 },
          currentMinute: 10,
        }),
        scoreEvent(2, { fixtureId: 'f1', scores: { away: 1 } }),
      ]),
    );
    h.runFrame();
    expect(h.store.getState().scores.get('f1')).toEqual({
      fixtureId: 'f1',
      live: true,
      scores: { home: 1, away: 1 },
      currentMinute: 10,
    });
  });

  it('counts fills and hedges itself when a batch brings no counters', async () => {
    const h = createHarness({ snapshot: snapshot() });
    void h.store.start();
    await settle();
    h.control.push(
      batch([
        orderEvent(1, { orderId: '7', orderStake: 50, matchedStake: 0 }),
        orderEvent(2, { orderId: '7', matchedStake: 20 }, { matchedStake: 0 }),
        betEvent(3, { betId: 'b1', orderId: '7', betStatus: 'pending' }),
        betEvent(4, { betId: 'b1', betStatus: 'declined' }, { betStatus: 'pending' }),
      ]),
    );
    h.runFrame();
    expect(h.store.getState().counters).toMatchObject({
      events: 4,
      fills: 1,
      matchedStake: 20,
      hedgesPending: 1,
      hedgesDeclined: 1,
    });
    const counters = { ...h.store.getState().counters, fills: 99 };
    h.control.push(batch([orderEvent(5, { orderId: '8' })], { counters }));
    h.runFrame();
    expect(h.store.getState().counters.fills).toBe(99);
  });

  it('follows the emergency from the status and from emergency events', async () => {
    const h = createHarness({ snapshot: snapshot() });
    void h.store.start();
    await settle();
    h.control.push(
      batch([], {
        status: liveStatus({ emergency: true, emergencyReason: 'risk', emergencySince: T0 + 5 }),
      }),
    );
    h.runFrame();
    expect(h.store.getState().emergency).toEqual({ active: true, reason: 'risk', since: T0 + 5 });
    h.control.push(batch([emergencyEvent(1, false, null)]));
    h.runFrame();
    expect(h.store.getState().emergency.active).toBe(false);
  });
});

describe('bounded state', () => {
  it('keeps the newest events, newest first, and the latest records', async () => {
    const h = createHarness({ snapshot: snapshot() }, { limits: { events: 100, orders: 50 } });
    void h.store.start();
    await settle();
    const events = Array.from({ length: 250 }, (_, i) =>
      orderEvent(i + 1, { orderId: `${i + 1}` }),
    );
    h.control.push(batch(events.slice(0, 120)));
    h.control.push(batch(events.slice(120)));
    h.runFrame();
    const { entries, orders, eventsReceived } = h.store.getState();
    expect(entries).toHaveLength(100);
    expect(entries[0]!.event.seq).toBe(250);
    expect(entries[99]!.event.seq).toBe(151);
    expect(orders.size).toBe(50);
    expect(orders.has('250')).toBe(true);
    expect(orders.has('200')).toBe(false);
    expect(eventsReceived).toBe(250);
  });

  it('keeps the latest notifications, errors and gaps, newest first', async () => {
    const h = createHarness({ snapshot: snapshot() }, { limits: { notifications: 2, gaps: 1 } });
    void h.store.start();
    await settle();
    const intent = (at: number) => ({
      kind: 'fill' as const,
      title: `fill ${at}`,
      body: '',
      count: 1,
      target: { view: 'feed' as const },
      urgent: false,
      at,
    });
    h.control.push(
      batch([], {
        notifications: [intent(1), intent(2), intent(3)],
        gaps: [
          { from: 1, to: 2 },
          { from: 3, to: 4 },
        ],
      }),
    );
    h.runFrame();
    expect(h.store.getState().notifications.map((n) => n.at)).toEqual([3, 2]);
    expect(h.store.getState().gaps).toEqual([{ from: 3, to: 4 }]);
  });
});

describe('fetching the snapshot again', () => {
  it('when the feed restarted: nothing of the previous feed stays on screen', async () => {
    const had = [orderEvent(1, { orderId: '100' })];
    const before = snapshot({}, had);
    before.feed.orders = [{ orderId: '100' }];
    before.feed.missingHedges = {
      fillsMissingHedge: 1,
      orders: [
        { orderId: '100', exchange: 'kalshi', fixtureId: null, stake: 5, fills: 1, since: T0 },
      ],
    };
    const h = createHarness({ snapshot: before }, { minResyncIntervalMs: 0 });
    void h.store.start();
    await settle();
    expect([...h.store.getState().orders.keys()]).toEqual(['100']);

    // The key was cleared: main's feed is empty now, and its numbering goes on.
    h.control.setSnapshot({ ...snapshot(), lastEventSeq: 1 });
    h.control.push(batch([], { restarted: true }));
    h.runFrame();
    await settle();
    expect(h.snapshotCalls()).toBe(2);
    expect([...h.store.getState().orders.keys()]).toEqual([]);
    expect(h.store.getState().missingHedges.fillsMissingHedge).toBe(0);
  });

  it('when main dropped events, at most once a second', async () => {
    const h = createHarness({ snapshot: snapshot() }, { minResyncIntervalMs: 1_000 });
    void h.store.start();
    await settle();
    h.control.push(batch([orderEvent(1, { orderId: '1' })], { dropped: 40 }));
    h.runFrame();
    await settle();
    expect(h.snapshotCalls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    h.runFrame();
    await settle();
    expect(h.snapshotCalls()).toBe(2);
  });

  it('tries a failed reload again, waiting longer each time, and says the picture may be incomplete', async () => {
    const h = createHarness(
      { snapshot: snapshot() },
      { minResyncIntervalMs: 0, resyncRetryMs: 1_000, maxResyncRetryMs: 4_000 },
    );
    void h.store.start();
    await settle();
    const load = h.bridge.app.snapshot.bind(h.bridge.app);
    let failing = true;
    vi.spyOn(h.bridge.app, 'snapshot').mockImplementation(() =>
      failing ? Promise.reject(new Error('main not answering')) : load(),
    );
    h.control.push(batch([orderEvent(1, { orderId: '1' })], { dropped: 40 }));
    h.runFrame();
    await settle();
    expect(h.bridge.app.snapshot).toHaveBeenCalledTimes(1);
    expect(h.store.getState().load).toBe('ready');
    expect(h.store.getState().resyncProblem).toBe('main not answering');

    // 1 s, then 2 s, then 4 s, then at most 4 s.
    // (settle() already took 5 ms of the first wait.)
    await vi.advanceTimersByTimeAsync(990);
    expect(h.bridge.app.snapshot).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(h.bridge.app.snapshot).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_990);
    expect(h.bridge.app.snapshot).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10);
    expect(h.bridge.app.snapshot).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(h.bridge.app.snapshot).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(h.bridge.app.snapshot).toHaveBeenCalledTimes(5);

    failing = false;
    await vi.advanceTimersByTimeAsync(4_000);
    await settle();
    expect(h.bridge.app.snapshot).toHaveBeenCalledTimes(6);
    expect(h.store.getState().resyncProblem).toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.bridge.app.snapshot).toHaveBeenCalledTimes(6);
  });

  it('stops retrying when stopped', async () => {
    const h = createHarness(
      { snapshot: snapshot() },
      { minResyncIntervalMs: 0, resyncRetryMs: 1_000 },
    );
    void h.store.start();
    await settle();
    vi.spyOn(h.bridge.app, 'snapshot').mockRejectedValue(new Error('gone'));
    h.control.push(batch([], { dropped: 1 }));
    h.runFrame();
    await settle();
    expect(h.bridge.app.snapshot).toHaveBeenCalledTimes(1);
    h.store.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.bridge.app.snapshot).toHaveBeenCalledTimes(1);
  });

  it('when the feed started over (sequence numbers went back)', async () => {
    const h = createHarness(
      { snapshot: snapshot({}, [orderEvent(50, { orderId: '1' })]) },
      {
        minResyncIntervalMs: 0,
      },
    );
    void h.store.start();
    await settle();
    h.control.push(batch([orderEvent(51, { orderId: '2' })]));
    h.runFrame();
    h.control.push(batch([orderEvent(1, { orderId: '900' })]));
    h.runFrame();
    await settle();
    expect(h.snapshotCalls()).toBe(2);
  });

  it('when demo mode is switched, and settings pushes update the settings', async () => {
    const h = createHarness({ snapshot: snapshot() }, { minResyncIntervalMs: 0 });
    void h.store.start();
    await settle();
    const updated = h.bridge.settings.update({ theme: 'dark' });
    await settle();
    await updated;
    expect(h.store.getState().settings?.theme).toBe('dark');
    expect(h.snapshotCalls()).toBe(1);
    const demo = h.bridge.demo.set(true);
    await settle();
    await demo;
    expect(h.store.getState().demo).toBe(true);
    h.runFrame();
    await settle();
    expect(h.snapshotCalls()).toBe(2);
  });
});

describe('navigation and key status pushes', () => {
  it('numbers each navigation request, so the same target twice is two requests', async () => {
    const h = createHarness({ snapshot: snapshot() });
    void h.store.start();
    await settle();
    h.control.navigate({ view: 'order', orderId: '5' });
    const first = h.store.getState().navigation;
    h.control.navigate({ view: 'order', orderId: '5' });
    const second = h.store.getState().navigation;
    expect(first?.target).toEqual({ view: 'order', orderId: '5' });
    expect(second?.serial).toBe((first?.serial ?? 0) + 1);
  });

  it('takes key status pushes', async () => {
    const h = createHarness({ snapshot: snapshot() });
    void h.store.start();
    await settle();
    h.control.setKeyStatus({ set: false, storage: 'none' });
    expect(h.store.getState().keyStatus).toEqual({ set: false, storage: 'none' });
  });

  it('stops listening when stopped', async () => {
    const h = createHarness({ snapshot: snapshot() });
    void h.store.start();
    await settle();
    h.store.stop();
    expect(h.control.listenerCounts()).toEqual({
      batch: 0,
      navigate: 0,
      settings: 0,
      keyStatus: 0,
      trading: 0,
    });
  });
});
