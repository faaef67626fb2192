import { isKnownTradingState } from '../../../../common/domain/trading-states';
import type { MessageKey } from '../../i18n/en';

/** The catalog key for a trading state, or null for a state this app does not know. */
export function tradingStateKey(status: string): MessageKey | null {
  return isKnownTradingState(status) ? (`trading.state.${status}` as const) : null;
}
