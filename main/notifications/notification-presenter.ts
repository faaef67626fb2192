import type { Notification, NotificationConstructorOptions } from 'electron';
import type { NotificationIntent, NotificationTarget } from '../../common/domain/notifications';
import { redactSecrets } from '../../common/redact';
import { type NotificationLook, notificationOptions } from './notification-options';

/** The part of an Electron Notification the presenter uses. */
export type NotificationHandle = Pick<Notification, 'show' | 'close' | 'on'>;

/** Electron's Notification class, or a fake typed against it. */
export interface NotificationClass {
  new (options?: NotificationConstructorOptions): NotificationHandle;
  isSupported(): boolean;
}

export interface NotificationPresenterOptions extends Omit<NotificationLook, 'demo'> {
  Notification: NotificationClass;
  /** A notification was clicked: show the dashboard focused on its target. */
  onClick: (target: NotificationTarget, intent: NotificationIntent) => void;
  demo?: boolean;
  /** Notifications kept alive at most; beyond it the oldest routine one is closed. Default 10. */
  maxAlive?: number;
  log?: { warn(message: string): void };
}

interface Shown {
  notification: NotificationHandle;
  intent: NotificationIntent;
}

/**
 * Shows NotificationIntents (already filtered by the engine's NotificationPolicy) as
 * native notifications. Each one stays referenced until it is closed, clicked or fails
 * (a notification that is garbage-collected loses its click handler on some platforms);
 * no more than maxAlive are kept, so a long session never piles them up.
 */
export class NotificationPresenter {
  private readonly alive = new Set<Shown>();
  private readonly maxAlive: number;
  private readonly log: { warn(message: string): void };
  private demo: boolean;
  private supported: boolean | null = null;
  private lastFailure: string | null = null;

  constructor(private readonly options: NotificationPresenterOptions) {
    this.maxAlive = Math.max(1, options.maxAlive ?? 10);
    this.log = options.log ?? console;
    this.demo = options.demo ?? false;
  }

  setDemo(demo: boolean): void {
    this.demo = demo;
  }

  /** Notifications shown and not yet closed, clicked or failed. */
  get aliveCount(): number {
    return this.alive.size;
  }

  /** Shows the intent; false when the platform cannot (logged once) or showing failed. */
  show(intent: NotificationIntent): boolean {
    if (!this.isSupported()) return false;
    const { Notification, platform, icon } = this.options;
    let shown: Shown | undefined;
    try {
      const look: NotificationLook = { platform, demo: this.demo, ...(icon ? { icon } : {}) };
      const notification = new Notification(notificationOptions(intent, look));
      const entry: Shown = { notification, intent };
      shown = entry;
      notification.on('click', () => {
        this.drop(entry);
        this.options.onClick(intent.target, intent);
      });
      notification.on('close', () => this.drop(entry));
      notification.on('failed', (_event, error) => {
        this.drop(entry);
        this.warnFailure(error);
      });
      this.alive.add(entry);
      notification.show();
    } catch (error) {
      if (shown) this.drop(shown);
      this.warnFailure(error instanceof Error ? error.message : String(error));
      return false;
    }
    this.enforceLimit(shown);
    return true;
  }

  /** Closes everything still on screen (on quit). */
  closeAll(): void {
    for (const entry of [...this.alive]) this.close(entry);
  }

  private isSupported(): boolean {
    if (this.supported === null) {
      this.supported = this.options.Notification.isSupported();
      if (!this.supported) {
        this.log.warn('Native notifications are not supported on this system; none will be shown.');
      }
    }
    return this.supported;
  }

  /**
   * Closes the oldest routine notification, or the oldest of all when every one is urgent;
   * never the one just shown.
   */
  private enforceLimit(newest: Shown): void {
    while (this.alive.size > this.maxAlive) {
      let victim: Shown | undefined;
      for (const entry of this.alive) {
        if (entry === newest) continue;
        victim ??= entry;
        if (!entry.intent.urgent) {
          victim = entry;
          break;
        }
      }
      if (!victim) return;
      this.close(victim);
    }
  }

  private close(entry: Shown): void {
    this.drop(entry);
    try {
      entry.notification.close();
    } catch {
      // Already gone: nothing to close.
    }
  }

  private drop(entry: Shown): void {
    this.alive.delete(entry);
  }

  /** Logs a failure, once per distinct message (a missing notification daemon fails every time). */
  private warnFailure(error: string): void {
    const message = redactSecrets(error);
    if (message === this.lastFailure) return;
    this.lastFailure = message;
    this.log.warn(`A notification could not be shown: ${message}`);
  }
}
