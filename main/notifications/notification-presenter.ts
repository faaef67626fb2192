import type { Notification, NotificationConstructorOptions } from 'electron';
import type { NotificationIntent, NotificationTarget } from '../../common/domain/notifications';
import { redactSecrets } from '../../common/redact';
import {
  notificationId,
  notificationKey,
  notificationRank,
  platformReplacesById,
} from './notification-identity';
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
  /**
   * Notifications kept at most (on screen, or in Windows' Action Center). Beyond it a
   * routine one goes first; an emergency never goes. Default 10.
   */
  maxAlive?: number;
  log?: { warn(message: string): void };
  /**
   * The clock, for telling a Windows activation from the echo of a click. Default
   * performance.now: monotonic, so a wall clock set back cannot make activations echoes.
   */
  now?: () => number;
}

/** What became of a Windows activation (see routeActivation). */
export type ActivationRoute = 'routed' | 'echo' | 'unknown';

/**
 * Electron reports a click on a toast still in memory twice on Windows: as the instance's
 * 'click' and to Notification.handleActivation. An activation this soon after a click,
 * naming no toast, is taken for that echo.
 */
export const ACTIVATION_ECHO_MS = 2_000;
/** Ids of clicked notifications remembered to recognise their activation echo. */
const REMEMBERED_CLICKS = 20;

interface Shown {
  notification: NotificationHandle;
  intent: NotificationIntent;
  key: string;
  /** The OS identifier (darwin, win32), null where Electron declares none. */
  id: string | null;
  /** Windows: timed out into the Action Center; kept so that a click there still works. */
  inActionCenter: boolean;
  /** Its click was routed (by the 'click' event or a Windows activation). */
  handled: boolean;
}

/**
 * Shows NotificationIntents (already filtered by the engine's NotificationPolicy) as
 * native notifications. Each one stays referenced until it is closed, clicked or fails
 * (a notification that is garbage-collected loses its click handler on some platforms),
 * on Windows also while it waits in the Action Center after timing out. A newer
 * notification of the same kind and target replaces the previous one, unless that one
 * matters more (an emergency is never replaced by anything else). No more than maxAlive
 * are kept: routine ones go first, an emergency never, and a routine newcomer that
 * finds only urgent ones is not shown at all.
 */
export class NotificationPresenter {
  private readonly alive = new Set<Shown>();
  private readonly maxAlive: number;
  private readonly log: { warn(message: string): void };
  private readonly now: () => number;
  private demo: boolean;
  private supported: boolean | null = null;
  private lastFailure: string | null = null;
  private variants = 0;
  private lastClickAt = Number.NEGATIVE_INFINITY;
  private readonly clickedIds: string[] = [];

  constructor(private readonly options: NotificationPresenterOptions) {
    this.maxAlive = Math.max(1, options.maxAlive ?? 10);
    this.log = options.log ?? console;
    this.now = options.now ?? (() => performance.now());
    this.demo = options.demo ?? false;
  }

  setDemo(demo: boolean): void {
    this.demo = demo;
  }

  /** Notifications shown and not yet closed, clicked, failed, replaced or evicted. */
  get aliveCount(): number {
    return this.alive.size;
  }

