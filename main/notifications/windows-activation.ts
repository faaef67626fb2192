import type { Notification } from 'electron';
import type { NotificationPresenter } from './notification-presenter';

export interface WindowsActivationOptions {
  platform: NodeJS.Platform;
  /** Electron's Notification class (handleActivation is declared for win32 only). */
  Notification: Partial<Pick<typeof Notification, 'handleActivation'>>;
  presenter: Pick<NotificationPresenter, 'routeActivation'>;
  /** Shows the dashboard, for an activation that names no notification of this run. */
  openDashboard: () => void;
}

/**
 * Windows: routes every toast activation, including a click in the Action Center on a toast
 * whose Notification object is gone (electron#29461) and the click that launched the app.
 * A toast this run still holds opens its target (once, even though Electron also emits the
 * instance's 'click'); any other opens the dashboard. Call once, right after the presenter
 * exists: activations that came before are delivered then. False where there is none.
 */
export function registerWindowsActivation(options: WindowsActivationOptions): boolean {
  const { platform, Notification, presenter, openDashboard } = options;
  if (platform !== 'win32' || typeof Notification.handleActivation !== 'function') return false;
  Notification.handleActivation((details) => {
    const activationArguments = typeof details?.arguments === 'string' ? details.arguments : '';
    if (presenter.routeActivation(activationArguments) === 'unknown') openDashboard();
  });
  return true;
}
