import type { MmTrayApi, Unsubscribe } from '../common/ipc/bridge';
import type { PushChannel, RequestChannel } from '../common/ipc/channels';
import type { PushPayloadOf, RequestInputOf, ResponseOf } from '../common/ipc/contract';
import { type IpcResult, unwrapIpcResult } from '../common/ipc/ipc-result';
import type { Assignable, Expect } from '../common/ipc/type-checks';

type RendererListener = Parameters<Electron.IpcRenderer['on']>[1];

/**
 * The part of ipcRenderer the bridge uses, typed from Electron's own signatures. Not a
 * Pick: `on` and `removeListener` return `this`, which a Pick pins to the whole
 * IpcRenderer, so no fake could satisfy it.
 */
export interface BridgeIpc {
  invoke: Electron.IpcRenderer['invoke'];
  on(channel: string, listener: RendererListener): unknown;
  removeListener(channel: string, listener: RendererListener): unknown;
}
type _IpcRendererFits = Expect<Assignable<Electron.IpcRenderer, BridgeIpc>>;

/**
 * The page's whole view of main: one method per request channel and one subscription per
 * push channel. Channel names are fixed here; the page never sees ipcRenderer nor an
 * IpcRendererEvent, only the data.
 */
export function createBridge(ipc: BridgeIpc): MmTrayApi {
  async function request<C extends RequestChannel>(
    channel: C,
    ...args: RequestInputOf<C> extends undefined ? [] : [RequestInputOf<C>]
  ): Promise<ResponseOf<C>> {
    const result = (await ipc.invoke(channel, ...args)) as IpcResult<ResponseOf<C>>;
    return unwrapIpcResult(result);
  }

  function subscribe<C extends PushChannel>(
    channel: C,
    listener: (payload: PushPayloadOf<C>) => void,
  ): Unsubscribe {
    const relay = (_event: Electron.IpcRendererEvent, payload: PushPayloadOf<C>) =>
      listener(payload);
    ipc.on(channel, relay);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(channel, relay);
    };
  }

  return {
    app: {
      snapshot: () => request('app:snapshot'),
    },
    settings: {
      get: () => request('settings:get'),
      update: (patch) => request('settings:update', patch),
    },
    key: {
      status: () => request('key:status'),
      set: (key, options) =>
        request(
          'key:set',
          options?.sessionOnly === undefined ? { key } : { key, sessionOnly: options.sessionOnly },
        ),
      clear: () => request('key:clear'),
      test: (options) => request('key:test', definedFields(options)),
    },
    feed: {
      reconnect: () => request('feed:reconnect'),
    },
    notifications: {
      pause: (until) => request('notifications:pause', { until }),
    },
    demo: {
      set: (enabled) => request('demo:set', { enabled }),
    },
    shell: {
      openExternal: (url) => request('shell:open-external', { url }),
    },
    logs: {
      openFolder: () => request('logs:open-folder'),
    },
    trading: {
      status: () => request('trading:status'),
      act: (action, options) =>
        request(
          'trading:act',
          options?.confirmed === undefined ? { action } : { action, confirmed: options.confirmed },
        ),
      confirmationFacts: () => request('trading:confirmation-facts'),
    },
    onBatch: (listener) => subscribe('push:batch', listener),
    onNavigate: (listener) => subscribe('push:navigate', listener),
    onSettings: (listener) => subscribe('push:settings', listener),
    onKeyStatus: (listener) => subscribe('push:key-status', listener),
    onTrading: (listener) => subscribe('push:trading', listener),
  };
}

/** A copy with only the fields that have a value (undefined would survive the IPC copy). */
function definedFields<T extends object>(value: T | undefined): Partial<T> {
  const copy: Partial<T> = {};
  if (value === undefined) return copy;
  for (const [field, fieldValue] of Object.entries(value)) {
    if (fieldValue !== undefined) copy[field as keyof T] = fieldValue as T[keyof T];
  }
  return copy;
}
