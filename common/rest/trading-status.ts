import { z } from 'zod';
import { restNumber } from './numbers';

export { isKnownTradingState, TRADING_STATES, type TradingState } from '../domain/trading-states';

/**
 * The outcomes a pause/resume/stop/start reports in `result` (documented list). A
 * change the server did not apply (`start_required`) still answers 200.
 */
export const CONTROL_RESULTS = [
  'pause_applied',
  'already_paused',
  'stop_applied',
  'already_stopped',
  'start_applied',
  'resume_applied',
  'start_required',
  'already_live',
] as const;
export type ControlResult = (typeof CONTROL_RESULTS)[number];

const optionalText = z.string().nullish();

/**
 * `GET trading/status`. The flags the app acts on are required; `status` stays a plain
 * string so that a state added by the server later is shown rather than rejected
 * (check it with isKnownTradingState). Unknown fields are kept.
 */
export const tradingStatusSchema = z.looseObject({
  client: z.string(),
  clientName: z.string(),
  oddsFormat: optionalText,
  status: z.string().min(1),
  tradingActive: z.boolean(),
  manualPaused: z.boolean(),
  manualPausedAt: optionalText,
  manualPauseReason: optionalText,
  manualStopped: z.boolean(),
  manualStoppedAt: optionalText,
  manualStopReason: optionalText,
  systemTradingBlocked: z.boolean(),
  emergencyActive: z.boolean(),
  systemStopped: z.boolean(),
  softPaused: z.boolean(),
  systemReason: optionalText,
  systemDurationSeconds: restNumber.nullish(),
});
export type TradingStatus = z.output<typeof tradingStatusSchema>;

/**
 * The answer to `POST trading/pause|resume|stop|start`: the status after the action,
 * what the server did (`result`, a string: see CONTROL_RESULTS) and, from servers that
 * report it (the simulator does), how many open orders a stop cancelled.
 */
export const tradingControlSchema = tradingStatusSchema.extend({
  result: z.string().nullish(),
  cancelledOrders: restNumber.nullish(),
});
export type TradingControlResult = z.output<typeof tradingControlSchema>;
