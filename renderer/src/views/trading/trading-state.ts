import type { TradingState } from '../../../../common/rest/trading-status';
import type { MessageKey } from '../../i18n/en';

// The documented states (common/rest/trading-status.ts), kept here so zod stays out of the page.
const KNOWN: readonly TradingState[] = [
  'live',
  'manual_paused',
  'manual_stopped',
  'soft_paused',
  'system_stopped',
  'emergency',
];

/** The catalog key for a trading state, or null for a state this app does not know. */
export function tradingStateKey(status: string): MessageKey | null {
  return (KNOWN as readonly string[]).includes(status)
    ? (`trading.state.${status as TradingState}` as const)
    : null;
}
