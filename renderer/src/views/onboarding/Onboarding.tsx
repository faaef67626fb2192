import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { useBridge } from '../../store/use-dashboard';
import { ApiKeyForm } from '../settings/ApiKeyForm';
import { messageOf } from '../settings/use-settings-update';

/** First run, no key: paste one, or try the demo. */
export function Onboarding({ onSkip }: { onSkip: () => void }) {
  const { t } = useI18n();
  const bridge = useBridge();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const startDemo = () => {
    setBusy(true);
    setError(null);
    bridge.demo
      .set(true)
      .catch((e: unknown) => setError(t('settings.failed', { message: messageOf(e) })))
      .finally(() => setBusy(false));
  };
  return (
    <main className="onboarding">
      <h1>{t('onboarding.title')}</h1>
      <p className="lead">{t('onboarding.intro')}</p>
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
