export const NOTIFICATION_KINDS = [
  'fill',
  'hedge',
  'hedge-declined',
  'hedge-missing',
  'emergency',
  'emergency-cleared',
  'connection-lost',
  'connection-restored',
  'auth-failed',
  /** The engine's trading status changed without the user acting (soft pause, system stop...). */
  'trading-status',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a click on the notification should take the user. */
export type NotificationTarget =
  | { view: 'order'; orderId: string }
  | { view: 'hedge'; betId: string; orderId?: string }
  | { view: 'emergency' }
  | { view: 'connection' }
  /** Settings, with the API key field focused (the tray's Settings…, a refused key). */
  | { view: 'settings' }
  | { view: 'feed' };

export interface NotificationIntent {
  kind: NotificationKind;
  title: string;
  body: string;
  /** How many events this notification stands for (more than 1 when a burst was coalesced). */
  count: number;
  target: NotificationTarget;
  /** Emergencies and unhedged fills: shown urgently, never silenced by coalescing. */
  urgent: boolean;
  at: number;
}
