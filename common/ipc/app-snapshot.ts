import type { Gap } from '../domain/connection';
import type { ErrorRecord, FeedEvent } from '../domain/events';
import type { KeyStatus } from '../domain/key-status';
import type { NotificationIntent } from '../domain/notifications';
import type { FeedStatus } from '../domain/status';
import type { AccountPayload, BetPayload, OrderPayload, ScorePayload } from '../protocol/payloads';
import type { Settings } from '../settings/schema';

/*
 * The store's snapshot as the renderer sees it. These mirror main/store (snapshot.ts,
 * day-counters.ts, emergency-state.ts), which the renderer must not import;
 * test/unit/ipc/app-snapshot-types.test.ts stops compiling if the two drift apart.
 */

/** What happened since the start of the local day. */
export interface DayCounters {
  /** Epoch ms of the start of the day these counters cover. */
  dayStart: number;
  events: number;
  /** Times an order's matched stake grew. */
  fills: number;
  /** Sum of the matched-stake increases. */
  matchedStake: number;
  hedgesPlaced: number;
  hedgesPending: number;
  hedgesDeclined: number;
}

export interface EmergencyState {
  active: boolean;
  reason: string | null;
  /** When the current state began (epoch ms); null until the first emergency message. */
  since: number | null;
}

/** An order whose fills were not hedged within the grace period. */
export interface MissingHedge {
  orderId: string;
  exchange: string | null;
  fixtureId: string | null;
  /** Matched stake still without a hedge. */
  stake: number;
  fills: number;
  /** When the earliest unhedged fill happened (epoch ms). */
  since: number;
}

export interface MissingHedgeReport {
  fillsMissingHedge: number;
  /** Oldest first. */
  orders: MissingHedge[];
}

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
  /** When main took the snapshot (epoch ms). */
  takenAt: number;
}
