import type { NotificationIntent } from '../../common/domain/notifications';
import type { TradingAction } from '../../common/ipc/trading';
import { redactSecrets } from '../../common/redact';
import type { TradingControlResult, TradingStatus } from '../../common/rest/trading-status';
import type { CancelResult } from '../rest';

const STATE_LABELS: Record<string, string> = {
  live: 'Trading live',
  manual_paused: 'Trading paused',
  manual_stopped: 'Trading stopped',
  soft_paused: 'Trading soft-paused by the engine',
  system_stopped: 'Trading stopped by the system',
  emergency: 'Trading halted: emergency',
};

/** "Trading paused", or the server's own word for a state this app does not know. */
export function tradingStateLabel(status: Pick<TradingStatus, 'status'>): string {
  return STATE_LABELS[status.status] ?? `Trading: ${status.status}`;
}

/** States that stop trading without the user: told urgently. */
const URGENT_STATES = new Set(['system_stopped', 'emergency']);

const ACTION_LABELS: Record<TradingAction, string> = {
  pause: 'Pause trading',
  resume: 'Resume trading',
  stop: 'Stop trading',
  start: 'Start trading',
  'cancel-all': 'Cancel all open orders',
};

export function tradingActionLabel(action: TradingAction): string {
  return ACTION_LABELS[action];
}

function orders(count: number): string {
  return `${count} open order${count === 1 ? '' : 's'}`;
}

/** What a stop or cancel-all question is built from. */
export interface ConfirmationFacts {
  /** Open orders now; null when nothing is known. */
  openOrders: number | null;
  /** Whether `openOrders` is the server's answer just now, not the app's own count. */
  exact: boolean;
  /** Whether the trading status has been read; the question says when it has not. */
  statusKnown: boolean;
}

function whichOrders({ openOrders, exact }: ConfirmationFacts): string {
  if (openOrders === null) return 'every open order';
  if (!exact) return `every open order (about ${openOrders} by this app's last count)`;
  return openOrders === 0 ? 'every open order (none is open now)' : `all ${orders(openOrders)}`;
}

const STATUS_UNKNOWN =
  ' The current trading status is unknown: it could not be read from the server.';

/** The question before an action that cancels orders; null for the others. */
export function confirmationText(
  action: TradingAction,
  facts: ConfirmationFacts,
): { title: string; message: string; confirm: string } | null {
  const which = whichOrders(facts);
  const unknown = facts.statusKnown ? '' : STATUS_UNKNOWN;
  switch (action) {
    case 'stop':
      return {
        title: 'Stop trading?',
        message: `This cancels ${which} at the exchanges and posts no new orders until you choose Start trading. Hedging of fills already matched goes on.${unknown}`,
        confirm: 'Stop trading',
      };
    case 'cancel-all':
      return {
        title: 'Cancel all open orders?',
        message: `This cancels ${which} at the exchanges. Trading goes on: the engine may post new orders.${unknown}`,
        confirm: 'Cancel all orders',
      };
    default:
      return null;
  }
}

const RESULT_TEXTS: Record<string, string> = {
  pause_applied: 'Trading paused: no new orders are posted; resting orders stay.',
  already_paused: 'Trading was already paused.',
  stop_applied: 'Trading stopped.',
  already_stopped: 'Trading was already stopped.',
  start_applied: 'Trading started.',
  resume_applied: 'Trading resumed.',
  start_required: 'Trading is stopped: choose Start trading, not Resume.',
  already_live: 'Trading was already live.',
};

/** What a pause/resume/stop/start did, in a sentence. */
export function controlResultText(action: TradingAction, result: TradingControlResult): string {
  const text =
    (result.result ? RESULT_TEXTS[result.result] : undefined) ??
    `${tradingActionLabel(action)}: done (${tradingStateLabel(result).toLowerCase()}).`;
  if (action === 'stop' && typeof result.cancelledOrders === 'number') {
    return `${text} ${result.cancelledOrders} open order${result.cancelledOrders === 1 ? '' : 's'} cancelled.`;
  }
  return text;
}

export function cancelResultText(result: CancelResult): string {
  if (result.cancelled === null) return 'Cancel request accepted.';
  const failed = result.failed ? `, ${result.failed} could not be cancelled` : '';
  return `${result.cancelled} open order${result.cancelled === 1 ? '' : 's'} cancelled${failed}.`;
}

/** A trading status change the user did not make, as a notification. */
export function tradingStatusIntent(
  previous: TradingStatus | null,
  next: TradingStatus,
  at: number,
): NotificationIntent {
  const reason = next.systemReason ?? next.manualStopReason ?? next.manualPauseReason ?? null;
  const was = previous ? ` (was: ${tradingStateLabel(previous).toLowerCase()})` : '';
  const body = reason ? `${reason}${was}` : `Changed by the server${was}.`;
  return {
    kind: 'trading-status',
    title: redactSecrets(tradingStateLabel(next)),
    body: redactSecrets(body),
    count: 1,
    target: { view: 'connection' },
    urgent: URGENT_STATES.has(next.status),
    at,
  };
}

const USER_STATES = new Set(['live', 'manual_paused', 'manual_stopped']);

/** Whether a status change is worth telling: the state, not a timestamp or duration. */
export function tradingStateChanged(previous: TradingStatus | null, next: TradingStatus): boolean {
  // At first sight, only a state the user could not have chosen is news.
  if (previous === null) return !USER_STATES.has(next.status);
  return previous.status !== next.status;
}
