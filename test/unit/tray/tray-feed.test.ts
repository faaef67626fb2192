import type { Menu } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushBatch } from '../../../common/ipc/push-batch';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings/schema';
import type { FeedController } from '../../../main/app/feed-controller';
import { PushBatcher } from '../../../main/ipc/push-batcher';
import { TrayController, type TrayHandle } from '../../../main/tray/tray-controller';
import { followFeed } from '../../../main/tray/tray-feed';
import { TEST_KEY, testFeedController } from '../../support/feed-controller-fixture';
import { NO_TRAY_ACTIONS } from './tray-fixtures';

const GRACE_MS = 15_000;
/** 2026-03-05 23:59:00 UTC; the day ends at midnight UTC in these tests. */
const T0 = Date.UTC(2026, 2, 5, 23, 59, 0);
const MIDNIGHT = Date.UTC(2026, 2, 6);
const utcDayStart = (now: number) => now - (now % 86_400_000);

/** The tray's view is read through its probe; the Electron tray itself is not looked at. */
const idleTray: TrayHandle = {
  setImage: () => {},
  setToolTip: () => {},
  setTitle: () => {},
  setContextMenu: () => {},
  on: () => idleTray as never,
  destroy: () => {},
};

let controller: FeedController | undefined;

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(async () => {
  vi.useRealTimers();
  await controller?.stop();
  controller = undefined;
});

/** The app's wiring of feed, tray and push batcher, with a server played by the test. */
async function setup(notifications: Partial<Settings['notifications']> = {}) {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    hedgeGraceSeconds: GRACE_MS / 1000,
    notifications: { ...DEFAULT_SETTINGS.notifications, ...notifications },
  };
  let key: string | null = TEST_KEY;
  const { feed, sockets } = testFeedController(
    { settings: () => settings, keys: { readKey: () => key } },
    { random: Math.random, store: { dayStart: utcDayStart } },
  );
  controller = feed;
  const tray = new TrayController({
    tray: idleTray,
    buildMenu: () => ({}) as Menu,
    resolveIcon: () => '',
    actions: NO_TRAY_ACTIONS,
    platform: 'darwin',
    timeZone: 'UTC',
    initial: {
      status: feed.status,
      counters: { fills: 0, hedgesPlaced: 0 },
      fillsMissingHedge: 0,
      lastEvent: null,
      quietUntil: settings.notifications.quietUntil,
      demo: false,
      keySet: true,
    },
  });
  followFeed(tray, feed);
  const pushes: PushBatch[] = [];
  const batcher = new PushBatcher({
    send: (_channel, batch) => pushes.push(batch as PushBatch),
    summarize: () => {
      const engine = feed.currentEngine;
      if (!engine) return {};
      return {
        counters: engine.store.counters(Date.now()),
        missingHedges: engine.policy.missingHedges(),
      };
    },
    now: () => Date.now(),
  });
  batcher.listenTo(feed);

  await feed.restart();
  const socket = sockets[0]!;
  socket.acceptConnection();
  socket.receive({ type: 'subscribed', subscriptionId: 1 });
  const fill = (orderId: number) =>
    socket.receive({
      type: 'broadcast',
      channel: 'orders',
      event: 'UPDATE',
      payload: { orderId, exchange: 'kalshi', orderStake: 100, matchedStake: 10 },
      old: { matchedStake: 0 },
    });
  const hedge = (betId: number, orderId: number) =>
    socket.receive({
      type: 'broadcast',
      channel: 'bets',
      event: 'INSERT',
      payload: { betId, orderId, bookmaker: 'pinnacle', betStatus: 'placed' },
    });
  const shown = () => tray.probe.state();
  const clearKey = () => {
    key = null;
  };
  return { feed, sockets, fill, hedge, shown, pushes, clearKey };
}

