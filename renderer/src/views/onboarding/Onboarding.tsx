import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { requestFailureText } from '../../i18n/main-text';
import { useBridge, useDashboard } from '../../store/use-dashboard';
import { ApiKeyForm } from '../settings/ApiKeyForm';
import { messageOf } from '../settings/use-settings-update';

/**
 * First run, no key: paste one, or try the demo. When the keychain could not be read (locked
 * at login) the key may be there: reading it again comes first.
 */
export function Onboarding({ onSkip }: { onSkip: () => void }) {
  const { t } = useI18n();
  const bridge = useBridge();
  // A keychain that failed may hold the key; with none at all there is nothing to read again.
  const keychainProblem = useDashboard(
    (s) => s.keyStatus?.keychainProblem !== undefined && s.keyStatus.keychainMissing !== true,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const startDemo = () => {
    setBusy(true);
    setError(null);
    bridge.demo
      .set(true)
      .catch((e: unknown) =>
        setError(t('settings.failed', { message: requestFailureText(t, messageOf(e)) })),
      )
      .finally(() => setBusy(false));
  };
  return (
    <main className="onboarding">
      <h1>{t('onboarding.title')}</h1>
      <p className="lead">{t('onboarding.intro')}</p>
      {keychainProblem && <KeychainRetry />}
      <div className="onboarding-options">
        <section className="panel" aria-labelledby="onboarding-key">
          <h2 id="onboarding-key">{t('onboarding.keyTitle')}</h2>
          <p>{t('onboarding.keyText')}</p>
          <ApiKeyForm submitLabel={t('onboarding.connect')} showManagement={false} />
        </section>
        <section className="panel" aria-labelledby="onboarding-demo">
          <h2 id="onboarding-demo">{t('onboarding.demoTitle')}</h2>
          <p>{t('onboarding.demoText')}</p>
          <button type="button" className="primary" onClick={startDemo} disabled={busy}>
            {t('onboarding.demo')}
          </button>
          <p role="status" className="feedback bad">
            {error}
          </p>
        </section>
      </div>
      <button type="button" className="link" onClick={onSkip}>
        {t('onboarding.skip')}
      </button>
    </main>
  );
}

/** Main's Reconnect now reads the keychain again; a key found there ends onboarding. */
function KeychainRetry() {
  const { t } = useI18n();
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const readAgain = () => {
    setBusy(true);
    setError(null);
    bridge.feed
      .reconnect()
      .catch((e: unknown) =>
        setError(
          t('onboarding.keychainRetryFailed', { message: requestFailureText(t, messageOf(e)) }),
        ),
      )
      .finally(() => setBusy(false));
  };
  return (
    <section className="panel" aria-labelledby="onboarding-keychain">
      <h2 id="onboarding-keychain">{t('onboarding.keychainTitle')}</h2>
      <p>{t('onboarding.keychainText')}</p>
      <button type="button" className="primary" onClick={readAgain} disabled={busy}>
        {busy ? t('onboarding.keychainRetrying') : t('onboarding.keychainRetry')}
      </button>
      <p role="status" className="feedback bad">
        {error}
      </p>
    </section>
  );
}
