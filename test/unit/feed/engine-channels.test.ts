import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import type { Channel } from '../../../common/protocol/channels';
import { FeedEngine } from '../../../main/engine';
import { documentedFill } from '../store/feed-events';

const T0 = Date.UTC(2026, 4, 1, 9, 0, 0);

describe('FeedEngine and the channels it subscribes', () => {
  let engine: FeedEngine;

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(async () => {
    await engine.stop();
    vi.useRealTimers();
  });

  /** An engine on `channels` that saw one fill; what it told by well after the grace. */
  function fillAndWait(channels: Channel[]) {
    engine = new FeedEngine({
      url: 'ws://127.0.0.1:9/ws/subscribe',
      apiKey: '123e4567-e89b-42d3-a456-426614174000',
      channels,
      policy: { timeZone: 'UTC', coalesceWindowMs: 0, hedgeGraceMs: 15_000 },
    });
    const told: NotificationIntent[] = [];
    engine.on('notification', (n) => told.push(n));
    engine.handleFrame(documentedFill(T0), T0);
    vi.advanceTimersByTime(60_000);
    return told.map((n) => n.kind);
  }

  it('without bets, reports a fill but never a missing hedge: no hedge could be seen', () => {
    expect(fillAndWait(['orders', 'emergency'])).toEqual(['fill']);
    expect(engine.policy.fillsMissingHedge).toBe(0);
    expect(engine.snapshot().missingHedges.orders).toEqual([]);
  });

  it('with bets, reports a fill left without its hedge', () => {
    expect(fillAndWait(['orders', 'bets'])).toEqual(['fill', 'hedge-missing']);
    expect(engine.policy.fillsMissingHedge).toBe(1);
  });
});
