import type { Notification } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../../common/app-id';
import {
  NOTIFICATION_KINDS,
  type NotificationIntent,
  type NotificationTarget,
} from '../../../common/domain/notifications';
import { notificationOptions } from '../../../main/notifications/notification-options';
import {
  ACTIVATION_ECHO_MS,
  type NotificationClass,
  NotificationPresenter,
  type NotificationPresenterOptions,
} from '../../../main/notifications/notification-presenter';
import { registerWindowsActivation } from '../../../main/notifications/windows-activation';
import { fakeNotificationClass, intent } from './fake-notification';

// Electron's own class must fit what the presenter asks for.
const electronNotificationFits: typeof Notification extends NotificationClass ? true : false = true;

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
  return { presenter, instances: fake.instances, onClick, warn, fake };
}

/** A missing hedge for its own bet: urgent, and not the same notification as another bet's. */
function missingHedge(bet: number): NotificationIntent {
  return intent('hedge-missing', { target: { view: 'hedge', betId: `b${bet}` } });
}

/** A fill of its own order: routine, and not the same notification as another order's. */
function fillOf(order: number): NotificationIntent {
  return intent('fill', {
    title: `fill ${order}`,
    target: { view: 'order', orderId: `o${order}` },
  });
}

const timedOut = { reason: 'timedOut' };

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

  it.each(NOTIFICATION_KINDS)(
    'shows %s as its intent says, critical on Windows when urgent',
    (kind) => {
      const given = intent(kind);
      const options = notificationOptions(given, { platform: 'win32', demo: false });
      expect(options.title).toBe(given.title);
      expect(options.body).toBe(given.body);
      expect(options.silent).toBe(!given.urgent);
      expect(options.timeoutType).toBe(given.urgent ? 'never' : 'default');
      expect(options.urgency).toBe(given.urgent ? 'critical' : 'normal');
    },
  );

  it('sets no urgency on macOS, which has none', () => {
    expect(
      notificationOptions(intent('emergency'), { platform: 'darwin', demo: false }),
    ).not.toHaveProperty('urgency');
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
    for (let i = 0; i < 5; i++) presenter.show(fillOf(i));
    expect(presenter.aliveCount).toBe(3);
    expect(instances.map((n) => n.closed)).toEqual([1, 1, 0, 0, 0]);
    // A closed one that Electron later reports closed is not counted twice.
    instances[0]!.emit('close', {});
    expect(presenter.aliveCount).toBe(3);
  });

  it('closes a routine notification, not an urgent one, to make room for an urgent one', () => {
    const { presenter, instances } = setup({ maxAlive: 2 });
    presenter.show(intent('emergency'));
    presenter.show(fillOf(1));
    presenter.show(missingHedge(1));
    expect(instances.map((n) => n.closed)).toEqual([0, 1, 0]);
    presenter.show(missingHedge(2));
    // Only urgent ones are left: the oldest that is not the emergency goes.
    expect(instances.map((n) => n.closed)).toEqual([0, 1, 1, 0]);
    expect(presenter.aliveCount).toBe(2);
  });

  it('never closes an emergency or an urgent notification for a routine one', () => {
    const { presenter, instances } = setup();
    presenter.show(intent('emergency'));
    for (let bet = 1; bet <= 9; bet++) presenter.show(missingHedge(bet));
    expect(presenter.show(fillOf(1))).toBe(false);
    expect(instances.every((n) => n.closed === 0)).toBe(true);
    expect(instances[0]!.options?.title).toBe('Title emergency');
    expect(presenter.aliveCount).toBe(10);
    // The fill was not shown at all.
    expect(instances).toHaveLength(10);
  });

  it('never closes an emergency for an urgent one, even past the limit', () => {
    const { presenter, instances } = setup({ maxAlive: 1 });
    presenter.show(intent('emergency'));
    expect(presenter.show(missingHedge(1))).toBe(true);
    expect(instances.map((n) => n.closed)).toEqual([0, 0]);
    expect(presenter.aliveCount).toBe(2);
  });

  it('replaces the previous summary of a kind instead of stacking them (Linux: closes it)', () => {
    const { presenter, instances } = setup();
    for (let i = 0; i < 30; i++) presenter.show(intent('hedge-missing', { title: `${i} missing` }));
    presenter.show(intent('fill', { title: 'fills' }));
    expect(presenter.aliveCount).toBe(2);
    expect(instances.slice(0, 29).every((n) => n.closed === 1)).toBe(true);
    expect(instances.slice(29).map((n) => n.closed)).toEqual([0, 0]);
    expect(instances[0]!.options).not.toHaveProperty('id');
  });

  it.each(['darwin', 'win32'] as const)(
    'on %s replaces by a stable OS id, without closing the replaced one',
    (platform) => {
      const { presenter, instances } = setup({ platform });
      presenter.show(intent('fill', { title: 'first' }));
      presenter.show(intent('fill', { title: 'second' }));
      presenter.show(fillOf(1));
      expect(instances[0]!.options?.id).toMatch(/^mmtray-fill-[0-9a-f]{16}$/);
      expect(instances[1]!.options?.id).toBe(instances[0]!.options?.id);
      expect(instances[2]!.options?.id).not.toBe(instances[0]!.options?.id);
      // Closing the first would remove the second, which carries the same id.
      expect(instances.map((n) => n.closed)).toEqual([0, 0, 0]);
      expect(presenter.aliveCount).toBe(2);
    },
  );

  it('does not replace an urgent notification with a routine one of the same kind and target', () => {
    const { presenter, instances } = setup({ platform: 'win32' });
    const failed = intent('trading-status', { title: 'Stop: failed', urgent: true });
    const done = intent('trading-status', { title: 'Stop: done', urgent: false });
    presenter.show(failed);
    presenter.show(done);
    expect(instances.map((n) => n.closed)).toEqual([0, 0]);
    expect(instances[1]!.options?.id).not.toBe(instances[0]!.options?.id);
    expect(presenter.aliveCount).toBe(2);
    // Another routine one replaces the routine one, keeping its id; the urgent one stays.
    presenter.show(intent('trading-status', { title: 'Start: done', urgent: false }));
    expect(instances[2]!.options?.id).toBe(instances[1]!.options?.id);
    expect(presenter.aliveCount).toBe(2);
    // An urgent one replaces both.
    presenter.show(intent('trading-status', { title: 'Pause: failed', urgent: true }));
    expect(presenter.aliveCount).toBe(1);
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

describe('NotificationPresenter on Windows, after a toast timed out into the Action Center', () => {
  it('keeps the toast so that a click in the Action Center still opens its target', () => {
    const { presenter, instances, onClick } = setup({ platform: 'win32' });
    const fill = fillOf(7);
    presenter.show(fill);
    instances[0]!.emit('close', timedOut);
    expect(presenter.aliveCount).toBe(1);
    instances[0]!.emit('click', {});
    expect(onClick).toHaveBeenCalledWith({ view: 'order', orderId: 'o7' }, fill);
    expect(presenter.aliveCount).toBe(0);
  });

  it('lets it go when the user dismisses it, and everywhere else on any close', () => {
    const windows = setup({ platform: 'win32' });
    windows.presenter.show(fillOf(1));
    windows.instances[0]!.emit('close', { reason: 'userCanceled' });
    expect(windows.presenter.aliveCount).toBe(0);
    const linux = setup({ platform: 'linux' });
    linux.presenter.show(fillOf(1));
    linux.instances[0]!.emit('close', timedOut);
    expect(linux.presenter.aliveCount).toBe(0);
  });

  it('keeps a bounded number, letting those in the Action Center go before those on screen', () => {
    const { presenter, instances } = setup({ platform: 'win32', maxAlive: 3 });
    presenter.show(fillOf(1));
    presenter.show(fillOf(2));
    presenter.show(missingHedge(1));
    instances[1]!.emit('close', timedOut);
    instances[2]!.emit('close', timedOut);
    presenter.show(fillOf(3));
    // The routine one in the Action Center goes, not the older one on screen nor the urgent one.
    expect(instances.map((n) => n.closed)).toEqual([0, 1, 0, 0]);
    presenter.show(fillOf(4));
    expect(instances.map((n) => n.closed)).toEqual([1, 1, 0, 0, 0]);
    expect(presenter.aliveCount).toBe(3);
  });
});

describe('registerWindowsActivation', () => {
  function windowsSetup() {
    let now = 1_000_000;
    const base = setup({ platform: 'win32', now: () => now });
    const openDashboard = vi.fn<() => void>();
    const registered = registerWindowsActivation({
      platform: 'win32',
      Notification: base.fake.Notification,
      presenter: base.presenter,
      openDashboard,
    });
    return {
      ...base,
      openDashboard,
      registered,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  it('opens the target of a toast this run holds when its activation names it', () => {
    const { presenter, instances, fake, onClick, openDashboard, registered } = windowsSetup();
    expect(registered).toBe(true);
    const hedge = missingHedge(3);
    presenter.show(hedge);
    instances[0]!.emit('close', timedOut);
    fake.activate({ type: 'click', arguments: `type=click&tag=${instances[0]!.options!.id}` });
    expect(onClick).toHaveBeenCalledExactlyOnceWith({ view: 'hedge', betId: 'b3' }, hedge);
    expect(openDashboard).not.toHaveBeenCalled();
    // Electron also emits the instance's own click: it is not routed twice.
    instances[0]!.emit('click', {});
    expect(onClick).toHaveBeenCalledOnce();
    expect(presenter.aliveCount).toBe(0);
  });

  it('takes the activation that follows a routed click for its echo', () => {
    const { presenter, instances, fake, onClick, openDashboard, advance } = windowsSetup();
    presenter.show(fillOf(1));
    instances[0]!.emit('click', {});
    fake.activate({ type: 'click', arguments: `type=click&tag=${instances[0]!.options!.id}` });
    // Arguments that do not name the toast, right after the click, are its echo too.
    fake.activate({ type: 'click', arguments: 'type=click&tag=1234567' });
    expect(onClick).toHaveBeenCalledOnce();
    expect(openDashboard).not.toHaveBeenCalled();
    // Later, an activation naming no toast of this run opens the dashboard.
    advance(ACTIVATION_ECHO_MS);
    fake.activate({ type: 'click', arguments: 'type=click&tag=1234567' });
    expect(openDashboard).toHaveBeenCalledOnce();
  });

  it('is not fooled by a wall clock set back after a click (it times echoes monotonically)', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 27, 9) });
    try {
      const base = setup({ platform: 'win32' });
      const openDashboard = vi.fn<() => void>();
      registerWindowsActivation({
        platform: 'win32',
        Notification: base.fake.Notification,
        presenter: base.presenter,
        openDashboard,
      });
      base.presenter.show(fillOf(1));
      base.instances[0]!.emit('click', {});
      vi.setSystemTime(Date.now() - 3_600_000);
      vi.advanceTimersByTime(ACTIVATION_ECHO_MS);
      base.fake.activate({ type: 'click', arguments: 'type=click&tag=1234567' });
      expect(openDashboard).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens the dashboard for a toast from an earlier run', () => {
    const { fake, onClick, openDashboard } = windowsSetup();
    fake.activate({ type: 'click', arguments: '' });
    expect(openDashboard).toHaveBeenCalledOnce();
    expect(onClick).not.toHaveBeenCalled();
  });

  it('registers nothing off Windows, nor where Electron has no handleActivation', () => {
    const fake = fakeNotificationClass();
    const { Notification } = fake;
    const presenter = { routeActivation: () => 'unknown' as const };
    expect(
      registerWindowsActivation({
        platform: 'linux',
        Notification,
        presenter,
        openDashboard: vi.fn(),
      }),
    ).toBe(false);
    expect(fake.activationRegistered).toBe(false);
    expect(
      registerWindowsActivation({
        platform: 'win32',
        Notification: {},
        presenter,
        openDashboard: vi.fn(),
      }),
    ).toBe(false);
  });
});
