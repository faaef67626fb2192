import type { Notification, NotificationConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../../common/app-id';
import {
  NOTIFICATION_KINDS,
  type NotificationIntent,
  type NotificationKind,
  type NotificationTarget,
} from '../../../common/domain/notifications';
import { notificationOptions } from '../../../main/notifications/notification-options';
import {
  type NotificationClass,
  type NotificationHandle,
  NotificationPresenter,
  type NotificationPresenterOptions,
} from '../../../main/notifications/notification-presenter';

// Electron's own class must fit what the presenter asks for.
const electronNotificationFits: typeof Notification extends NotificationClass ? true : false = true;

type Listener = (...args: never[]) => void;

/** Builds a fake Notification class, typed against Electron's, that records what happens. */
function fakeNotificationClass(supported = true, showFails?: string) {
  const instances: FakeNotification[] = [];
  class FakeNotification implements NotificationHandle {
    static isSupported(): boolean {
      return supported;
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
  return { Notification: FakeNotification satisfies NotificationClass, instances };
}

function intent(
  kind: NotificationKind,
  patch: Partial<NotificationIntent> = {},
): NotificationIntent {
  const urgent = ['emergency', 'hedge-declined', 'hedge-missing', 'connection-lost', 'auth-failed'];
  return {
    kind,
    title: `Title ${kind}`,
    body: `Body ${kind}`,
    count: 1,
    target: { view: 'feed' },
    urgent: urgent.includes(kind),
    at: 0,
    ...patch,
  };
}

interface SetupOptions extends Partial<NotificationPresenterOptions> {
  supported?: boolean;
  showFails?: string;
}

function setup({ supported = true, showFails, ...options }: SetupOptions = {}) {
  const fake = fakeNotificationClass(supported, showFails);
  const onClick = vi.fn<(target: NotificationTarget, intent: NotificationIntent) => void>();
  const warn = vi.fn<(message: string) => void>();
  const presenter = new NotificationPresenter({
    Notification: fake.Notification,
    platform: 'linux',
    onClick,
    log: { warn },
    ...options,
  });
  return { presenter, instances: fake.instances, onClick, warn };
}

describe('notification options', () => {
  it('type-checks against the real Electron Notification class', () => {
    expect(electronNotificationFits).toBe(true);
  });

  it('makes emergencies loud, lasting and critical on Linux', () => {
    expect(notificationOptions(intent('emergency'), { platform: 'linux', demo: false })).toEqual({
      title: 'Title emergency',
      body: 'Body emergency',
      silent: false,
      timeoutType: 'never',
      urgency: 'critical',
    });
  });

  it('keeps routine notifications quiet and passing', () => {
    expect(notificationOptions(intent('fill'), { platform: 'linux', demo: false })).toEqual({
      title: 'Title fill',
      body: 'Body fill',
      silent: true,
      timeoutType: 'default',
      urgency: 'normal',
    });
  });

  it.each(NOTIFICATION_KINDS)('shows %s as its intent says', (kind) => {
    const given = intent(kind);
    const options = notificationOptions(given, { platform: 'win32', demo: false });
    expect(options.title).toBe(given.title);
    expect(options.body).toBe(given.body);
    expect(options.silent).toBe(!given.urgent);
    expect(options.timeoutType).toBe(given.urgent ? 'never' : 'default');
    expect(options).not.toHaveProperty('urgency');
  });

  it('marks DEMO in the title and passes the app icon', () => {
    const options = notificationOptions(intent('fill'), {
      platform: 'darwin',
      demo: true,
      icon: '/icons/app.png',
    });
    expect(options.title).toBe('DEMO: Title fill');
    expect(options.icon).toBe('/icons/app.png');
  });

  it('exports the app id for Windows', () => {
    expect(APP_ID).toBe('com.fiftyfive.mmtray');
    expect(PRODUCT_NAME).toBe('MM Tray');
  });
});

describe('NotificationPresenter', () => {
  it('shows a notification and keeps it until it is closed', () => {
    const { presenter, instances } = setup();
    expect(presenter.show(intent('fill'))).toBe(true);
    expect(instances).toHaveLength(1);
    expect(instances[0]!.shown).toBe(1);
    expect(presenter.aliveCount).toBe(1);
    instances[0]!.emit('close', {});
    expect(presenter.aliveCount).toBe(0);
  });

  it('sends a click to its target and lets the notification go', () => {
    const { presenter, instances, onClick } = setup();
    const hedge = intent('hedge-missing', {
      target: { view: 'hedge', betId: 'b1', orderId: 'o1' },
    });
    presenter.show(hedge);
    instances[0]!.emit('click', {});
    expect(onClick).toHaveBeenCalledWith({ view: 'hedge', betId: 'b1', orderId: 'o1' }, hedge);
    expect(presenter.aliveCount).toBe(0);
  });

  it('drops a notification that failed and logs each distinct failure once, redacted', () => {
    const { presenter, instances, warn } = setup();
    presenter.show(intent('fill'));
    presenter.show(intent('fill'));
    instances[0]!.emit('failed', {}, 'no daemon for 3f1c2a44-9b7e-4d7a-8c55-0123456789ab');
    instances[1]!.emit('failed', {}, 'no daemon for 3f1c2a44-9b7e-4d7a-8c55-0123456789ab');
    expect(presenter.aliveCount).toBe(0);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toBe(
      'A notification could not be shown: no daemon for [redacted]',
    );
  });

  it('keeps at most maxAlive, closing the oldest first', () => {
    const { presenter, instances } = setup({ maxAlive: 3 });
    for (let i = 0; i < 5; i++) presenter.show(intent('fill', { title: `fill ${i}` }));
    expect(presenter.aliveCount).toBe(3);
    expect(instances.map((n) => n.closed)).toEqual([1, 1, 0, 0, 0]);
    // A closed one that Electron later reports closed is not counted twice.
    instances[0]!.emit('close', {});
    expect(presenter.aliveCount).toBe(3);
  });

  it('closes routine notifications before urgent ones, and never the newest', () => {
    const { presenter, instances } = setup({ maxAlive: 2 });
    presenter.show(intent('emergency'));
    presenter.show(intent('fill'));
    presenter.show(intent('hedge-missing'));
    expect(instances.map((n) => n.closed)).toEqual([0, 1, 0]);
    presenter.show(intent('fill'));
    // Both older ones are urgent: the oldest goes, the new routine one stays.
    expect(instances.map((n) => n.closed)).toEqual([1, 1, 0, 0]);
    expect(presenter.aliveCount).toBe(2);
  });

  it('logs once and shows nothing where notifications are not supported', () => {
    const { presenter, instances, warn } = setup({ supported: false });
    expect(presenter.show(intent('emergency'))).toBe(false);
    expect(presenter.show(intent('fill'))).toBe(false);
    expect(instances).toHaveLength(0);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('survives a notification that throws when shown', () => {
    const { presenter, warn } = setup({ showFails: 'toast failed' });
    expect(presenter.show(intent('fill'))).toBe(false);
    expect(presenter.aliveCount).toBe(0);
    expect(warn).toHaveBeenCalledWith('A notification could not be shown: toast failed');
  });

  it('marks DEMO once demo mode is on', () => {
    const { presenter, instances } = setup();
    presenter.setDemo(true);
    presenter.show(intent('emergency'));
    expect(instances[0]!.options?.title).toBe('DEMO: Title emergency');
  });

  it('passes the app icon to every notification', () => {
    const { presenter, instances } = setup({ icon: '/app/icon.png' });
    presenter.show(intent('fill'));
    expect(instances[0]!.options?.icon).toBe('/app/icon.png');
  });

  it('closes everything still shown on quit', () => {
    const { presenter, instances } = setup();
    presenter.show(intent('fill'));
    presenter.show(intent('emergency'));
    presenter.closeAll();
    expect(instances.map((n) => n.closed)).toEqual([1, 1]);
    expect(presenter.aliveCount).toBe(0);
  });
});