describe('the tray and the dashboard follow the feed with time alone', () => {
  it('show a fill whose hedge is overdue while notifications are paused and the feed is quiet', async () => {
    const { feed, fill, shown, pushes } = await setup({ quietUntil: T0 + 3_600_000 });
    fill(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown().title).toBe('');
    const before = pushes.length;

    await vi.advanceTimersByTimeAsync(GRACE_MS);
    expect(feed.recentNotifications().filter((n) => n.kind === 'hedge-missing')).toEqual([]);
    expect(shown().title).toBe('1');
    expect(shown().tooltip).toContain('1 unhedged');
    const after = pushes.slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ events: [], missingHedges: { fillsMissingHedge: 1 } });
  });

  it('count a late hedge at once, though the feed then falls quiet', async () => {
    const { fill, hedge, shown } = await setup({ quietUntil: T0 + 3_600_000 });
    fill(1);
    await vi.advanceTimersByTimeAsync(GRACE_MS + 1_000);
    expect(shown().title).toBe('1');

    hedge(11, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(shown().title).toBe('');
    expect(shown().tooltip).not.toContain('unhedged');
  });

  it('start today’s counts again at midnight on a quiet night', async () => {
    const { fill, shown, pushes } = await setup();
    fill(1);
    fill(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown().tooltip).toContain('Today: 2 fills, 0 hedges');
    const before = pushes.length;

    await vi.advanceTimersByTimeAsync(MIDNIGHT - Date.now() - 1);
    expect(shown().tooltip).toContain('Today: 2 fills');
    await vi.advanceTimersByTimeAsync(1 + 300); // midnight, then the tooltip's throttle
    expect(shown().tooltip).toContain('Today: 0 fills, 0 hedges');
    const counters = pushes.slice(before).at(-1)?.counters;
    expect(counters).toMatchObject({ dayStart: MIDNIGHT, fills: 0 });
  });

  it('pushes nothing on a tick that changed nothing', async () => {
    const { feed, fill, hedge, pushes } = await setup();
    const ticks: number[] = [];
    feed.on('tick', (at) => ticks.push(at));
    fill(1);
    hedge(11, 1);
    await vi.advanceTimersByTimeAsync(1_000);
    const before = pushes.length;
    // A REST read that found nothing new still ticks, so that listeners look again.
    feed.currentEngine?.mergeState({ orders: [], bets: [] });
    await vi.advanceTimersByTimeAsync(GRACE_MS);
    expect(ticks).toEqual([T0 + 1_000]);
    expect(pushes.slice(before)).toEqual([]);
  });

  it('does not tick when the deadline the timer waited for went away', async () => {
    const { feed, fill, hedge, pushes } = await setup();
    const ticks: number[] = [];
    feed.on('tick', (at) => ticks.push(at));
    fill(1);
    // After the policy timer's last wake before the deadline (it wakes every
    // MAX_POLICY_WAIT_MS): the timer set for the fill's deadline then wakes with nothing due.
    await vi.advanceTimersByTimeAsync(GRACE_MS - 1_500);
    hedge(11, 1);
    await vi.advanceTimersByTimeAsync(1_000);
    const before = pushes.length;
    await vi.advanceTimersByTimeAsync(GRACE_MS);
    expect(ticks).toEqual([]);
    expect(pushes.slice(before)).toEqual([]);
  });
});

describe('the tray after the feed stops or restarts', () => {
  /** A fill, and another whose hedge is overdue: one unhedged, the last event shown. */
  async function withAnUnhedgedFill() {
    const wired = await setup();
    wired.fill(1);
    wired.hedge(11, 1);
    wired.fill(2);
    await vi.advanceTimersByTimeAsync(GRACE_MS + 1_000);
    const before = wired.shown();
    expect(before.title).toBe('1');
    expect(before.tooltip).toContain('Today: 2 fills, 1 hedge, 1 unhedged');
    expect(before.tooltip).toContain('Last:');
    expect(before.menu.map((item) => item.id)).toContain('missing-hedges');
    return wired;
  }

  it('drops the stopped engine’s counts and last event when the key is cleared', async () => {
    const { feed, shown, clearKey } = await withAnUnhedgedFill();

    clearKey();
    const restarting = feed.restart();
    await vi.advanceTimersByTimeAsync(300); // the old socket's close, the tray's throttle
    await restarting;
    expect(feed.currentEngine).toBeNull();
    const after = shown();
    expect(after.title).toBe('');
    expect(after.tooltip).toContain('Today: 0 fills, 0 hedges');
    expect(after.tooltip).not.toContain('unhedged');
    expect(after.tooltip).not.toContain('Last:');
    expect(after.menu.map((item) => item.id)).not.toContain('missing-hedges');
  });

  it('shows the new engine’s counts, not the old one’s, after a restart', async () => {
    const { feed, sockets, shown } = await withAnUnhedgedFill();

    const restarting = feed.restart();
    await vi.advanceTimersByTimeAsync(300);
    await restarting;
    expect(sockets).toHaveLength(2);
    sockets[1]?.acceptConnection();
    await vi.advanceTimersByTimeAsync(300);
    expect(feed.currentEngine).not.toBeNull();
    expect(shown().title).toBe('');
    expect(shown().tooltip).toContain('Today: 0 fills, 0 hedges');
    expect(shown().tooltip).not.toContain('Last:');
  });
});
