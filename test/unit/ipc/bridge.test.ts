import { describe, expect, it } from 'vitest';
import type { MmTrayApi } from '../../../common/ipc/bridge';
import { PUSH_CHANNELS, REQUEST_CHANNELS } from '../../../common/ipc/channels';
import type { IpcResult } from '../../../common/ipc/ipc-result';
import type { PushBatch } from '../../../common/ipc/push-batch';
import { type BridgeIpc, createBridge } from '../../../preload/bridge';

const KEY = '123e4567-e89b-12d3-a456-426614174000';

type RendererListener = Parameters<Electron.IpcRenderer['on']>[1];

/** ipcRenderer as the preload sees it: invoke answers with `reply`; pushes are dispatched by hand. */
function fakeIpcRenderer(reply: (channel: string) => unknown = () => ({ ok: true, value: 'v' })) {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<RendererListener>>();
  const ipc = {
    invoke(channel: string, ...args: unknown[]) {
      invoked.push({ channel, args });
      return Promise.resolve(reply(channel));
    },
    on(channel: string, listener: RendererListener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return this;
    },
    removeListener(channel: string, listener: RendererListener) {
      listeners.get(channel)?.delete(listener);
      return this;
    },
  } satisfies BridgeIpc;
  const event = { sender: ipc, senderId: 0, ports: [] } as unknown as Electron.IpcRendererEvent;
  const dispatch = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(event, payload);
  };
  const listenerCount = (channel: string) => listeners.get(channel)?.size ?? 0;
  return { ipc, invoked, dispatch, listenerCount };
}

async function callEverything(api: MmTrayApi): Promise<void> {
  await api.app.snapshot();
  await api.settings.get();
  await api.settings.update({ theme: 'dark', notifications: { quietUntil: null } });
  await api.key.status();
  await api.key.set(KEY);
  await api.key.set(KEY, { sessionOnly: true });
  await api.key.clear();
  await api.key.test();
  await api.key.test({ key: KEY, endpoint: undefined });
  await api.feed.reconnect();
  await api.notifications.pause(1_760_000_000_000);
  await api.notifications.pause(null);
  await api.demo.set(true);
  await api.shell.openExternal('https://example.com/docs');
  await api.logs.openFolder();
  await api.trading.status();
  await api.trading.act('pause');
  await api.trading.act('stop', { confirmed: true });
  await api.trading.confirmationFacts();
}

