import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate } from '../../../main/app/app-menu';
import { QuitSequence, SHUTDOWN_QUIT_WINDOW_MS } from '../../../main/app/quit-sequence';
import { ReopenRequests } from '../../../main/app/reopen-requests';
import { appIconPath, dashboardWindowIcon } from '../../../main/app/window-icon';

describe('the application menu', () => {
  it('on macOS is the app menu and the Edit menu (Cmd+C/V/X/A/Z), nothing else', () => {
    const template = applicationMenuTemplate('darwin');
    expect(template).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }]);
    const roles = JSON.stringify(template);
    for (const risky of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu']) {
      expect(roles).not.toContain(`"${risky}"`);
    }
  });

  it('on Windows and Linux is none', () => {
    expect(applicationMenuTemplate('win32')).toBeNull();
    expect(applicationMenuTemplate('linux')).toBeNull();
  });
});

describe('requests to reopen the dashboard', () => {
  it('wait while the app starts, and are served once when it is ready', () => {
    const requests = new ReopenRequests();
    requests.request();
    requests.request();
    const open = vi.fn();
    requests.ready(open);
    expect(open).toHaveBeenCalledOnce();
  });

  it('open nothing at start when none came', () => {
    const open = vi.fn();
    new ReopenRequests().ready(open);
    expect(open).not.toHaveBeenCalled();
  });

  it('are served at once after the app is ready', () => {
    const requests = new ReopenRequests();
    const open = vi.fn();
    requests.ready(open);
    requests.request();
    requests.request();
    expect(open).toHaveBeenCalledTimes(2);
  });
});

describe('quitting', () => {
  let clock = 0;
  function setup(cleanUp: () => Promise<unknown> = () => Promise.resolve()) {
    const steps: string[] = [];
    clock = 0;
    const sequence = new QuitSequence({
      now: () => clock,
      cleanUp: () => {
        steps.push('clean up');
        return cleanUp();
      },
      release: () => steps.push('release'),
      quit: () => steps.push('quit'),
      log: () => {},
    });
    const beforeQuit = () => {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      sequence.beforeQuit(event);
      return event.prevented;
    };
    return { sequence, steps, beforeQuit };
  }

  it('waits for the cleanup (unsubscribe, close 1000), then quits again, which then goes ahead', async () => {
    let finish = () => {};
    const { steps, beforeQuit } = setup(() => new Promise<void>((done) => (finish = done)));
    expect(beforeQuit()).toBe(true);
    await Promise.resolve();
    expect(steps).toEqual(['clean up']);
    finish();
    await vi.waitFor(() => expect(steps).toEqual(['clean up', 'release', 'quit']));
    expect(beforeQuit()).toBe(false);
    expect(steps).toHaveLength(3);
  });

  it('quits even when the cleanup fails', async () => {
    const { steps, beforeQuit } = setup(() => Promise.reject(new Error('disk full')));
    expect(beforeQuit()).toBe(true);
    await vi.waitFor(() => expect(steps).toEqual(['clean up', 'release', 'quit']));
  });

  it('when the system shuts down, lets the quit go ahead at once and only starts the cleanup', async () => {
    const { sequence, steps, beforeQuit } = setup(() => new Promise(() => {}));
    sequence.systemShutdown();
    expect(beforeQuit()).toBe(false);
    expect(steps).toEqual(['clean up']);
    await Promise.resolve();
    expect(beforeQuit()).toBe(false);
    expect(steps).toEqual(['clean up']);
  });

  it('a shutdown during a cleanup already started does not hold up the quit it brings', () => {
    const { sequence, steps, beforeQuit } = setup(() => new Promise(() => {}));
    expect(beforeQuit()).toBe(true);
    sequence.systemShutdown();
    expect(beforeQuit()).toBe(false);
    expect(steps).toEqual(['clean up']);
  });

  it('a shutdown that was cancelled (a logout another app refused) leaves later quits whole', () => {
    const { sequence, beforeQuit } = setup(() => new Promise(() => {}));
    sequence.systemShutdown();
    clock += SHUTDOWN_QUIT_WINDOW_MS + 1;
    expect(beforeQuit()).toBe(true);
  });

  it('times the shutdown window on the monotonic clock: a clock set forward does not end it', () => {
    vi.useFakeTimers();
    try {
      const sequence = new QuitSequence({
        cleanUp: () => new Promise(() => {}),
        release: () => {},
        quit: () => {},
        log: () => {},
      });
      sequence.systemShutdown();
      vi.setSystemTime(Date.now() + 3_600_000);
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      sequence.beforeQuit(event);
      expect(event.prevented).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a cleanup that throws at once does not stop a shutdown quit', () => {
    const { sequence, beforeQuit } = setup(() => {
      throw new Error('already disposed');
    });
    sequence.systemShutdown();
    expect(beforeQuit()).toBe(false);
  });
});

describe('the dashboard window icon', () => {
  it('is the app PNG on Linux, where AppImage and tar.gz give the window no other', () => {
    expect(dashboardWindowIcon('linux', '/opt/MM Tray/resources/icons')).toBe(
      '/opt/MM Tray/resources/icons/app/png/256x256.png',
    );
    expect(dashboardWindowIcon('linux', '/icons')).toBe(appIconPath('/icons'));
  });

  it('is left to the bundle on macOS and the exe on Windows', () => {
    expect(dashboardWindowIcon('darwin', '/icons')).toBeUndefined();
    expect(dashboardWindowIcon('win32', '/icons')).toBeUndefined();
  });
});
