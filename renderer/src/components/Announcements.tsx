import { createPortal } from 'react-dom';
import type { ConnectionState } from '../../../common/domain/connection';
import { useAnnouncement } from '../app/use-announcement';
import { useI18n } from '../i18n/i18n-context';
import { useDashboard } from '../store/use-dashboard';

const rose = (before: number, now: number) => now > before;
const moved = (before: ConnectionState | null, now: ConnectionState | null) =>
  before !== null && now !== null;

/**
 * Tells screen readers what changes in the header and tabs while they are elsewhere: more
 * fills missing a hedge (assertive: money at risk) and a new connection state (polite).
 * Two regions, always in the page, as a region's politeness cannot be switched reliably;
 * like the emergency alert they live outside the app's root, which a dialog makes inert.
 */
export function Announcements() {
  const { t, tp } = useI18n();
  const unhedged = useDashboard((s) => s.missingHedges.fillsMissingHedge);
  const state = useDashboard((s) => s.status?.state ?? null);
  const unhedgedRoseTo = useAnnouncement(unhedged, rose);
  const stateMovedTo = useAnnouncement(state, moved);
  return createPortal(
    <div className="sr-only">
      <div role="alert" aria-live="assertive">
        {unhedgedRoseTo !== null && tp('nav.unhedged', unhedgedRoseTo)}
      </div>
      <div role="status" aria-live="polite">
        {stateMovedTo !== null &&
          t('connection.announce', { state: t(`connection.state.${stateMovedTo}`) })}
      </div>
    </div>,
    document.body,
  );
}
