import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MmTrayApi } from '../../../common/ipc/bridge';
import { batch, liveStatus, snapshot } from './builders';
import { renderDashboard } from './render-dashboard';

const bridge = () => (window as unknown as { mmTray: MmTrayApi }).mmTray;

const LOCKED =
  'The Secret Service keychain could not be used (Cannot unlock collection). Make sure it is unlocked (GNOME Keyring or KWallet). No restart is needed: MM Tray reads the keychain again on its own, and at once on Reconnect now or a screen unlock. You can still use the key for this session only: it is kept in memory and forgotten when MM Tray quits.';

/** The app as launched with the keychain still locked: no key read, the feed stopped. */
function keychainLocked() {
  return snapshot({
    status: liveStatus({
      state: 'stopped',
      reason: 'no API key: add one in Settings, or try the demo',
    }),
    keyStatus: { set: false, storage: 'none', keychainProblem: LOCKED },
  });
}

describe('getting the connection back', () => {
  it('offers Reconnect now for a refused key, and a way to change it', async () => {
    const value = snapshot({
      status: liveStatus({ state: 'auth-failed', reason: 'Invalid API key' }),
    });
    const { user, calls } = await renderDashboard({ snapshot: value });
    const connection = screen.getByRole('region', { name: 'Connection status' });
    expect(connection.textContent).toContain('Key refused');
    await user.click(within(connection).getByRole('button', { name: 'Reconnect now' }));
    expect(calls('feed.reconnect')).toHaveLength(1);

    await user.click(
      within(connection).getByRole('button', { name: 'Change the key in Settings' }),
    );
    expect(screen.getByRole('main', { name: 'Settings' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('New API key')));
  });

  it('offers Reconnect now when stopped because the keychain could not be read', async () => {
    const value = keychainLocked();
    // A key was set once in this window (so the dashboard, not onboarding, is shown).
    const { user, calls, control } = await renderDashboard({ snapshot: snapshot() });
    act(() => control.setKeyStatus(value.keyStatus));
    act(() =>
      control.push({ events: [], notifications: [], errors: [], gaps: [], status: value.status }),
    );
    const connection = screen.getByRole('region', { name: 'Connection status' });
    await waitFor(() =>
      expect(connection.textContent).toContain(
        'The API key could not be read from the system keychain.',
      ),
    );
    await user.click(within(connection).getByRole('button', { name: 'Reconnect now' }));
    expect(calls('feed.reconnect')).toHaveLength(1);
  });

  it('offers no Reconnect now when stopped for another reason', async () => {
    const value = snapshot({ status: liveStatus({ state: 'stopped', reason: 'stopped' }) });
    await renderDashboard({ snapshot: value });
    const connection = screen.getByRole('region', { name: 'Connection status' });
    expect(within(connection).queryByRole('button', { name: 'Reconnect now' })).toBeNull();
  });

  it('says so when Reconnect now fails, without the channel main names first', async () => {
    const value = snapshot({ status: liveStatus({ state: 'auth-failed', reason: 'x' }) });
    const { user } = await renderDashboard({ snapshot: value });
    vi.spyOn(bridge().feed, 'reconnect').mockRejectedValueOnce(
      new Error('feed:reconnect failed: main not answering'),
    );
    const connection = screen.getByRole('region', { name: 'Connection status' });
    await user.click(within(connection).getByRole('button', { name: 'Reconnect now' }));
    expect(
      await within(connection).findByText('Reconnect failed: main not answering'),
    ).toHaveProperty('role', 'status');
  });

  it('drops the failure once the connection has moved on', async () => {
    const value = snapshot({ status: liveStatus({ state: 'auth-failed', reason: 'x' }) });
    const { user, control } = await renderDashboard({ snapshot: value });
    vi.spyOn(bridge().feed, 'reconnect').mockRejectedValueOnce(new Error('main not answering'));
    const connection = screen.getByRole('region', { name: 'Connection status' });
    await user.click(within(connection).getByRole('button', { name: 'Reconnect now' }));
    await within(connection).findByText('Reconnect failed: main not answering');
    act(() => control.push(batch([], { status: liveStatus({ since: Date.now() + 1_000 }) })));
    await waitFor(() => expect(connection.textContent).not.toContain('Reconnect failed'));
  });

  it('shows main’s reason in the dashboard’s language', async () => {
    const value = snapshot({
      status: liveStatus({ state: 'reconnecting', reason: 'no answer to ping within 10 s' }),
    });
    value.settings = { ...value.settings, language: 'zh-CN' };
    await renderDashboard({ snapshot: value });
    const connection = screen.getByRole('region', { name: '连接状态' });
    expect(connection.textContent).toContain('ping 在 10 秒内无应答');
  });
});

describe('onboarding with the keychain locked', () => {
  it('says the keychain could not be read and offers to read it again, before a key', async () => {
    const { user, calls, control } = await renderDashboard({ snapshot: keychainLocked() });
    const retry = screen.getByRole('button', { name: 'Read the keychain again' });
    const paste = screen.getByRole('button', { name: 'Connect' });
    expect(
      screen.getByRole('heading', { name: 'The system keychain could not be read' }),
    ).toBeTruthy();
    expect(retry.compareDocumentPosition(paste) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(retry);
    expect(calls('feed.reconnect')).toHaveLength(1);

    // The keychain was unlocked: main read the key, and the dashboard takes over.
    act(() => control.setKeyStatus({ set: true, masked: '••••-a427', storage: 'keychain' }));
    expect(await screen.findByRole('region', { name: 'Connection status' })).toBeTruthy();
  });

  it('says so when reading it again fails, without the channel main names first', async () => {
    const { user } = await renderDashboard({ snapshot: keychainLocked() });
    vi.spyOn(bridge().feed, 'reconnect').mockRejectedValueOnce(
      new Error('feed:reconnect failed: still locked'),
    );
    await user.click(screen.getByRole('button', { name: 'Read the keychain again' }));
    expect(
      await screen.findByText('The keychain could not be read again: still locked'),
    ).toBeTruthy();
  });

  it('is not offered when there is no keychain at all: nothing there to read again', async () => {
    const value = keychainLocked();
    value.keyStatus = { ...value.keyStatus, keychainMissing: true };
    await renderDashboard({ snapshot: value });
    expect(screen.queryByRole('button', { name: 'Read the keychain again' })).toBeNull();
    const connection = screen.queryByRole('region', { name: 'Connection status' });
    expect(connection?.textContent ?? '').not.toContain(
      'could not be read from the system keychain',
    );
  });

  it('is not offered without a keychain problem', async () => {
    await renderDashboard({ snapshot: snapshot({ keyStatus: { set: false, storage: 'none' } }) });
    expect(screen.getByRole('button', { name: 'Try the demo' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Read the keychain again' })).toBeNull();
  });

  it('writes the keychain problem in Chinese for zh-CN', async () => {
    const value = keychainLocked();
    value.settings = { ...value.settings, language: 'zh-CN' };
    await renderDashboard({ snapshot: value });
    expect(screen.getByRole('button', { name: '重新读取钥匙串' })).toBeTruthy();
    const notice = document.querySelector('.notice.warn')?.textContent ?? '';
    expect(notice).toContain('Secret Service 钥匙串无法使用（Cannot unlock collection）');
    expect(notice).not.toMatch(/could not be used|No restart/);
  });
});

describe('quiet mode', () => {
  it('says so when Resume fails, without the channel main names first', async () => {
    const value = snapshot({ quietUntil: Date.now() + 3_600_000 });
    value.settings = {
      ...value.settings,
      notifications: { ...value.settings.notifications, quietUntil: Date.now() + 3_600_000 },
    };
    const { user } = await renderDashboard({ snapshot: value });
    vi.spyOn(bridge().notifications, 'pause').mockRejectedValueOnce(
      new Error('notifications:pause failed: main busy'),
    );
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByText('Could not resume notifications: main busy')).toHaveProperty(
      'role',
      'status',
    );
  });
});
