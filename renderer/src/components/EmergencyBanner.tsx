import { type Ref, useId } from 'react';
import { createPortal } from 'react-dom';
import type { EmergencyState } from '../../../common/domain/feed-state';
import { useNow } from '../app/use-now';
import { useI18n } from '../i18n/i18n-context';
import { useDashboard } from '../store/use-dashboard';

/**
 * Red and impossible to miss while the engine is in emergency mode. Screen readers hear
 * it from an alert region that is always in the page, so it is announced the moment it
 * fills. That region lives outside the app's root (a portal): an open dialog makes the
 * root inert, and an inert live region is not announced.
 */
export function EmergencyBanner({ bannerRef }: { bannerRef?: Ref<HTMLElement> }) {
  const emergency = useDashboard((s) => s.emergency);
  // Renewed so that, past midnight, "since" gains the date of a day-old emergency.
  const now = useNow(60_000);
  const titleId = useId();
  return (
    <>
      <section
        className={emergency.active ? 'emergency' : 'emergency-idle'}
        aria-labelledby={emergency.active ? titleId : undefined}
        ref={bannerRef}
        tabIndex={-1}
      >
        {emergency.active && <EmergencyText emergency={emergency} now={now} titleId={titleId} />}
      </section>
      {createPortal(
        <div role="alert" aria-live="assertive" className="sr-only">
          {emergency.active && <EmergencyText emergency={emergency} now={now} />}
        </div>,
        document.body,
      )}
    </>
  );
}

function EmergencyText({
  emergency,
  now,
  titleId,
}: {
  emergency: EmergencyState;
  now: number;
  titleId?: string;
}) {
  const { t, fmt } = useI18n();
  return (
    <>
      <strong className="emergency-title" id={titleId}>
        {t('emergency.title')}
      </strong>{' '}
      <span>{t('emergency.body', { reason: emergency.reason || t('emergency.noReason') })}</span>
      {emergency.since !== null && (
        <>
          {' '}
          <span className="emergency-since">
            {t('emergency.since', { time: fmt.when(emergency.since, now) })}
          </span>
        </>
      )}
    </>
  );
}
