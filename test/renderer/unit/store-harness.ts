import type { MmTrayApi } from '../../../common/ipc/bridge';
import {
  DashboardStore,
  type DashboardStoreOptions,
} from '../../../renderer/src/store/dashboard-store';
import {
  type FakeBridgeControl,
  type FakeBridgeSetup,
  installFakeBridge,
} from '../support/fake-bridge';

/** The fake bridge in jsdom's window, and a frame scheduler the test runs by hand. */
export function createHarness(setup: FakeBridgeSetup, options: DashboardStoreOptions = {}) {
  installFakeBridge({ latencyMs: 1, ...setup });
  const page = window as unknown as { mmTray: MmTrayApi; __fakeBridge: FakeBridgeControl };
  const frames: (() => void)[] = [];
  const store = new DashboardStore(page.mmTray, {
    scheduler: (callback) => {
      frames.push(callback);
      return () => {
        const index = frames.indexOf(callback);
        if (index >= 0) frames.splice(index, 1);
      };
    },
    ...options,
  });
  let notified = 0;
  store.subscribe(() => notified++);
  return {
    store,
    bridge: page.mmTray,
    control: page.__fakeBridge,
    /** Runs the pending animation frame, if any; returns whether there was one. */
    runFrame(): boolean {
      const callback = frames.shift();
      callback?.();
      return callback !== undefined;
    },
    pendingFrames: () => frames.length,
    notifications: () => notified,
    snapshotCalls: () => page.__fakeBridge.calls.filter((c) => c.method === 'app.snapshot').length,
  };
}