  /**
   * Shows the intent; false when the platform cannot (logged once), showing failed, or a
   * routine notification found no room beside urgent ones.
   */
  show(intent: NotificationIntent): boolean {
    if (!this.isSupported()) return false;
    const { Notification, platform, icon } = this.options;
    const key = notificationKey(intent);
    const sameKey = [...this.alive].filter((entry) => entry.key === key);
    const replaced = sameKey.filter(
      (entry) => notificationRank(entry.intent) <= notificationRank(intent),
    );
    if (!this.makeRoom(intent, replaced)) return false;

    const replacesById = platformReplacesById(platform);
    let id: string | null = null;
    if (replacesById) {
      const newestReplaced = replaced.at(-1);
      // A kept notification of this key that matters more must not be replaced by the OS.
      id =
        newestReplaced?.id ??
        (sameKey.length > 0 ? notificationId(intent, ++this.variants) : notificationId(intent));
    }
    let shown: Shown | undefined;
    try {
      const look: NotificationLook = { platform, demo: this.demo, ...(icon ? { icon } : {}) };
      const options = notificationOptions(intent, look);
      if (id !== null) options.id = id;
      const notification = new Notification(options);
      const entry: Shown = {
        notification,
        intent,
        key,
        id,
        inActionCenter: false,
        handled: false,
      };
      shown = entry;
      notification.on('click', () => this.activate(entry));
      notification.on('close', (details) => {
        if (platform === 'win32' && details?.reason === 'timedOut') {
          entry.inActionCenter = true;
          return;
        }
        this.drop(entry);
      });
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
    for (const old of replaced) {
      // With the same OS id the OS has already replaced it; closing it would remove the new one.
      if (id !== null && old.id === id) this.drop(old);
      else this.close(old);
    }
    return true;
  }

  /**
   * Windows: routes an activation reported to Notification.handleActivation, whose raw
   * `arguments` may name the toast's id. 'routed' when it named a toast still held here
   * (its target opens); 'echo' when that click was already routed by the toast's own
   * 'click' event; 'unknown' otherwise (a toast from an earlier run, or one not named):
   * the caller opens the dashboard.
   */
  routeActivation(activationArguments: string): ActivationRoute {
    const named = namedIds(activationArguments);
    for (const entry of this.alive) {
      if (entry.id !== null && named.has(entry.id)) {
        this.activate(entry);
        return 'routed';
      }
    }
    if (this.clickedIds.some((id) => named.has(id))) return 'echo';
    if (this.now() - this.lastClickAt < ACTIVATION_ECHO_MS) return 'echo';
    return 'unknown';
  }

  /** Closes everything still on screen or in the Action Center (on quit). */
  closeAll(): void {
    for (const entry of [...this.alive]) this.close(entry);
  }

  private activate(entry: Shown): void {
    if (entry.handled) return;
    entry.handled = true;
    this.lastClickAt = this.now();
    if (entry.id !== null) {
      this.clickedIds.push(entry.id);
      if (this.clickedIds.length > REMEMBERED_CLICKS) this.clickedIds.shift();
    }
    this.drop(entry);
    this.options.onClick(entry.intent.target, entry.intent);
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
   * Closes notifications until the newcomer fits beside those it does not replace. False
   * when a routine newcomer would have to push out an urgent one: it is not shown. An
   * urgent newcomer is shown even past the limit when only emergencies are left.
   */
  private makeRoom(newcomer: NotificationIntent, replaced: readonly Shown[]): boolean {
    const kept = () => this.alive.size - replaced.filter((entry) => this.alive.has(entry)).length;
    while (kept() + 1 > this.maxAlive) {
      const victim = this.evictionCandidate(newcomer, replaced);
      if (!victim) return newcomer.urgent;
      this.close(victim);
    }
    return true;
  }

  /**
   * The one to close for a newcomer: routine before urgent, those already off screen (in
   * the Action Center) before those on it, oldest first; never an emergency, and never an
   * urgent one for a routine newcomer.
   */
  private evictionCandidate(
    newcomer: NotificationIntent,
    replaced: readonly Shown[],
  ): Shown | undefined {
    let best: Shown | undefined;
    let bestOrder = Number.POSITIVE_INFINITY;
    for (const entry of this.alive) {
      if (replaced.includes(entry)) continue;
      const rank = notificationRank(entry.intent);
      if (rank === 2 || rank > notificationRank(newcomer)) continue;
      const order = rank * 2 + (entry.inActionCenter ? 0 : 1);
      if (order < bestOrder) {
        best = entry;
        bestOrder = order;
      }
    }
    return best;
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

/** Every value the raw activation arguments could be naming: the whole, and each k=v value. */
function namedIds(activationArguments: string): Set<string> {
  const raw = typeof activationArguments === 'string' ? activationArguments : '';
  const named = new Set<string>([raw]);
  for (const pair of raw.split('&')) {
    const at = pair.indexOf('=');
    if (at >= 0) named.add(pair.slice(at + 1));
  }
  return named;
}
