import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationIntent } from '../../../common/domain/notifications';
import type { FeedStatus } from '../../../common/domain/status';
import { FeedEngine } from '../../../main/engine';

const T0 = Date.UTC(2026, 4, 1, 9, 0, 0);

describe('FeedEngine.mergeState (state learned over REST)', () => {
  let engine: FeedEngine;
  let statuses: FeedStatus[];
  let notifications: NotificationIntent[];

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    engine = new FeedEngine({
      url: 'ws://127.0.0.1:9/ws/subscribe',
      apiKey: '123e4567-e89b-42d3-a456-426614174000',
      channels: ['orders', 'bets', 'emergency'],
      policy: { timeZone: 'UTC', coalesceWindowMs: 0 },
    });
    statuses = [];
    notifications = [];
    engine.on('status', (status) => statuses.push(status));
    engine.on('notification', (intent) => notifications.push(intent));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('republishes the status with an emergency the socket missed, and once it is cleared', () => {
    engine.mergeState({ emergency: { active: true, reason: 'exchange halted' } });
    expect(statuses).toEqual([
      expect.objectContaining({
        emergency: true,
        emergencyReason: 'exchange halted',
        emergencySince: T0,
      }),
    ]);
    expect(engine.status.emergency).toBe(true);
    expect(notifications.map((n) => [n.kind, n.urgent])).toEqual([['emergency', true]]);

    vi.advanceTimersByTime(60_000);
    engine.mergeState({ emergency: { active: false, reason: null } });
    expect(statuses).toHaveLength(2);
    expect(statuses[1]).toMatchObject({ emergency: false });
    expect(statuses[1]).not.toHaveProperty('emergencyReason');
    expect(notifications.map((n) => n.kind)).toEqual(['emergency', 'emergency-cleared']);
  });

  it('publishes nothing when the merge changes nothing the status shows', () => {
    engine.mergeState({ emergency: { active: false, reason: null }, orders: [] });
    engine.mergeState({ emergency: { active: false, reason: null } });
    expect(statuses).toEqual([]);
    expect(notifications).toEqual([]);
  });

  it('returns what the merge changed', () => {
    const effects = engine.mergeState({ emergency: { active: true, reason: 'halt' } }, T0 + 5);
    expect(effects).toEqual([{ kind: 'emergency', active: true, reason: 'halt', since: T0 + 5 }]);
  });
});
