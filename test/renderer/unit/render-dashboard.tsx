import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MmTrayApi } from '../../../common/ipc/bridge';
import { Root } from '../../../renderer/src/app/Root';
import { DashboardStore } from '../../../renderer/src/store/dashboard-store';
import {
  type FakeBridgeControl,
  type FakeBridgeSetup,
  installFakeBridge,
} from '../support/fake-bridge';

/** The whole dashboard in jsdom, on the fake bridge, once its snapshot has loaded. */
export async function renderDashboard(setup: FakeBridgeSetup) {
  installFakeBridge({ latencyMs: 0, ...setup });
  const page = window as unknown as { mmTray: MmTrayApi; __fakeBridge: FakeBridgeControl };
  const store = new DashboardStore(page.mmTray, {
    scheduler: (callback) => {
      const timer = setTimeout(callback, 0);
      return () => clearTimeout(timer);
    },
  });
  void store.start();
  const user = userEvent.setup();
  // As in index.html: the app in #root, which an open dialog makes inert.
  const container = document.createElement('div');
  container.id = 'root';
  document.body.append(container);
  const view = render(<Root store={store} bridge={page.mmTray} />, { container });
  await screen.findByRole('main');
  const calls = (method: string) =>
    page.__fakeBridge.calls.filter((call) => call.method === method).map((call) => call.args);
  return { ...view, store, user, control: page.__fakeBridge, calls };
}
