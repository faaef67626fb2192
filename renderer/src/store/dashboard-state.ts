import type { Gap } from '../../../common/domain/connection';
import type { ErrorRecord, FeedEvent } from '../../../common/domain/events';
import { emptyDayCounters } from '../../../common/domain/feed-state';
import type { KeyStatus } from '../../../common/domain/key-status';
import type { NotificationIntent, NotificationTarget } from '../../../common/domain/notifications';
import type { FeedStatus } from '../../../common/domain/status';
import type {
  DayCounters,
  EmergencyState,
  MissingHedgeReport,
} from '../../../common/ipc/app-snapshot';
import { EMPTY_TRADING_VIEW, type TradingView } from '../../../common/ipc/trading';
import type {
  AccountPayload,
  BetPayload,
  OrderPayload,
  ScorePayload,
} from '../../../common/protocol/payloads';
import type { Settings } from '../../../common/settings/schema';

/** How much the renderer keeps; everything it holds is bounded by these. */
export interface StoreLimits {
  events: number;
  orders: number;
  bets: number;
  accounts: number;
  scores: number;
  notifications: number;
  errors: number;
  gaps: number;
}

export const DEFAULT_LIMITS: StoreLimits = {
  events: 5_000,
  // As many as main keeps (main/store/feed-store.ts), so a snapshot fits whole.
  orders: 10_000,
  bets: 10_000,
  accounts: 500,
  scores: 2_000,
  notifications: 50,
  errors: 50,
  gaps: 20,
};

/**
 * One event as the feed shows it. `id` is the renderer's own running number: a reload of
 * the snapshot brings events back that the list held already, so `seq` cannot be a key.
 */
export interface FeedEntry {
  id: number;
  event: FeedEvent;
}

/** A request to show an item, numbered so the same target twice is two requests. */
export interface NavigationRequest {
  target: NotificationTarget;
  serial: number;
}

export type LoadState = 'loading' | 'ready' | 'failed';

/**
 * Everything the dashboard draws. Replaced, never mutated: a part that did not change
 * keeps its identity, so a component reading only that part does not render again.
 * (The record maps are views over maps the store changes in place: a new view comes
 * with every change, and an old one shows current content.) Lists are newest first;
 * maps iterate least recently written first.
 */
export interface DashboardState {
  load: LoadState;
  loadError: string | null;
  /** Why reloading the snapshot after the first load keeps failing (retried); null when it works. */
  resyncProblem: string | null;
  status: FeedStatus | null;
  settings: Settings | null;
  keyStatus: KeyStatus | null;
  demo: boolean;
  quietUntil: number | null;
  entries: readonly FeedEntry[];
  /**
   * Entries made since the window opened, a reload's included: the next entry's id. Not a
   * count of the feed's events (a reload adds ones already shown); seq is.
   */
  eventsReceived: number;
  lastEventAt: number | null;
  orders: ReadonlyMap<string, OrderPayload>;
  bets: ReadonlyMap<string, BetPayload>;
  accounts: ReadonlyMap<string, AccountPayload>;
  scores: ReadonlyMap<string, ScorePayload>;
  emergency: EmergencyState;
  counters: DayCounters;
  missingHedges: MissingHedgeReport;
  notifications: readonly NotificationIntent[];
  errors: readonly ErrorRecord[];
  gaps: readonly Gap[];
  /** Trading status, today's P&L and the last reconciliation, as main last pushed them. */
  trading: TradingView;
  navigation: NavigationRequest | null;
}

export const EMPTY_COUNTERS: DayCounters = emptyDayCounters(0);

export const INITIAL_STATE: DashboardState = {
  load: 'loading',
  loadError: null,
  resyncProblem: null,
  status: null,
  settings: null,
  keyStatus: null,
  demo: false,
  quietUntil: null,
  entries: [],
  eventsReceived: 0,
  lastEventAt: null,
  orders: new Map(),
  bets: new Map(),
  accounts: new Map(),
  scores: new Map(),
  emergency: { active: false, reason: null, since: null },
  counters: EMPTY_COUNTERS,
  missingHedges: { fillsMissingHedge: 0, orders: [] },
  notifications: [],
  errors: [],
  gaps: [],
  trading: EMPTY_TRADING_VIEW,
  navigation: null,
};