describe('createBridge', () => {
  it('sends each method as one request on its own channel', async () => {
    const { ipc, invoked } = fakeIpcRenderer();
    await callEverything(createBridge(ipc));
    expect(invoked).toEqual([
      { channel: 'app:snapshot', args: [] },
      { channel: 'settings:get', args: [] },
      {
        channel: 'settings:update',
        args: [{ theme: 'dark', notifications: { quietUntil: null } }],
      },
      { channel: 'key:status', args: [] },
      { channel: 'key:set', args: [{ key: KEY }] },
      { channel: 'key:set', args: [{ key: KEY, sessionOnly: true }] },
      { channel: 'key:clear', args: [] },
      { channel: 'key:test', args: [{}] },
      { channel: 'key:test', args: [{ key: KEY }] },
      { channel: 'feed:reconnect', args: [] },
      { channel: 'notifications:pause', args: [{ until: 1_760_000_000_000 }] },
      { channel: 'notifications:pause', args: [{ until: null }] },
      { channel: 'demo:set', args: [{ enabled: true }] },
      { channel: 'shell:open-external', args: [{ url: 'https://example.com/docs' }] },
      { channel: 'logs:open-folder', args: [] },
      { channel: 'trading:status', args: [] },
      { channel: 'trading:act', args: [{ action: 'pause' }] },
      { channel: 'trading:act', args: [{ action: 'stop', confirmed: true }] },
      { channel: 'trading:confirmation-facts', args: [] },
    ]);
    expect(new Set(invoked.map((i) => i.channel))).toEqual(new Set(REQUEST_CHANNELS));
  });

  it('resolves with the value main answered', async () => {
    const { ipc } = fakeIpcRenderer(() => ({ ok: true, value: { set: false, storage: 'none' } }));
    await expect(createBridge(ipc).key.status()).resolves.toEqual({ set: false, storage: 'none' });
  });

  it('rejects with main’s message when a request is refused or fails', async () => {
    const refusal: IpcResult<never> = {
      ok: false,
      code: 'invalid-request',
      message: 'key:set: invalid request: key: not an API key',
    };
    const { ipc } = fakeIpcRenderer(() => refusal);
    const error = await createBridge(ipc)
      .key.set('nope')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('key:set: invalid request: key: not an API key');
  });

  it('rejects clearly when main answers something unexpected', async () => {
    const { ipc } = fakeIpcRenderer(() => undefined);
    await expect(createBridge(ipc).feed.reconnect()).rejects.toThrow(
      'unexpected reply from the main process',
    );
  });

  it('hands listeners the pushed data only, never the IPC event', () => {
    const { ipc, dispatch } = fakeIpcRenderer();
    const api = createBridge(ipc);
    const received: unknown[][] = [];
    api.onBatch((...args) => received.push(args));
    api.onNavigate((...args) => received.push(args));
    api.onSettings((...args) => received.push(args));
    api.onKeyStatus((...args) => received.push(args));
    const batch: PushBatch = { events: [], notifications: [], errors: [], gaps: [], dropped: 3 };
    dispatch('push:batch', batch);
    dispatch('push:navigate', { view: 'order', orderId: '7' });
    dispatch('push:settings', { theme: 'dark' });
    dispatch('push:key-status', { set: false, storage: 'none' });
    dispatch('push:unknown', 'ignored');
    expect(received).toEqual([
      [batch],
      [{ view: 'order', orderId: '7' }],
      [{ theme: 'dark' }],
      [{ set: false, storage: 'none' }],
    ]);
  });

  it('listens on the push channels only, and each unsubscribe removes just its listener', () => {
    const { ipc, dispatch, listenerCount } = fakeIpcRenderer();
    const api = createBridge(ipc);
    const first: unknown[] = [];
    const second: unknown[] = [];
    const unsubscribeFirst = api.onBatch((batch) => first.push(batch));
    const unsubscribers = [
      api.onBatch((batch) => second.push(batch)),
      api.onNavigate(() => {}),
      api.onSettings(() => {}),
      api.onKeyStatus(() => {}),
      api.onTrading(() => {}),
    ];
    expect(PUSH_CHANNELS.map(listenerCount)).toEqual([2, 1, 1, 1, 1]);

    unsubscribeFirst();
    unsubscribeFirst();
    dispatch('push:batch', 'b1');
    expect(first).toEqual([]);
    expect(second).toEqual(['b1']);

    for (const unsubscribe of unsubscribers) unsubscribe();
    expect(PUSH_CHANNELS.map(listenerCount)).toEqual([0, 0, 0, 0, 0]);
  });

  it('exposes features, not ipcRenderer', () => {
    const { ipc } = fakeIpcRenderer();
    const api = createBridge(ipc);
    expect(Object.keys(api).sort()).toEqual(
      [
        'app',
        'demo',
        'feed',
        'key',
        'logs',
        'notifications',
        'onBatch',
        'onKeyStatus',
        'onNavigate',
        'onSettings',
        'onTrading',
        'settings',
        'shell',
        'trading',
      ].sort(),
    );
    const reachable = JSON.stringify(api, (_key, value) =>
      typeof value === 'function' ? `fn:${value.name}` : value,
    );
    expect(reachable).not.toMatch(/invoke|removeListener|send|ipc/i);
    expect(Object.values(api)).not.toContain(ipc);
  });
});
