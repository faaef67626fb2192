import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NoBridge, Root } from './app/Root';
import { findBridge } from './bridge';
import { DashboardStore } from './store/dashboard-store';
import './styles/app.css';

// The OS theme before the first paint; the settings' choice follows once they load.
document.documentElement.dataset.theme = window.matchMedia?.('(prefers-color-scheme: dark)').matches
  ? 'dark'
  : 'light';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  const bridge = findBridge();
  if (bridge) {
    const store = new DashboardStore(bridge);
    void store.start();
    root.render(
      <StrictMode>
        <Root store={store} bridge={bridge} />
      </StrictMode>,
    );
  } else {
    root.render(<NoBridge />);
  }
}
