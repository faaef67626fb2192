import { type Ref, useState } from 'react';
import { useNow } from '../app/use-now';
import { useI18n } from '../i18n/i18n-context';
import { connectionReasonText, requestFailureText } from '../i18n/main-text';
import { useBridge, useDashboard, useStore } from '../store/use-dashboard';
import { messageOf } from '../views/settings/use-settings-update';
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
  const store = useStore();
  const status = useDashboard((s) => s.status);
  const keychainProblem = useDashboard((s) => s.keyStatus?.keychainProblem !== undefined);
  const keyUnread = useDashboard(
    (s) =>
      s.keyStatus?.keychainProblem !== undefined &&
      s.keyStatus.keychainMissing !== true &&
      s.keyStatus.set === false,
  );
  // Shown to the second: reading it to the second renders the header once a second, not
  // once per frame while events stream.
  const lastEventSecond = useDashboard((s) =>
    s.lastEventAt === null ? null : Math.floor(s.lastEventAt / 1000),
  );
  const lastEventAt = lastEventSecond === null ? null : lastEventSecond * 1000;
  const now = useNow(1_000);
  const [busy, setBusy] = useState(false);
  // Said for the state it was asked in: once the state moves on, it no longer applies.
  const [failure, setFailure] = useState<{ message: string; since: number } | null>(null);
  if (!status) return null;
  const reconnect = () => {
    const since = status.since;
    setBusy(true);
    setFailure(null);
    bridge.feed
      .reconnect()
      .catch((error: unknown) =>
        setFailure({ message: requestFailureText(t, messageOf(error)), since }),
      )
      .finally(() => setBusy(false));
  };
  const failed = failure !== null && failure.since === status.since ? failure.message : null;
  const retryIn =
    status.state === 'reconnecting' && status.retryAt !== undefined
      ? Math.max(0, Math.ceil((status.retryAt - now) / 1000))
      : null;
  // Main's Reconnect now also tries a refused key again and reads a keychain that failed.
  const canReconnect =
    status.state === 'reconnecting' ||
    status.state === 'connecting' ||
    status.state === 'auth-failed' ||
    (status.state === 'stopped' && keychainProblem);
  const reason =
    status.state === 'stopped' && keyUnread
      ? t('connection.keychainUnread')
      : status.reason && connectionReasonText(t, status.reason);
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
      {status.state !== 'live' && reason && (
        <span className="reason" title={reason}>
          {reason}
        </span>
      )}
      {canReconnect && (
        <button type="button" className="small" onClick={reconnect} disabled={busy}>
          {t('connection.reconnectNow')}
        </button>
      )}
      {status.state === 'auth-failed' && (
        <button type="button" className="link" onClick={() => store.navigate({ view: 'settings' })}>
          {t('connection.changeKey')}
        </button>
      )}
      <span role="status" className="reason">
        {failed && t('connection.reconnectFailed', { message: failed })}
      </span>
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
  // Said for the quiet period it was asked in, not for a later one.
  const [failure, setFailure] = useState<{ message: string; until: number } | null>(null);
  if (quietUntil === null || quietUntil <= now) return null;
  const resume = () => {
    const until = quietUntil;
    setFailure(null);
    bridge.notifications
      .pause(null)
      .then(() => store.applyQuietUntil(null))
      .catch((error: unknown) =>
        setFailure({ message: requestFailureText(t, messageOf(error)), until }),
      );
  };
  const failed = failure !== null && failure.until === quietUntil ? failure.message : null;
  return (
    <span className="quiet">
      {t('quiet.active', { time: fmt.when(quietUntil, now) })}
      <button type="button" className="small" onClick={resume}>
        {t('quiet.resume')}
      </button>
      <span role="status" className="reason">
        {failed && t('quiet.resumeFailed', { message: failed })}
      </span>
    </span>
  );
}
