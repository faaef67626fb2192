import { hedgeStatusOf, isFinishedOrderStatus } from '../../../common/domain/record-status';
import type { AccountPayload } from '../../../common/protocol/payloads';

/** Accounts have no id of their own: an exchange and a user name together name one. */
export function accountKey(account: Pick<AccountPayload, 'exchange' | 'username'>): string {
  return `${account.exchange ?? '?'}/${account.username ?? '?'}`;
}

export type { HedgeStatus as HedgeState } from '../../../common/domain/record-status';

/** A hedge bet's status as the dashboard groups it (undocumented refusals count as declined). */
export const hedgeState = hedgeStatusOf;

export function isOpenOrder(orderStatus: unknown): boolean {
  return !isFinishedOrderStatus(orderStatus);
}
