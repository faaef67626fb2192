import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MmTrayApi } from '../../../common/ipc/bridge';
import { snapshot } from './builders';
import { renderDashboard } from './render-dashboard';

const KEY = '0f8fad5b-d9cb-469f-a165-70867728950e';
const bridge = () => (window as unknown as { mmTray: MmTrayApi }).mmTray;

describe('the API key', () => {
  it('is refused unless it is a UUID, and never goes to main then', async () => {
    const { user, calls } = await renderDashboard({ snapshot: snapshot() });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const input = screen.getByLabelText('New API key') as HTMLInputElement;
    expect(input.type).toBe('password');
    await user.type(input, 'abc');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(screen.getByText(/That is not an API key/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(calls('key.set')).toEqual([]);
  });

  it('is saved, cleared from the field, and shown back only masked', async () => {
    const { user, calls, container } = await renderDashboard({ snapshot: snapshot() });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.type(screen.getByLabelText('New API key'), KEY);
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(await screen.findByText('Key saved in the system keychain.')).toBeTruthy();
    expect(calls('key.set')).toEqual([[KEY, null]]);
    expect((screen.getByLabelText('New API key') as HTMLInputElement).value).toBe('');
    expect(await screen.findByText(/••••-950e/)).toBeTruthy();
    expect(container.innerHTML).not.toContain(KEY);
  });

  it('offers this session only when the keychain cannot be used', async () => {
    const { user, calls } = await renderDashboard({
      snapshot: snapshot({
        keyStatus: {
          set: true,
          masked: '••••-a427',
          storage: 'session',
          keychainProblem: 'no keyring',
        },
      }),
      keychainBroken: true,
    });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.getByText('The system keychain cannot be used: no keyring')).toBeTruthy();
    await user.type(screen.getByLabelText('New API key'), KEY);
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(await screen.findByText('Key saved for this session only.')).toBeTruthy();
    expect(calls('key.set')).toEqual([[KEY, { sessionOnly: true }]]);
  });

  it('is tested against the service on request', async () => {
    const { user } = await renderDashboard({
      snapshot: snapshot(),
      keyTest: { ok: true, message: 'subscribed to 5 channels' },
    });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connection works: subscribed to 5 channels')).toBeTruthy();
  });
});

describe('a change main declines', () => {
  it('is said in the dashboard’s language, and the endpoint field shows the stored one again', async () => {
    const value = snapshot();
    value.settings = { ...value.settings, language: 'zh-CN' };
    const stored = value.settings.endpoint;
    const { user } = await renderDashboard({ snapshot: value });
    vi.spyOn(bridge().settings, 'update').mockRejectedValueOnce(
      new Error(
        'settings:update failed: endpoint not changed: sending the saved API key to evil.example was not confirmed',
      ),
    );
    await user.click(screen.getByRole('button', { name: '设置' }));
    const endpoint = screen.getByLabelText('服务地址') as HTMLInputElement;
    await user.clear(endpoint);
    await user.type(endpoint, 'wss://evil.example/ws');
    await user.click(endpoint.closest('form')!.querySelector('button[type=submit]')!);
    expect(
      await screen.findByText('未保存：端点未更改：未确认将已保存的 API 密钥发送到 evil.example'),
    ).toHaveProperty('role', 'status');
    expect(document.body.textContent).not.toContain('settings:update failed');
    await waitFor(() => expect(endpoint.value).toBe(stored));
  });

  it('puts the stored hedge grace back in its field', async () => {
    const value = snapshot();
    const stored = String(value.settings.hedgeGraceSeconds);
    const { user } = await renderDashboard({ snapshot: value });
    vi.spyOn(bridge().settings, 'update').mockRejectedValueOnce(
      new Error('settings:update failed: the settings file could not be written'),
    );
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const grace = screen.getByLabelText('Hedge grace (seconds)') as HTMLInputElement;
    await user.clear(grace);
    await user.type(grace, '45');
    await user.click(grace.closest('form')!.querySelector('button[type=submit]')!);
    expect(
      await screen.findByText('Not saved: the settings file could not be written'),
    ).toBeTruthy();
    await waitFor(() => expect(grace.value).toBe(stored));
  });
});

describe('appearance', () => {
  it('switches theme and language at once', async () => {
    const { user } = await renderDashboard({ snapshot: snapshot() });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.selectOptions(screen.getByLabelText('Theme'), 'dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    await user.selectOptions(screen.getByLabelText('Language'), 'zh-CN');
    expect(await screen.findByRole('navigation', { name: '视图' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});

describe('first run without a key', () => {
  it('offers to paste a key or try the demo', async () => {
    const { user, calls } = await renderDashboard({
      snapshot: snapshot({ keyStatus: { set: false, storage: 'none' } }),
    });
    expect(screen.getByRole('heading', { name: 'Welcome to MM Tray' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try the demo' }));
    expect(await screen.findByText('DEMO')).toBeTruthy();
    expect(calls('demo.set')).toEqual([[true]]);
  });

  it('leads to the dashboard once a key is saved', async () => {
    const { user } = await renderDashboard({
      snapshot: snapshot({ keyStatus: { set: false, storage: 'none' } }),
    });
    await user.type(screen.getByLabelText('New API key'), KEY);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('navigation', { name: 'Views' })).toBeTruthy();
  });
});

describe('the settings target', () => {
  it("opens Settings with the key field focused (the tray's Settings…, a refused key)", async () => {
    const { control } = await renderDashboard({ snapshot: snapshot() });
    expect(screen.getByRole('button', { name: 'Overview' }).getAttribute('aria-current')).toBe(
      'page',
    );
    act(() => control.navigate({ view: 'settings' }));
    expect(screen.getByRole('button', { name: 'Settings' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(document.activeElement).toBe(screen.getByLabelText('New API key'));
  });
});
