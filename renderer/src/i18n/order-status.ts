import type { MessageKey } from './en';
import type { Translator } from './translator';

const ORDER_STATUS_KEYS: Record<string, MessageKey> = {
  PENDING_PLACEMENT: 'orderStatus.pendingPlacement',
  PLACED: 'orderStatus.placed',
  FILLED: 'orderStatus.filled',
  CANCELLED: 'orderStatus.cancelled',
  CANCELED: 'orderStatus.cancelled',
  EXPIRED: 'orderStatus.expired',
  FAILED: 'orderStatus.failed',
};

/**
 * An order status (the server's `orderStatus`, e.g. "CANCELLED") in the dashboard's
 * language; a status this app does not know is shown as the server wrote it, and none as —.
 */
export function orderStatusLabel(t: Translator['t'], raw: unknown): string {
  if (typeof raw !== 'string' || raw === '') return '—';
  const key = ORDER_STATUS_KEYS[raw.toUpperCase()];
  return key ? t(key) : raw;
}
