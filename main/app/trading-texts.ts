import type { NotificationIntent } from '../../common/domain/notifications';
import type { Language } from '../../common/i18n/language';
import type { ConfirmationFacts, TradingAction } from '../../common/ipc/trading';

export type { ConfirmationFacts };

import { redactSecrets } from '../../common/redact';
import type { TradingControlResult, TradingStatus } from '../../common/rest/trading-status';
import type { CancelResult } from '../rest';
import { type TradingTexts, tradingTexts } from './texts';

/** "Trading paused", or the server's own word for a state this app does not know. */
export function tradingStateLabel(
  status: Pick<TradingStatus, 'status'>,
  language: Language = 'en',
): string {
  const t = tradingTexts(language);
  return t.states[status.status] ?? t.otherState(status.status);
}

/** States that stop trading without the user: told urgently. */
const URGENT_STATES = new Set(['system_stopped', 'emergency']);

export function tradingActionLabel(action: TradingAction, language: Language = 'en'): string {
  return tradingTexts(language).actions[action];
}

function whichOrders(t: TradingTexts, { openOrders, exact }: ConfirmationFacts): string {
  if (openOrders === null) return t.everyOpenOrder;
  if (!exact) return t.aboutOpenOrders(openOrders);
  return openOrders === 0 ? t.noOrderOpen : t.allOpenOrders(openOrders);
}

/** The question before an action that cancels orders; null for the others. */
export function confirmationText(
  action: TradingAction,
  facts: ConfirmationFacts,
  language: Language = 'en',
): { title: string; message: string; confirm: string } | null {
  const t = tradingTexts(language);
  const which = whichOrders(t, facts);
  const unknown = facts.statusKnown ? '' : t.statusUnknown;
  switch (action) {
    case 'stop':
      return t.stopQuestion(which, unknown);
    case 'cancel-all':
      return t.cancelAllQuestion(which, unknown);
    default:
      return null;
  }
}

/** What a pause/resume/stop/start did, in a sentence. */
export function controlResultText(
  action: TradingAction,
  result: TradingControlResult,
  language: Language = 'en',
): string {
  const t = tradingTexts(language);
  const text =
    (result.result ? t.results[result.result] : undefined) ??
    t.actionDone(
      tradingActionLabel(action, language),
      t.inSentence(tradingStateLabel(result, language)),
    );
  if (action === 'stop' && typeof result.cancelledOrders === 'number') {
    return t.withCancelled(text, result.cancelledOrders);
  }
  return text;
}

export function cancelResultText(result: CancelResult, language: Language = 'en'): string {
  const t = tradingTexts(language);
  if (result.cancelled === null) return t.cancelAccepted;
  return t.cancelled(result.cancelled, result.failed ?? 0);
}

/** A trading status change the user did not make, as a notification. */
export function tradingStatusIntent(
  previous: TradingStatus | null,
  next: TradingStatus,
  at: number,
  language: Language = 'en',
): NotificationIntent {
  const t = tradingTexts(language);
  const reason = next.systemReason ?? next.manualStopReason ?? next.manualPauseReason ?? null;
  const was = previous ? t.wasState(t.inSentence(tradingStateLabel(previous, language))) : '';
  const body = reason ? t.reasonWas(reason, was) : t.changedByServer(was);
  return {
    kind: 'trading-status',
    title: redactSecrets(tradingStateLabel(next, language)),
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
