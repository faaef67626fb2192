import type { Channel } from '../../common/protocol/channels';

export type OrderStatus =
  | 'PENDING_PLACEMENT'
  | 'PLACED'
  | 'FILLED'
  | 'CANCELLED'
  | 'FAILED'
  | 'EXPIRED';
export type MatchedStatus = 'NOT_MATCHED' | 'PARTIALLY_MATCHED' | 'FULLY_MATCHED';
export type BetStatus = 'placed' | 'pending' | 'declined';

export const FINISHED_ORDER_STATUSES: readonly OrderStatus[] = [
  'FILLED',
  'CANCELLED',
  'FAILED',
  'EXPIRED',
];

/** An exchange order as the engine stores it; field names follow the current (camelCase) API. */
export interface OrderRecord {
  orderId: number;
  fixtureId: string;
  outcomeId: number;
  playerId: number | null;
  exchange: string;
  account: string;
  exchangeOrderId: string | null;
  exchangeOutcomeId: string;
  orderStatus: OrderStatus;
  matchedStatus: MatchedStatus;
  orderCents: number;
  orderStake: number;
  matchedStake: number;
  back: boolean;
  side: 'buy' | 'sell';
  settlementStatus: string;
  bookmakerOutcomePrice: number;
  bookmakerOutcomeLimit: number;
  bookmakerOutcomeActive: boolean;
  createdAt: string;
  matchedAt: string | null;
  updatedAt: string;
}

/** A hedge bet at a bookmaker. */
export interface BetRecord {
  betId: number;
  orderId: number;
  client: string;
  bookmaker: string;
  bookmakerBetId: string | null;
  placedPrice: number;
  placedStake: number;
  betStatus: BetStatus;
  settlementStatus: string;
  sentData: Record<string, unknown>;
  receivedData: Record<string, unknown> | null;
  placedAt: string;
}

export interface AccountRecord {
  username: string;
  exchange: string;
  active: boolean;
  maxOutcomeStake: number;
  balance: number;
  createdAt: string;
}

export interface ScoreLine {
  home: number;
  away: number;
  period1Home: number;
  period1Away: number;
  period2Home?: number;
  period2Away?: number;
}

export interface FixtureRecord {
  fixtureId: string;
  live: boolean;
  statusId: number;
  currentPeriod: string;
  currentMinute: number;
  scores: ScoreLine;
}

export interface EmergencyRecord {
  emergency: boolean;
  reason: string | null;
  triggeredAt: string | null;
}

/** One client's own switches, set over the REST API. */
export interface TradingFlags {
  manualPaused: boolean;
  manualPausedAt: string | null;
  manualPauseReason: string | null;
  manualStopped: boolean;
  manualStoppedAt: string | null;
  manualStopReason: string | null;
}

/** Engine-wide blocks that hold every client (besides the emergency, which is broadcast). */
export interface SystemTradingFlags {
  softPaused: boolean;
  systemStopped: boolean;
  reason: string | null;
  /** When the current block began. */
  since: string | null;
}

export type TradingStatus =
  | 'live'
  | 'manual_paused'
  | 'manual_stopped'
  | 'soft_paused'
  | 'system_stopped'
  | 'emergency';

export interface ClientSetup {
  /** The client identifier the engine uses (the `client` field of bets). */
  client: string;
  /** The display name. */
  name: string;
  accounts: AccountRecord[];
}

export type ChangeEvent = 'INSERT' | 'UPDATE';

/**
 * One change of the business state, as the WebSocket will broadcast it. `client` is set
 * for the per-client channels (orders, bets, accounts) and absent for global ones.
 */
export interface ModelChange {
  channel: Channel;
  event: ChangeEvent;
  client?: string;
  payload: Record<string, unknown>;
  /** Previous values of the fields that changed (UPDATE only). */
  old?: Record<string, unknown>;
}

export type ChangeListener = (change: ModelChange) => void;
