import { type Ref, useState } from 'react';
import { useNow } from '../app/use-now';
import { useI18n } from '../i18n/i18n-context';
import { useBridge, useDashboard, useStore } from '../store/use-dashboard';
import { TradingStatus } from './TradingStatus';

/** Always in sight: the app, the DEMO badge, the connection and quiet mode. */
export function Header({ connectionRef }: { connectionRef?: Ref<HTMLElement> }) {
  const { t } = useI18n();
  const demo = useDashboard((s) => s.demo);
  return (
    <header className="topbar">
      <h1 className="brand">{t('app.name')}</h1>
      {demo && (
        <span className="badge badge-demo" title={t('demo.title')}>
          {t('demo.badge')}
        </span>
      )}
      <ConnectionStatus sectionRef={connectionRef} />
      <TradingStatus />
      <QuietIndicator />
    </header>
  );
}

function ConnectionStatus({ sectionRef }: { sectionRef?: Ref<HTMLElement> | undefined }) {
  const { t, fmt } = useI18n();
  const bridge = useBridge();
  const status = useDashboard((s) => s.status);
  // Shown to the second: reading it to the second renders the header once a second, not
  // once per frame while events stream.
  const lastEventSecond = useDashboard((s) =>
    s.lastEventAt === null ? null : Math.floor(s.lastEventAt / 1000),
  );
  const lastEventAt = lastEventSecond === null ? null : lastEventSecond * 1000;
  const now = useNow(1_000);
  const [busy, setBusy] = useState(false);
  if (!status) return null;
  const reconnect = () => {
    setBusy(true);
    bridge.feed
      .reconnect()
      .catch(() => {})
      .finally(() => setBusy(false));
  };
  const retryIn =
    status.state === 'reconnecting' && status.retryAt !== undefined
      ? Math.max(0, Math.ceil((status.retryAt - now) / 1000))
      : null;
  return (
    <section
      className="connection"
      aria-label={t('connection.label')}
      ref={sectionRef}
      tabIndex={-1}
    >
      <span className={`pill state-${status.state}`}>
        <span className="dot" aria-hidden="true" />
        {t(`connection.state.${status.state}`)}
      </span>
      <span className="muted">{t('connection.since', { time: fmt.when(status.since, now) })}</span>
      {retryIn !== null && (
        <span className="muted">
          {t('connection.retry', { seconds: retryIn, attempt: status.attempt })}
        </span>
      )}
      {status.state !== 'live' && status.reason && (
        <span className="reason" title={status.reason}>
          {status.reason}
        </span>
      )}
      {(status.state === 'reconnecting' || status.state === 'connecting') && (
        <button type="button" className="small" onClick={reconnect} disabled={busy}>
          {t('connection.reconnectNow')}
        </button>
      )}
      <span className="last-event">
        {lastEventAt !== null
          ? t('connection.lastEvent', {
              time: fmt.when(lastEventAt, now),
              ago: fmt.ago(lastEventAt, now),
            })
          : t('connection.noEvents')}
      </span>
    </section>
  );
}

function QuietIndicator() {
  const { t, fmt } = useI18n();
  const bridge = useBridge();
  const store = useStore();
  const quietUntil = useDashboard((s) => s.quietUntil);
  const now = useNow(10_000);
  if (quietUntil === null || quietUntil <= now) return null;
  const resume = () => {
    bridge.notifications
      .pause(null)
      .then(() => store.applyQuietUntil(null))
      .catch(() => {});
  };
  return (
    <span className="quiet">
      {t('quiet.active', { time: fmt.when(quietUntil, now) })}
      <button type="button" className="small" onClick={resume}>
        {t('quiet.resume')}
      </button>
    </span>
  );
}
