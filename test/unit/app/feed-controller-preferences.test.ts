import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/settings/schema';
import type { FeedController } from '../../../main/app/feed-controller';
import { testFeedController } from '../../support/feed-controller-fixture';

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
    const { feed, sockets } = testFeedController({ settings: () => settings });
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
