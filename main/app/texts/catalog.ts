import type { TradingAction } from '../../../common/ipc/trading';

/** The words of trading texts (results, questions, status notifications) in one language. */
export interface TradingTexts {
  /** By trading state, as the server names it. */
  states: Record<string, string>;
  /** A state this app does not know, by the server's own word. */
  otherState(status: string): string;
  /** A state label inside a sentence ("trading paused" in English). */
  inSentence(label: string): string;
  actions: Record<TradingAction, string>;

  /** Which orders a stop or cancel-all cancels. */
  everyOpenOrder: string;
  aboutOpenOrders(count: number): string;
  noOrderOpen: string;
  allOpenOrders(count: number): string;
  statusUnknown: string;
  stopQuestion(which: string, unknown: string): { title: string; message: string; confirm: string };
  cancelAllQuestion(
    which: string,
    unknown: string,
  ): { title: string; message: string; confirm: string };

  /** By the server's result code. */
  results: Record<string, string>;
  actionDone(action: string, state: string): string;
  /** A control's result, followed by the state trading is in, when not the one asked for. */
  stateNow(result: string, state: string): string;
  /** A control answered unclearly (no answer in time, 5xx, a body not as documented), and the state read after it. */
  unclearAnswer(problem: string, state: string): string;
  /** A control the server says partly failed (502), and the state read after it. */
  partlyFailed(problem: string, state: string): string;
  /** A control answered unclearly, and the status could not be read after it either. */
  unclearAnswerUnread(problem: string, readProblem: string): string;
  withCancelled(result: string, cancelled: number): string;
  cancelAccepted: string;
  cancelled(cancelled: number, failed: number): string;

  wasState(state: string): string;
  changedByServer(was: string): string;
  reasonWas(reason: string, was: string): string;

  /** A reload that could not read everything the feed missed during a gap. */
  gapNotRead: string;
  /** The same, when the gap holds more orders than a reload reads: not retried. */
  gapTooLarge: string;
  /** A reload (the snapshot read after going live) that failed. */
  reloadFailed(problem: string): string;

  outcomeDone(action: string): string;
  outcomeFailed(action: string): string;
  notConnected: string;
}
