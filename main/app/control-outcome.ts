import type { Language } from '../../common/i18n/language';
import type { TradingAction, TradingActionOutcome } from '../../common/ipc/trading';
import type {
  ControlResult,
  TradingControlResult,
  TradingState,
  TradingStatus,
} from '../../common/rest/trading-status';
import {
  KeyRefusedError,
  RateLimitedError,
  RequestInvalidError,
  ServerRefusedError,
} from '../rest';
import { problemText } from './problem-text';
import { tradingTexts } from './texts';
import { controlResultText, tradingStateLabel } from './trading-texts';

/** The trading controls: the actions answered with the trading status. */
export type ControlAction = Exclude<TradingAction, 'cancel-all'>;

/** The state each control asks for: the status it answers is the trader's doing only then. */
export const CONTROL_TARGETS: Record<ControlAction, TradingState> = {
  pause: 'manual_paused',
  resume: 'live',
  stop: 'manual_stopped',
  start: 'live',
};

/** Results that say the server did not do what was asked (CONTROL_RESULTS). */
const NOT_DONE: ReadonlySet<string> = new Set<ControlResult>(['start_required']);

export function reachedTarget(action: ControlAction, status: TradingStatus): boolean {
  return status.status === CONTROL_TARGETS[action];
}

/**
 * Whether a control's failure says for sure that nothing was done: 401, 409, 422, or 429
 * through the back-off. Any other (no answer in time, a dropped connection, 5xx, a 502
 * partial failure, a body not as documented) may come after the server applied it.
 */
export function isClearRefusal(error: unknown): boolean {
  if (error instanceof ServerRefusedError) return error.status === 409;
  return (
    error instanceof KeyRefusedError ||
    error instanceof RequestInvalidError ||
    error instanceof RateLimitedError
  );
}

function stateInSentence(status: TradingStatus, language: Language): string {
  return tradingTexts(language).inSentence(tradingStateLabel(status, language));
}

/** What a control the server answered did, and the state it left, when not the one asked for. */
export function answeredOutcome(
  action: ControlAction,
  result: TradingControlResult,
  language: Language,
): TradingActionOutcome {
  const t = tradingTexts(language);
  const message = controlResultText(action, result, language);
  if (result.result && NOT_DONE.has(result.result)) return { action, ok: false, message };
  // The fallback text (no known result) names the state already.
  const namedResult = result.result ? t.results[result.result] !== undefined : false;
  if (reachedTarget(action, result) || !namedResult) return { action, ok: true, message };
  return { action, ok: true, message: t.stateNow(message, stateInSentence(result, language)) };
}

/**
 * A control answered unclearly, told with the status read after it: done when that is the
 * state asked for, unless the server said part of it failed (502).
 */
export function unclearOutcome(
  action: ControlAction,
  error: unknown,
  status: TradingStatus,
  language: Language,
): TradingActionOutcome {
  const t = tradingTexts(language);
  const partly = error instanceof ServerRefusedError && error.status === 502;
  const state = stateInSentence(status, language);
  const problem = problemText(error);
  return {
    action,
    ok: reachedTarget(action, status) && !partly,
    message: partly ? t.partlyFailed(problem, state) : t.unclearAnswer(problem, state),
  };
}

/** A control answered unclearly, and the status could not be read after it. */
export function unreadOutcome(
  action: ControlAction,
  error: unknown,
  readError: unknown,
  language: Language,
): TradingActionOutcome {
  const message = tradingTexts(language).unclearAnswerUnread(
    problemText(error),
    problemText(readError),
  );
  return { action, ok: false, message };
}
