import { useState } from 'react';
import { useNow } from '../app/use-now';
import { useI18n } from '../i18n/i18n-context';
import { useDashboard } from '../store/use-dashboard';

/**
 * After a reconnect: the stretch in which updates may be missing (the server never
 * replays), and whether reloading from REST repaired it or why it could not (main's
 * sentence, in the dashboard's language; shown until a reload succeeds, gap or not).
 */
export function GapNotice() {
  const { t, tp, fmt } = useI18n();
  const gaps = useDashboard((s) => s.gaps);
  const reconciledAt = useDashboard((s) => s.trading.reconciledAt);
  const reloadProblem = useDashboard((s) => s.trading.reloadProblem);
  // Renewed so that, past midnight, yesterday's times gain their date.
  const now = useNow(60_000);
  const [dismissedThrough, setDismissedThrough] = useState(Number.NEGATIVE_INFINITY);
  const open = gaps.filter((gap) => gap.to > dismissedThrough);
  const latest = open[0];
  const shown = latest !== undefined || reloadProblem !== null;
  return (
    <div role="status" className={shown ? 'gap-notice' : 'gap-notice-idle'}>
      {latest && (
        <span>
          {t('gap.notice', {
            from: fmt.when(latest.from, latest.to),
            to: fmt.when(latest.to, now),
          })}
        </span>
      )}
      {latest && reconciledAt !== null && reconciledAt >= latest.to && (
        <span className="reconciled">
          {t('gap.reconciled', { time: fmt.when(reconciledAt, now) })}
        </span>
      )}
      {reloadProblem !== null && <span className="reload-problem">{reloadProblem}</span>}
      {latest && (
        <>
          {open.length > 1 && <span className="muted">{tp('gap.earlier', open.length - 1)}</span>}
          <button type="button" className="small" onClick={() => setDismissedThrough(latest.to)}>
            {t('gap.dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
