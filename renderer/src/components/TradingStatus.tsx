import type { EmergencyState } from '../../../common/domain/feed-state';
import type { TradingStatus as RestTradingStatus } from '../../../common/rest/trading-status';
import { useNow } from '../app/use-now';
import { useI18n } from '../i18n/i18n-context';
import { useDashboard } from '../store/use-dashboard';
import { tradingStateKey } from '../views/trading/trading-state';

/** REST states that already say trading is halted: an emergency adds nothing to them. */
const HALTED_STATES: readonly string[] = ['emergency', 'manual_stopped', 'system_stopped'];

/**
 * What the pill says, given the REST status and the feed's emergency flag. The feed learns
 * of an emergency (and of its end) at once, the REST status up to a poll later: while the
 * two disagree the pill follows the feed, and the REST status read before is shown as such.
 * Derived afresh every time, so nothing emergency-driven outlives the emergency.
 */
function shownState(
  status: RestTradingStatus,
  checkedAt: number | null,
  emergency: EmergencyState,
): 'rest' | 'emergency' | 'cleared' {
  if (emergency.active && !HALTED_STATES.includes(status.status)) return 'emergency';
  const clearedSinceRead =
    !emergency.active &&
    emergency.since !== null &&
    (checkedAt === null || emergency.since > checkedAt);
  if (status.status === 'emergency' && clearedSinceRead) return 'cleared';
  return 'rest';
}

/** The REST status was read after the feed's emergency began: the two sources disagree. */
function readAfterEmergency(checkedAt: number | null, emergency: EmergencyState): boolean {
  return checkedAt !== null && emergency.since !== null && checkedAt > emergency.since;
}

/** Beside the connection: the engine's trading status as the REST API last said. */
export function TradingStatus() {
  const { t, fmt } = useI18n();
  const trading = useDashboard((s) => s.trading);
  const emergency = useDashboard((s) => s.emergency);
  const now = useNow(10_000);
  const { status, problem, checkedAt } = trading;
  if (!status) {
    if (!problem && !emergency.active) return null;
    return (
      <section className="trading-status" aria-label={t('trading.label')}>
        {emergency.active && (
          <span className="pill trading-blocked">
            <span className="dot" aria-hidden="true" />
            {t('trading.state.emergency')}
          </span>
        )}
        {problem && (
          <span className="reason" title={problem}>
            {t('trading.problem', { message: problem })}
          </span>
        )}
      </section>
    );
  }
  const key = tradingStateKey(status.status);
  const restText = key ? t(key) : t('trading.state.other', { status: status.status });
  const shown = shownState(status, checkedAt, emergency);
  const checked = checkedAt === null ? null : fmt.when(checkedAt, now);
  return (
    <section className="trading-status" aria-label={t('trading.label')}>
      {shown === 'emergency' ? (
        <span className="pill trading-blocked">
          <span className="dot" aria-hidden="true" />
          {t('trading.state.emergency')}
        </span>
      ) : shown === 'cleared' ? (
        <span className="pill trading-unknown">
          <span className="dot" aria-hidden="true" />
          {t('trading.emergencyCleared')}
        </span>
      ) : (
        <span className={`pill trading-${status.status === 'live' ? 'live' : 'blocked'}`}>
          <span className="dot" aria-hidden="true" />
          {restText}
        </span>
      )}
      {shown === 'emergency' ? (
        <span className="muted stale">
          {readAfterEmergency(checkedAt, emergency)
            ? t('trading.statusAfterEmergency', { time: checked ?? '—', state: restText })
            : t('trading.statusBeforeEmergency', { time: checked ?? '—' })}
        </span>
      ) : (
        checked !== null && <span className="muted">{t('trading.checked', { time: checked })}</span>
      )}
      {problem && (
        <span className="reason" title={problem}>
          {t('trading.problem', { message: problem })}
        </span>
      )}
    </section>
  );
}
