import { emptyDayCounters } from '../../common/domain/feed-state';
import type { KeyStatus } from '../../common/domain/key-status';
import type { AppSnapshot, StoreSnapshot } from '../../common/ipc/app-snapshot';
import type { Settings } from '../../common/settings/schema';
import type { FeedController } from './feed-controller';

function emptyFeed(now: number): StoreSnapshot {
  return {
    orders: [],
    bets: [],
    accounts: [],
    scores: [],
    emergency: { active: false, reason: null, since: null },
    counters: emptyDayCounters(now),
    recentEvents: [],
    missingHedges: { fillsMissingHedge: 0, orders: [] },
  };
}

/** Everything a window needs when it opens, so it is complete whenever it opens. */
export function buildAppSnapshot(
  controller: FeedController,
  settings: Settings,
  keyStatus: KeyStatus,
  now: number,
): AppSnapshot {
  const feed = controller.feedSnapshot() ?? emptyFeed(now);
  return {
    status: controller.status,
    feed,
    lastEventSeq: feed.recentEvents.at(-1)?.seq ?? controller.lastEventSeq,
    settings,
    keyStatus,
    demo: controller.demo,
    quietUntil: settings.notifications.quietUntil,
    gaps: controller.recentGaps(),
    notifications: controller.recentNotifications(),
    errors: controller.recentErrors(),
    trading: controller.tradingView(),
    takenAt: now,
  };
}
