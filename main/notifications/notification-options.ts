import type { NativeImage, NotificationConstructorOptions } from 'electron';
import type { NotificationIntent } from '../../common/domain/notifications';

export interface NotificationLook {
  platform: NodeJS.Platform;
  /** Running against the embedded simulator: every title says DEMO. */
  demo: boolean;
  /** The app icon, where the platform shows one (Windows, Linux). */
  icon?: NativeImage | string;
}

export const DEMO_PREFIX = 'DEMO: ';

/**
 * What Electron is asked to show for an intent. Urgent ones (emergencies, missing or
 * declined hedges, a lost feed, a refused key) make a sound, stay until dismissed and
 * are critical on Linux and Windows (where critical ones sort above the rest in the Action
 * Center); the rest are silent and time out.
 */
export function notificationOptions(
  intent: NotificationIntent,
  look: NotificationLook,
): NotificationConstructorOptions {
  const options: NotificationConstructorOptions = {
    title: look.demo ? `${DEMO_PREFIX}${intent.title}` : intent.title,
    body: intent.body,
    silent: !intent.urgent,
    timeoutType: intent.urgent ? 'never' : 'default',
  };
  if (look.platform === 'linux' || look.platform === 'win32')
    options.urgency = intent.urgent ? 'critical' : 'normal';
  if (look.icon !== undefined) options.icon = look.icon;
  return options;
}
