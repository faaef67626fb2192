import type { NotificationIntent } from '../../common/domain/notifications';
import type { FeedStatus } from '../../common/domain/status';
import type { TradingView } from '../../common/ipc/trading';
import type { StoreSizes } from '../store/snapshot';
import type { TrayProbe, TrayProbeState } from '../tray/tray-controller';

export interface FeedProbe {
  events: number;
  sizes: StoreSizes | null;
}

/** What a test may see and do inside the main process (test mode only). */
export interface MainTestHooks {
  tray: TrayProbe;
  status(): FeedStatus;
  /** The trading status and last reconciliation as main knows them. */
  trading(): TradingView;
  notifications(): NotificationIntent[];
  /** How many broadcasts the running engine has taken in, and what its store holds. */
  feed(): FeedProbe;
  describe(): {
    tray: TrayProbeState;
    status: FeedStatus;
    notifications: NotificationIntent[];
    feed: FeedProbe;
  };
}

/**
 * In test mode only, main exposes its tray and notifications on `globalThis.mmTrayTest`:
 * no test driver reaches the native tray, so Playwright's `_electron` specs read and
 * click it through `electronApp.evaluate`.
 */
export function exposeTestHooks(hooks: MainTestHooks): void {
  (globalThis as { mmTrayTest?: MainTestHooks }).mmTrayTest = hooks;
}
