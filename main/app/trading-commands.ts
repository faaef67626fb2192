import type { NotificationIntent } from '../../common/domain/notifications';
import type { Language } from '../../common/i18n/language';
import {
  CONFIRMED_ACTIONS,
  type TradingAction,
  type TradingActionOutcome,
} from '../../common/ipc/trading';
import { redactSecrets } from '../../common/redact';
import { tradingTexts } from './texts';
import { type ConfirmationFacts, confirmationText, tradingActionLabel } from './trading-texts';

export interface ConfirmQuestion {
  title: string;
  message: string;
  /** The label of the button that goes ahead; the other one cancels. */
  confirm: string;
}

export interface TradingCommandDeps {
  /** Asks the user (the root: dialog.showMessageBox); true goes ahead. */
  confirm(question: ConfirmQuestion): Promise<boolean>;
  act(action: TradingAction): Promise<TradingActionOutcome>;
  /**
   * How many orders are open now (read from the server when it answers) and whether the
   * trading status is known, to say exactly what a stop or cancel-all does.
   */
  facts(): Promise<ConfirmationFacts>;
  /** Shows the outcome (the root: a notification). */
  report(outcome: TradingActionOutcome): void;
  /** The language of the question, read when it is asked; default English. */
  language?(): Language;
}

/**
 * A trading control chosen in the tray: asks before anything that cancels orders, runs
 * it, and shows what happened. Resolves with the outcome, or null when the user said no.
 */
export async function runTradingCommand(
  action: TradingAction,
  deps: TradingCommandDeps,
): Promise<TradingActionOutcome | null> {
  if (CONFIRMED_ACTIONS.includes(action)) {
    const facts = await deps
      .facts()
      .catch((): ConfirmationFacts => ({ openOrders: null, exact: false, statusKnown: false }));
    const question = confirmationText(action, facts, deps.language?.() ?? 'en');
    if (question && !(await deps.confirm(question))) return null;
  }
  const outcome = await deps.act(action);
  deps.report(outcome);
  return outcome;
}

/** An action's outcome as a notification: what it did, or the server's reason it did not. */
export function outcomeIntent(
  outcome: TradingActionOutcome,
  at: number,
  language: Language = 'en',
): NotificationIntent {
  const t = tradingTexts(language);
  const label = tradingActionLabel(outcome.action, language);
  return {
    kind: 'trading-status',
    title: outcome.ok ? t.outcomeDone(label) : t.outcomeFailed(label),
    body: redactSecrets(outcome.message),
    count: 1,
    target: { view: 'connection' },
    urgent: !outcome.ok,
    at,
  };
}
