import { useState } from 'react';
import { useNow } from '../app/use-now';
import { useI18n } from '../i18n/i18n-context';
import { useDashboard } from '../store/use-dashboard';

/** After a reconnect: the stretch in which updates may be missing (the server never replays). */
export function GapNotice() {
  const { t, tp, fmt } = useI18n();
  const gaps = useDashboard((s) => s.gaps);
  const reconciledAt = useDashboard((s) => s.trading.reconciledAt);
  // Renewed so that, past midnight, yesterday's times gain their date.
  const now = useNow(60_000);
  const [dismissedThrough, setDismissedThrough] = useState(Number.NEGATIVE_INFINITY);
  const open = gaps.filter((gap) => gap.to > dismissedThrough);
  const latest = open[0];
  return (
    <div role="status" className={latest ? 'gap-notice' : 'gap-notice-idle'}>
      {latest && (
        <>
          <span>
            {t('gap.notice', {
              from: fmt.when(latest.from, latest.to),
              to: fmt.when(latest.to, now),
            })}
          </span>
          {reconciledAt !== null && reconciledAt >= latest.to && (
            <span className="reconciled">
              {t('gap.reconciled', { time: fmt.when(reconciledAt, now) })}
            </span>
          )}
          {open.length > 1 && <span className="muted">{tp('gap.earlier', open.length - 1)}</span>}
          <button type="button" className="small" onClick={() => setDismissedThrough(latest.to)}>
            {t('gap.dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
