import type { BetPayload, OrderPayload, ScorePayload } from '../protocol/payloads';

/**
 * Whether an order, a hedge bet or a fixture is still in play. Shared by main's store and the
 * dashboard's, which both keep finished records only while there is room.
 */

/** Hedge bet statuses the app acts on; anything else the server sends is `other`. */
export type HedgeStatus = 'placed' | 'pending' | 'declined' | 'other';

const FINISHED_ORDER_STATUSES = new Set(['FILLED', 'CANCELLED', 'CANCELED', 'EXPIRED', 'FAILED']);
/** `rejected` and `failed` are not documented; treated as declined so they still alert. */
const DECLINED_BET_STATUSES = new Set(['declined', 'rejected', 'failed']);

export function isFinishedOrder(order: OrderPayload): boolean {
  return isFinishedOrderStatus(order.orderStatus);
}

/** An order status that ends the order (filled, cancelled...); anything else leaves it open. */
export function isFinishedOrderStatus(status: unknown): boolean {
  if (typeof status !== 'string') return false;
  // The documented spellings first, so the common case makes no upper-cased copy.
  switch (status) {
    case 'PENDING_PLACEMENT':
    case 'PLACED':
      return false;
    case 'FILLED':
    case 'CANCELLED':
    case 'EXPIRED':
    case 'FAILED':
      return true;
    default:
      return FINISHED_ORDER_STATUSES.has(status.toUpperCase());
  }
}

export function hedgeStatusOf(bet: BetPayload): HedgeStatus {
  const raw = bet.betStatus;
  // The documented spellings first, so the common case makes no lower-cased copy.
  if (raw === 'placed' || raw === 'pending') return raw;
  if (raw === 'declined') return 'declined';
  const status = typeof raw === 'string' ? raw.toLowerCase() : '';
  if (status === 'placed' || status === 'pending') return status;
  return DECLINED_BET_STATUSES.has(status) ? 'declined' : 'other';
}

/** A bet no longer in play: declined, or settled (won, lost, void...). */
export function isFinishedBet(bet: BetPayload): boolean {
  if (hedgeStatusOf(bet) === 'declined') return true;
  const settlement = bet.settlementStatus;
  if (typeof settlement !== 'string' || settlement === '' || settlement === 'undecided')
    return false;
  return settlement.toLowerCase() !== 'undecided';
}

/** A fixture no longer live: its score is kept only while there is room. */
export function isFinishedScore(score: ScorePayload): boolean {
  return score.live === false;
}
