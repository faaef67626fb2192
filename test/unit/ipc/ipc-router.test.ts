import { describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS, type RequestChannel } from '../../../common/ipc/channels';
import type { IpcResult } from '../../../common/ipc/ipc-result';
import { EMPTY_TRADING_VIEW } from '../../../common/ipc/trading';
import { DEFAULT_SETTINGS } from '../../../common/settings/schema';
import { type IpcFailure, type IpcHandlers, registerIpcRouter } from '../../../main/ipc/ipc-router';

const APP_PAGE = 'file:///app/out/renderer/index.html';
const KEY = '123e4567-e89b-12d3-a456-426614174000';

type InvokeListener = Parameters<Electron.IpcMain['handle']>[1];

function fakeIpcMain() {
  const handlers = new Map<string, InvokeListener>();
  const ipcMain = {
    handle(channel: string, listener: InvokeListener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  } satisfies Pick<Electron.IpcMain, 'handle' | 'removeHandler'>;
  return { ipcMain, handlers };
}

type FakeFrame = Pick<Electron.WebFrameMain, 'url' | 'parent'>;

/** An invoke event from a frame at `url`; only senderFrame is read by the router. */
function invokeEvent(frame: FakeFrame | null): Electron.IpcMainInvokeEvent {
  return { senderFrame: frame } as unknown as Electron.IpcMainInvokeEvent;
}

const topFrame = (url: string): FakeFrame => ({ url, parent: null });

function handlersWith(overrides: Partial<IpcHandlers> = {}) {
  const calls: { channel: RequestChannel; request: unknown }[] = [];
  const record =
    <T>(channel: RequestChannel, value: T) =>
    (request: unknown) => {
      calls.push({ channel, request });
      return value;
    };
  const keyStatus = { set: true, masked: '••••-4000', storage: 'keychain' as const };
  const handlers: IpcHandlers = {
    'app:snapshot': () => {
      throw new Error('not in these tests');
    },
    'settings:get': record('settings:get', DEFAULT_SETTINGS),
    'settings:update': record('settings:update', DEFAULT_SETTINGS),
    'key:status': record('key:status', keyStatus),
    'key:set': record('key:set', keyStatus),
    'key:clear': record('key:clear', { set: false, storage: 'none' as const }),
    'key:test': record('key:test', { ok: true, message: 'live' }),
    'feed:reconnect': record('feed:reconnect', undefined),
    'notifications:pause': record('notifications:pause', undefined),
    'demo:set': record('demo:set', undefined),
    'shell:open-external': record('shell:open-external', undefined),
    'logs:open-folder': record('logs:open-folder', undefined),
    'trading:status': record('trading:status', EMPTY_TRADING_VIEW),
    'trading:act': record('trading:act', { action: 'pause' as const, ok: true, message: 'done' }),
    'trading:confirmation-facts': record('trading:confirmation-facts', {
      openOrders: 3,
      exact: true,
      statusKnown: true,
    }),
    ...overrides,
  };
  return { handlers, calls };
}

function setUp(overrides: Partial<IpcHandlers> = {}) {
  const { ipcMain, handlers: registered } = fakeIpcMain();
  const { handlers, calls } = handlersWith(overrides);
  const failures: IpcFailure[] = [];
  const unregister = registerIpcRouter({
    ipcMain,
    handlers,
    isTrustedSender: (url) => url === APP_PAGE,
    onFailure: (failure) => failures.push(failure),
  });
  const invoke = async (
    channel: RequestChannel,
    args: unknown[],
    frame: FakeFrame | null = topFrame(APP_PAGE),
  ): Promise<IpcResult<unknown>> => {
    const listener = registered.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return (await listener(invokeEvent(frame), ...args)) as IpcResult<unknown>;
  };
  return { invoke, calls, failures, registered, unregister };
}

describe('registerIpcRouter', () => {
  it('handles every request channel, and unregisters them all', () => {
    const { registered, unregister } = setUp();
    expect([...registered.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    unregister();
    expect(registered.size).toBe(0);
  });

  it('answers a valid request with the handler’s value, given the parsed request', async () => {
    const { invoke, calls } = setUp();
    expect(await invoke('key:set', [{ key: ` ${KEY} ` }])).toEqual({
      ok: true,
      value: { set: true, masked: '••••-4000', storage: 'keychain' },
    });
    expect(await invoke('settings:update', [{ theme: 'dark' }])).toMatchObject({ ok: true });
    expect(await invoke('feed:reconnect', [])).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual([
      { channel: 'key:set', request: { key: KEY } },
      { channel: 'settings:update', request: { theme: 'dark' } },
      { channel: 'feed:reconnect', request: undefined },
    ]);
  });

  it('passes the invoke event on to the handler', async () => {
    const handler = vi.fn(() => undefined);
    const { invoke } = setUp({ 'logs:open-folder': handler });
    await invoke('logs:open-folder', []);
    expect(handler).toHaveBeenCalledWith(
      undefined,
      expect.objectContaining({ senderFrame: topFrame(APP_PAGE) }),
    );
  });

  describe('refuses, before any handler runs, a request', () => {
    it.each([
      ['from another page', topFrame('https://evil.example/')],
      ['from a frame that is gone', null],
      ['from a subframe of the app’s page', { url: APP_PAGE, parent: {} as Electron.WebFrameMain }],
    ])('%s', async (_, frame) => {
      const { invoke, calls, failures } = setUp();
      const result = await invoke('key:set', [{ key: KEY }], frame);
      expect(result).toEqual({
        ok: false,
        code: 'untrusted-sender',
        message: "key:set refused: not sent by the app's own page",
      });
      expect(calls).toEqual([]);
      expect(failures).toEqual([
        { channel: 'key:set', code: 'untrusted-sender', message: result.ok ? '' : result.message },
      ]);
    });

    it('whose sender cannot even be read', async () => {
      const { ipcMain, handlers: registered } = fakeIpcMain();
      const { handlers, calls } = handlersWith();
      registerIpcRouter({ ipcMain, handlers, isTrustedSender: () => true });
      const event = {
        get senderFrame(): Electron.WebFrameMain {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      } as unknown as Electron.IpcMainInvokeEvent;
      const result = (await registered.get('demo:set')!(event, {
        enabled: true,
      })) as IpcResult<void>;
      expect(result).toMatchObject({ ok: false, code: 'untrusted-sender' });
      expect(calls).toEqual([]);
    });

    it('that fails the channel’s schema, saying which field and why', async () => {
      const { invoke, calls } = setUp();
      expect(await invoke('key:set', [{ key: 'not-a-key' }])).toEqual({
        ok: false,
        code: 'invalid-request',
        message:
          'key:set: invalid request: key: not an API key: expected a UUID (8-4-4-4-12 hex digits)',
      });
      expect(await invoke('settings:update', [{ theme: 'pink', extra: 1 }])).toEqual({
        ok: false,
        code: 'invalid-request',
        message:
          'settings:update: invalid request: theme: Invalid option: expected one of "system"|"light"|"dark"; Unrecognized key: "extra"',
      });
      expect(await invoke('notifications:pause', [])).toMatchObject({
        ok: false,
        code: 'invalid-request',
      });
      expect(await invoke('trading:confirmation-facts', [{ openOrders: 0 }])).toMatchObject({
        ok: false,
        code: 'invalid-request',
      });
      expect(calls).toEqual([]);
    });

    it('with more than one argument', async () => {
      const { invoke, calls } = setUp();
      expect(await invoke('demo:set', [{ enabled: true }, 'more'])).toEqual({
        ok: false,
        code: 'invalid-request',
        message: 'demo:set: invalid request: more than one argument',
      });
      expect(calls).toEqual([]);
    });
  });

  describe('when a handler fails', () => {
    it('answers with its message on one line, secrets redacted, no stack', async () => {
      const failure = new Error(
        `keychain refused key ${KEY}\n    at Object.<anonymous> (/app/main.js:1:1)`,
      );
      const { invoke, failures } = setUp({
        'key:set': () => {
          throw failure;
        },
      });
      const result = await invoke('key:set', [{ key: KEY }]);
      expect(result).toEqual({
        ok: false,
        code: 'failed',
        message:
          'key:set failed: keychain refused key [redacted] at Object.<anonymous> (/app/main.js:1:1)',
      });
      expect(JSON.stringify(result)).not.toContain(KEY);
      expect(failures).toEqual([
        {
          channel: 'key:set',
          code: 'failed',
          message: result.ok ? '' : result.message,
          error: failure,
        },
      ]);
    });

    it('handles rejected promises and things thrown that are not errors', async () => {
      const { invoke } = setUp({
        'key:test': async () => {
          throw new Error('apiKey=abc123 was refused');
        },
        'logs:open-folder': () => {
          throw { weird: true };
        },
      });
      expect(await invoke('key:test', [{}])).toEqual({
        ok: false,
        code: 'failed',
        message: 'key:test failed: apiKey=[redacted] was refused',
      });
      expect(await invoke('logs:open-folder', [])).toEqual({
        ok: false,
        code: 'failed',
        message: 'logs:open-folder failed: unexpected error',
      });
    });

    it('keeps long messages short', async () => {
      const { invoke } = setUp({
        'feed:reconnect': () => {
          throw new Error('x'.repeat(10_000));
        },
      });
      const result = await invoke('feed:reconnect', []);
      expect(result.ok ? '' : result.message).toHaveLength(300);
    });
  });

  it('answers the same when the failure logger itself throws', async () => {
    const { ipcMain, handlers: registered } = fakeIpcMain();
    registerIpcRouter({
      ipcMain,
      handlers: handlersWith().handlers,
      isTrustedSender: () => false,
      onFailure: () => {
        throw new Error('log disk full');
      },
    });
    const result = await registered.get('feed:reconnect')!(invokeEvent(topFrame(APP_PAGE)));
    expect(result).toMatchObject({ ok: false, code: 'untrusted-sender' });
  });

  it('cannot be given handlers for only some channels (type check)', () => {
    const { 'logs:open-folder': _, ...incomplete } = handlersWith().handlers;
    // @ts-expect-error: every request channel needs a handler
    const handlers: IpcHandlers = incomplete;
    expect(handlers).not.toHaveProperty('logs:open-folder');
  });
});
