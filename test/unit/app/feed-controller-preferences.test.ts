import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings/schema';
import { FeedController } from '../../../main/app/feed-controller';
import { fakeSocketFactory } from '../../support/fake-socket';

const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
const T0 = Date.UTC(2026, 4, 1, 9, 0, 0);

let controller: FeedController | undefined;

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(async () => {
  const stopping = controller?.stop();
  await vi.runOnlyPendingTimersAsync();
  await stopping;
  controller = undefined;
  vi.useRealTimers();
});

describe('FeedController.applyPreferences', () => {
  it('applies a shorter hedge grace to fills already waiting, in a quiet feed', async () => {
    let settings: Settings = { ...DEFAULT_SETTINGS, hedgeGraceSeconds: 120 };
    const { factory, sockets } = fakeSocketFactory();
    const feed = new FeedController({
      keys: { readKey: () => KEY },
      settings: () => settings,
      startSimulator: () => Promise.reject(new Error('no demo in these tests')),
      engine: { createSocket: factory, random: () => 1, stopTimeoutMs: 10 },
      createRestClient: () => {
        throw new Error('no REST in this test');
      },
    });
    controller = feed;
    const missing: NotificationIntent[] = [];
    feed.on('notification', (n) => {
      if (n.kind === 'hedge-missing') missing.push(n);
    });
    await feed.restart();
    const socket = sockets[sockets.length - 1]!;
    socket.acceptConnection();
    socket.receive({ type: 'subscribed', subscriptionId: 1 });
    socket.receive({
      type: 'broadcast',
      channel: 'orders',
      event: 'UPDATE',
      payload: { orderId: 1, exchange: 'kalshi', orderStake: 100, matchedStake: 100 },
      old: { matchedStake: 0 },
    });

    vi.advanceTimersByTime(20_000);
    settings = { ...settings, hedgeGraceSeconds: 15 };
    feed.applyPreferences(settings);
    vi.advanceTimersByTime(1_000);
    expect(missing).toHaveLength(1);
  });
});
