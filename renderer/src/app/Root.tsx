import { useRef, useState } from 'react';
import type { MmTrayApi } from '../../../common/ipc/bridge';
import { I18nProvider, useI18n } from '../i18n/i18n-context';
import { requestFailureText } from '../i18n/main-text';
import type { DashboardStore } from '../store/dashboard-store';
import { BridgeContext, StoreContext, useDashboard, useStore } from '../store/use-dashboard';
import { Onboarding } from '../views/onboarding/Onboarding';
import { Dashboard } from './Dashboard';
import { useTheme } from './use-theme';

/** The whole page: the store and bridge for every component, language and theme. */
export function Root({ store, bridge }: { store: DashboardStore; bridge: MmTrayApi }) {
  return (
    <BridgeContext.Provider value={bridge}>
      <StoreContext.Provider value={store}>
        <Localised />
      </StoreContext.Provider>
    </BridgeContext.Provider>
  );
}

function Localised() {
  const settings = useDashboard((s) => s.settings);
  useTheme(settings?.theme);
  return (
    <I18nProvider language={settings?.language}>
      <Body />
    </I18nProvider>
  );
}

function Body() {
  const { t } = useI18n();
  const store = useStore();
  const load = useDashboard((s) => s.load);
  const loadError = useDashboard((s) => s.loadError);
  const keyStatus = useDashboard((s) => s.keyStatus);
  const demo = useDashboard((s) => s.demo || s.settings?.demoMode === true);
  const [skipped, setSkipped] = useState(false);
  // Onboarding is for a first run: once this window has seen a key or the demo, removing
  // the key later leaves the user where they are (Settings).
  const hadKeyOrDemo = useRef(false);
  if (keyStatus?.set || demo) hadKeyOrDemo.current = true;
  if (load === 'loading') {
    return (
      <main className="splash">
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  if (load === 'failed') {
    return (
      <main className="splash">
        <p role="alert">
          {t('app.loadFailed', { message: requestFailureText(t, loadError ?? '') })}
        </p>
        <button type="button" onClick={() => void store.resync()}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (!skipped && !hadKeyOrDemo.current && keyStatus?.set === false) {
    return <Onboarding onSkip={() => setSkipped(true)} />;
  }
  return <Dashboard />;
}

/** Shown when the page was opened without the app's preload (no window.mmTray). */
export function NoBridge() {
  return (
    <I18nProvider language="system">
      <NoBridgeText />
    </I18nProvider>
  );
}

function NoBridgeText() {
  const { t } = useI18n();
  return (
    <main className="splash">
      <p role="alert">{t('app.noBridge')}</p>
    </main>
  );
}
