import { createHash } from 'node:crypto';
import type { NotificationIntent, NotificationTarget } from '../../common/domain/notifications';

/**
 * Which notifications are "the same thing": one kind about one target. A newer one of the
 * same identity replaces the one on screen (a burst summary every 2 s stays one notification).
 */
export function notificationKey(intent: NotificationIntent): string {
  return `${intent.kind}|${targetKey(intent.target)}`;
}

function targetKey(target: NotificationTarget): string {
  return Object.entries(target)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([field, value]) => `${field}=${String(value)}`)
    .join('&');
}

/**
 * The OS identifier for a key (a toast's Tag on Windows, the request identifier on macOS):
 * showing another notification with the same id replaces the previous one there. Hashed
 * because Windows caps a Tag at 64 characters and targets carry server ids of any length.
 * A `variant` gives a notification of that key its own id, so it replaces nothing.
 */
export function notificationId(intent: NotificationIntent, variant?: number): string {
  const hash = createHash('sha256').update(notificationKey(intent)).digest('hex').slice(0, 16);
  return variant === undefined
    ? `mmtray-${intent.kind}-${hash}`
    : `mmtray-${intent.kind}-${hash}-${variant}`;
}

/** How much a notification matters when one must go: emergency, then urgent, then routine. */
export function notificationRank(intent: NotificationIntent): number {
  if (intent.kind === 'emergency') return 2;
  return intent.urgent ? 1 : 0;
}

/** Platforms where Electron declares the `id` option, so the OS replaces by id. */
export function platformReplacesById(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}
