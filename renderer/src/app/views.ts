import type { NotificationTarget } from '../../../common/domain/notifications';

export const VIEWS = ['overview', 'feed', 'orders', 'hedges', 'scores', 'settings'] as const;
export type View = (typeof VIEWS)[number];

/** An item a view should bring into sight and mark (a notification or tray click). */
export type Focus =
  | { kind: 'order'; id: string; serial: number }
  | { kind: 'bet'; id: string; serial: number }
  | { kind: 'emergency'; serial: number }
  | { kind: 'connection'; serial: number }
  | { kind: 'api-key'; serial: number };

/** Which view shows a navigation target, and what it should bring into sight. */
export function viewForTarget(
  target: NotificationTarget,
  serial: number,
): { view: View; focus: Focus | null } {
  switch (target.view) {
    case 'order':
      return { view: 'orders', focus: { kind: 'order', id: target.orderId, serial } };
    case 'hedge':
      return { view: 'hedges', focus: { kind: 'bet', id: target.betId, serial } };
    case 'emergency':
      return { view: 'overview', focus: { kind: 'emergency', serial } };
    case 'connection':
      return { view: 'overview', focus: { kind: 'connection', serial } };
    case 'settings':
      return { view: 'settings', focus: { kind: 'api-key', serial } };
    case 'feed':
      return { view: 'feed', focus: null };
  }
}
