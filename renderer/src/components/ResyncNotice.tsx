import { useI18n } from '../i18n/i18n-context';
import { requestFailureText } from '../i18n/main-text';
import { useDashboard } from '../store/use-dashboard';

/** While reloading the page's data keeps failing (the store retries): what is shown may be incomplete. */
export function ResyncNotice() {
  const { t } = useI18n();
  const problem = useDashboard((s) => s.resyncProblem);
  return (
    <div role="status" className={problem ? 'gap-notice' : 'gap-notice-idle'}>
      {problem && t('connection.resyncFailing', { message: requestFailureText(t, problem) })}
    </div>
  );
}
