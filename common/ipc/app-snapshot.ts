import type { Gap } from '../domain/connection';
import type { ErrorRecord, FeedEvent } from '../domain/events';
import type {
  DayCounters,
  EmergencyState,
  MissingHedge,
  MissingHedgeReport,
} from '../domain/feed-state';
import type { KeyStatus } from '../domain/key-status';
import type { NotificationIntent } from '../domain/notifications';
import type { FeedStatus } from '../domain/status';
import type { AccountPayload, BetPayload, OrderPayload, ScorePayload } from '../protocol/payloads';
import type { Settings } from '../settings/schema';
import type { TradingView } from './trading';

export type { DayCounters, EmergencyState, MissingHedge, MissingHedgeReport };

/** Everything the feed store knows. Lists are oldest first. */
export interface StoreSnapshot {
  orders: OrderPayload[];
  bets: BetPayload[];
  accounts: AccountPayload[];
  scores: ScorePayload[];
  emergency: EmergencyState;
  counters: DayCounters;
  /** Most recent broadcasts, newest last. */
  recentEvents: FeedEvent[];
  missingHedges: MissingHedgeReport;
}

/**
 * Everything a window needs to draw itself when it opens ('app:snapshot'). A window
 * subscribes to pushes first, then asks for this, and applies only the pushed events
 * whose `seq` is above `lastEventSeq`, so nothing is shown twice or missed.
 */
export interface AppSnapshot {
  status: FeedStatus;
  feed: StoreSnapshot;
  /** The highest `seq` of any event the snapshot includes; 0 before the first event. */
  lastEventSeq: number;
  settings: Settings;
  keyStatus: KeyStatus;
  /** The feed runs against the built-in simulator. */
  demo: boolean;
  /** Notifications (but emergencies) paused until this time (epoch ms); null when not paused. */
  quietUntil: number | null;
  /** Stretches after reconnects in which updates may be missing, oldest first. */
  gaps: Gap[];
  /** The latest notifications, oldest first. */
  notifications: NotificationIntent[];
  /** The latest problems (bad frames, socket and server errors), oldest first. */
  errors: ErrorRecord[];
  /** Trading status, today's P&L and the last reconciliation (REST); pushed on 'push:trading'. */
  trading: TradingView;
  /** When main took the snapshot (epoch ms). */
  takenAt: number;
}
