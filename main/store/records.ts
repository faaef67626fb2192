import type {
  AccountPayload,
  BetPayload,
  OrderPayload,
  ScorePayload,
} from '../../common/protocol/payloads';

/** What the store keeps per entity: every validated field seen so far, later values winning. */
export type OrderRecord = OrderPayload;
export type BetRecord = BetPayload;
export type AccountRecord = AccountPayload;
export type ScoreRecord = ScorePayload;

/** Hedge bet statuses the app acts on; anything else the server sends is `other`. */
export type HedgeStatus = 'placed' | 'pending' | 'declined' | 'other';

const FINISHED_ORDER_STATUSES = new Set(['FILLED', 'CANCELLED', 'CANCELED', 'EXPIRED', 'FAILED']);
/** `rejected` and `failed` are not documented; treated as declined so they still alert. */
const DECLINED_BET_STATUSES = new Set(['declined', 'rejected', 'failed']);

/** Tolerance for comparing stakes that went through floating point. */
export const STAKE_EPSILON = 1e-9;

export function upper(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toUpperCase() : undefined;
}

export function isFinishedOrder(order: OrderRecord): boolean {
  const status = upper(order.orderStatus);
  return status !== undefined && FINISHED_ORDER_STATUSES.has(status);
}

export function hedgeStatusOf(bet: BetRecord): HedgeStatus {
  const status = typeof bet.betStatus === 'string' ? bet.betStatus.toLowerCase() : '';
  if (status === 'placed' || status === 'pending') return status;
  return DECLINED_BET_STATUSES.has(status) ? 'declined' : 'other';
}

export function isLiveHedge(bet: BetRecord): boolean {
  const status = hedgeStatusOf(bet);
  return status === 'placed' || status === 'pending';
}

/** A bet no longer in play: declined, or settled (won, lost, void...). */
export function isFinishedBet(bet: BetRecord): boolean {
  if (hedgeStatusOf(bet) === 'declined') return true;
  const settlement = typeof bet.settlementStatus === 'string' ? bet.settlementStatus : '';
  return settlement !== '' && settlement.toLowerCase() !== 'undecided';
}

export function isFinishedScore(score: ScoreRecord): boolean {
  return score.live === false;
}

export function isInactiveAccount(account: AccountRecord): boolean {
  return account.active === false;
}

export function accountKey(exchange: unknown, username: unknown): string {
  const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '?');
  return `${part(exchange)}/${part(username)}`;
}

/** A number from a raw (unvalidated) field: numbers and numeric strings; else undefined. */
export function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Epoch ms of an ISO timestamp, or undefined when absent or unparseable. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}
