import type { ActivationArguments, Notification, NotificationConstructorOptions } from 'electron';
import type { NotificationIntent, NotificationKind } from '../../../common/domain/notifications';
import type {
  NotificationClass,
  NotificationHandle,
} from '../../../main/notifications/notification-presenter';

type Listener = (...args: never[]) => void;

/** Builds a fake Notification class, typed against Electron's, that records what happens. */
export function fakeNotificationClass(supported = true, showFails?: string) {
  const instances: FakeNotification[] = [];
  const activation: { handler: ((details: ActivationArguments) => void) | null } = {
    handler: null,
  };
  class FakeNotification implements NotificationHandle {
    static isSupported(): boolean {
      return supported;
    }
    /** Windows only in Electron: the app-wide activation callback. */
    static handleActivation(callback: (details: ActivationArguments) => void): void {
      activation.handler = callback;
    }
    readonly listeners = new Map<string, Listener[]>();
    shown = 0;
    closed = 0;
    constructor(readonly options?: NotificationConstructorOptions) {
      instances.push(this);
    }
    show(): void {
      if (showFails) throw new Error(showFails);
      this.shown += 1;
    }
    close(): void {
      this.closed += 1;
    }
    on(event: string, listener: Listener): Notification {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this as unknown as Notification;
    }
    /** What Electron does when the user or the system acts on the notification. */
    emit(event: 'click' | 'close' | 'failed', ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) {
        (listener as (...a: unknown[]) => void)(...args);
      }
    }
  }
  return {
    Notification: FakeNotification satisfies NotificationClass,
    instances,
    /** What Windows does when a toast (live, in the Action Center, or from an earlier run) is activated. */
    activate(details: ActivationArguments): void {
      activation.handler?.(details);
    },
    get activationRegistered(): boolean {
      return activation.handler !== null;
    },
  };
}

const URGENT_KINDS = [
  'emergency',
  'hedge-declined',
  'hedge-missing',
  'connection-lost',
  'auth-failed',
];

export function intent(
  kind: NotificationKind,
  patch: Partial<NotificationIntent> = {},
): NotificationIntent {
  return {
    kind,
    title: `Title ${kind}`,
    body: `Body ${kind}`,
    count: 1,
    target: { view: 'feed' },
    urgent: URGENT_KINDS.includes(kind),
    at: 0,
    ...patch,
  };
}
