import { describe, expect, it, vi } from 'vitest';
import type { KeyStatus } from '../../../common/domain/key-status';
import { DEFAULT_SETTINGS, type SettingsPatch } from '../../../common/settings/schema';
import type { FeedController } from '../../../main/app/feed-controller';
import { createIpcHandlers } from '../../../main/app/ipc-handlers';

const event = {} as Electron.IpcMainInvokeEvent;
const STORED_KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
const ELSEWHERE = 'wss://collector.example/ws/subscribe';

function setup({
  storedKey = STORED_KEY as string | null,
  answer = undefined as boolean | undefined,
  keychainProblem = undefined as string | undefined,
} = {}) {
  const update = vi.fn(async (_patch: SettingsPatch) => DEFAULT_SETTINGS);
  const confirmEndpointChange = vi.fn(async (_host: string) => answer === true);
  const handlers = createIpcHandlers({
    controller: {} as FeedController,
    settings: { get: () => DEFAULT_SETTINGS, update },
    vault: {
      status: (): KeyStatus =>
        ({ set: storedKey !== null, storage: 'none', keychainProblem }) as KeyStatus,
      readKey: () => storedKey,
      setKey: vi.fn(),
      clearKey: vi.fn(),
    },
    openExternal: vi.fn(),
    openLogsFolder: vi.fn(),
    ...(answer === undefined ? {} : { confirmEndpointChange }),
  });
  return { handlers, update, confirmEndpointChange };
}

describe('settings:update moving the stored key to another server', () => {
  it('asks first and applies the change when the user agrees', async () => {
    const { handlers, update, confirmEndpointChange } = setup({ answer: true });
    await handlers['settings:update']({ endpoint: ELSEWHERE, theme: 'dark' }, event);
    expect(confirmEndpointChange.mock.calls).toEqual([['collector.example']]);
    expect(update.mock.calls).toEqual([[{ endpoint: ELSEWHERE, theme: 'dark' }]]);
  });

  it('refuses the whole change, with a clear error, when the user declines', async () => {
    const { handlers, update } = setup({ answer: false });
    await expect(
      handlers['settings:update']({ endpoint: ELSEWHERE, theme: 'dark' }, event),
    ).rejects.toThrow(/endpoint not changed: .*collector\.example was not confirmed/);
    expect(update).not.toHaveBeenCalled();
  });

  it('refuses when nobody can be asked', async () => {
    const { handlers, update } = setup();
    await expect(handlers['settings:update']({ endpoint: ELSEWHERE }, event)).rejects.toThrow(
      /not confirmed/,
    );
    expect(update).not.toHaveBeenCalled();
  });

  it('asks too while the keychain is still locked: its key would go there once read', async () => {
    const { handlers, update, confirmEndpointChange } = setup({
      storedKey: null,
      answer: false,
      keychainProblem: 'The Secret Service keychain could not be used (locked).',
    });
    await expect(handlers['settings:update']({ endpoint: ELSEWHERE }, event)).rejects.toThrow(
      /not confirmed/,
    );
    expect(confirmEndpointChange.mock.calls).toEqual([['collector.example']]);
    expect(update).not.toHaveBeenCalled();
  });

  it('does not ask without a stored key, nor for changes that keep the server', async () => {
    const noKey = setup({ storedKey: null, answer: false });
    await noKey.handlers['settings:update']({ endpoint: ELSEWHERE }, event);
    expect(noKey.confirmEndpointChange).not.toHaveBeenCalled();
    expect(noKey.update).toHaveBeenCalledTimes(1);

    const sameServer = setup({ answer: false });
    await sameServer.handlers['settings:update'](
      { endpoint: DEFAULT_SETTINGS.endpoint.replace('/ws/subscribe', '/ws/v2'), theme: 'dark' },
      event,
    );
    await sameServer.handlers['settings:update']({ theme: 'light' }, event);
    expect(sameServer.confirmEndpointChange).not.toHaveBeenCalled();
    expect(sameServer.update).toHaveBeenCalledTimes(2);
  });
});
