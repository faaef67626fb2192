import type { Ref } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { useDashboard } from '../store/use-dashboard';

/**
 * Red and impossible to miss while the engine is in emergency mode. The alert region is
 * always in the page, so screen readers announce the banner the moment it fills.
 */
export function EmergencyBanner({ bannerRef }: { bannerRef?: Ref<HTMLDivElement> }) {
  const { t, fmt } = useI18n();
  const emergency = useDashboard((s) => s.emergency);
  return (
    <div
      role="alert"
      aria-live="assertive"
      className={emergency.active ? 'emergency' : 'emergency-idle'}
      ref={bannerRef}
      tabIndex={-1}
    >
      {emergency.active && (
        <>
          <strong className="emergency-title">{t('emergency.title')}</strong>
          <span>
            {t('emergency.body', { reason: emergency.reason || t('emergency.noReason') })}
          </span>
          {emergency.since !== null && (
            <span className="emergency-since">
              {t('emergency.since', { time: fmt.when(emergency.since, Date.now()) })}
            </span>
          )}
        </>
      )}
    </div>
  );
}
