import { hedgeStatusOf } from '../../../common/domain/record-status';
import type { Translator } from './translator';

/**
 * A hedge bet's status (the server's `betStatus`, e.g. "placed") in the dashboard's
 * language, grouped as the app acts on it (a "rejected" bet reads as declined); a status
 * this app does not know is shown as the server wrote it, and none as —.
 */
export function betStatusLabel(t: Translator['t'], raw: unknown): string {
  if (typeof raw !== 'string' || raw === '') return '—';
  // Only the status decides the group: the bet around it is a placeholder.
  const state = hedgeStatusOf({ betId: '', betStatus: raw });
  return state === 'other' ? raw : t(`status.${state}`);
}
