import type { AccountPayload, BetPayload } from '../../../common/protocol/payloads';

/** Accounts have no id of their own: an exchange and a user name together name one. */
export function accountKey(account: Pick<AccountPayload, 'exchange' | 'username'>): string {
  return `${account.exchange ?? '?'}/${account.username ?? '?'}`;
}

const DECLINED = new Set(['declined', 'rejected', 'failed']);

export type HedgeState = 'placed' | 'pending' | 'declined' | 'other';

/** A hedge bet's status as the dashboard groups it (undocumented refusals count as declined). */
export function hedgeState(bet: Pick<BetPayload, 'betStatus'>): HedgeState {
  const status = typeof bet.betStatus === 'string' ? bet.betStatus.toLowerCase() : '';
  if (status === 'placed' || status === 'pending') return status;
  return DECLINED.has(status) ? 'declined' : 'other';
}

const FINISHED_ORDERS = new Set(['FILLED', 'CANCELLED', 'CANCELED', 'EXPIRED', 'FAILED']);

export function isOpenOrder(orderStatus: unknown): boolean {
  return typeof orderStatus !== 'string' || !FINISHED_ORDERS.has(orderStatus.toUpperCase());
}
