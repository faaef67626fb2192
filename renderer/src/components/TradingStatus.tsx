import { useNow } from '../app/use-now';
import { useI18n } from '../i18n/i18n-context';
import { useDashboard } from '../store/use-dashboard';
import { tradingStateKey } from '../views/trading/trading-state';

/** Beside the connection: the engine's trading status as the REST API last said. */
export function TradingStatus() {
  const { t, fmt } = useI18n();
  const trading = useDashboard((s) => s.trading);
  const now = useNow(10_000);
  const { status, problem, checkedAt } = trading;
  if (!status) {
    if (!problem) return null;
    return (
      <section className="trading-status" aria-label={t('trading.label')}>
        <span className="reason" title={problem}>
          {t('trading.problem', { message: problem })}
        </span>
      </section>
    );
  }
  const key = tradingStateKey(status.status);
  return (
    <section className="trading-status" aria-label={t('trading.label')}>
      <span className={`pill trading-${status.status === 'live' ? 'live' : 'blocked'}`}>
        <span className="dot" aria-hidden="true" />
        {key ? t(key) : t('trading.state.other', { status: status.status })}
      </span>
      {checkedAt !== null && (
        <span className="muted">{t('trading.checked', { time: fmt.when(checkedAt, now) })}</span>
      )}
      {problem && (
        <span className="reason" title={problem}>
          {t('trading.problem', { message: problem })}
        </span>
      )}
    </section>
  );
}
