import type { KeyStatus } from '../../../common/domain/key-status';
import type { NotificationTarget } from '../../../common/domain/notifications';
import type { AppSnapshot } from '../../../common/ipc/app-snapshot';
import type { MmTrayApi } from '../../../common/ipc/bridge';
import type { KeyTestResult } from '../../../common/ipc/contract';
import type { PushBatch } from '../../../common/ipc/push-batch';
import type {
  ConfirmationFacts,
  TradingActionOutcome,
  TradingView,
} from '../../../common/ipc/trading';
import type { Settings } from '../../../common/settings/schema';

export interface FakeBridgeSetup {
  snapshot: AppSnapshot;
  /** What key.test answers. */
  keyTest?: KeyTestResult;
  /** key.set without sessionOnly fails, as when the OS keychain cannot be used. */
  keychainBroken?: boolean;
  /** How long each request takes, in ms (IPC is not instant). */
  latencyMs?: number;
  /** What trading.act answers; by default every action succeeds with "<action>: done". */
  tradingOutcome?: Omit<TradingActionOutcome, 'action'>;
  /** trading.status fails with this message, as when the main process cannot be reached. */
  tradingStatusError?: string;
  /**
   * What trading.confirmationFacts answers (main's fresh count). By default the trading
   * view's open orders, as counted by the server.
   */
  confirmationFacts?: ConfirmationFacts;
  /** trading.confirmationFacts fails with this message (main not answering). */
  confirmationFactsError?: string;
}

export interface BridgeCall {
  method: string;
  args: unknown[];
}

/** What a test drives the fake with, from the page (window.__fakeBridge). */
export interface FakeBridgeControl {
  push(batch: PushBatch): void;
  /** A batch as JSON text, parsed on arrival as IPC deserialises it. */
  pushJson(json: string): void;
  navigate(target: NotificationTarget): void;
  setKeyStatus(status: KeyStatus): void;
  /** Replaces what the next app.snapshot() returns. */
  setSnapshot(snapshot: AppSnapshot): void;
  /** Pushes a trading view ('push:trading'). */
  pushTrading(view: TradingView): void;
  calls: BridgeCall[];
  listenerCounts(): Record<'batch' | 'navigate' | 'settings' | 'keyStatus' | 'trading', number>;
}

/**
 * Installs `window.mmTray` in the page: the same shape as the preload's MmTrayApi, answering
 * from the given snapshot and remembering every call. Runs in the page (via
 * page.addInitScript), so it may use nothing from outside its own body.
 */
export function installFakeBridge(setup: FakeBridgeSetup): void {
  const clone = <T>(value: T): T =>
    value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
  let snapshot = clone(setup.snapshot);
  let settings: Settings = clone(snapshot.settings);
  let keyStatus: KeyStatus = clone(snapshot.keyStatus);
  const latency = setup.latencyMs ?? 5;
  const calls: BridgeCall[] = [];
  const listeners = {
    batch: new Set<(batch: PushBatch) => void>(),
    navigate: new Set<(target: NotificationTarget) => void>(),
    settings: new Set<(settings: Settings) => void>(),
    keyStatus: new Set<(status: KeyStatus) => void>(),
    trading: new Set<(view: TradingView) => void>(),
  };
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  const answer = <T>(method: string, args: unknown[], run: () => T): Promise<T> => {
    calls.push({ method, args: clone(args) });
    return new Promise<T>((resolve, reject) => {
      setTimeout(() => {
        try {
          resolve(clone(run()));
        } catch (error) {
          reject(error);
        }
      }, latency);
    });
  };
  const subscribe = <T>(set: Set<(value: T) => void>, listener: (value: T) => void) => {
    set.add(listener);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      set.delete(listener);
    };
  };
  const emitSettings = () => {
    for (const listener of listeners.settings) listener(clone(settings));
  };
  const emitKeyStatus = () => {
    for (const listener of listeners.keyStatus) listener(clone(keyStatus));
  };

  const api: MmTrayApi = {
    app: {
      snapshot: () =>
        answer('app.snapshot', [], () => ({
          ...snapshot,
          settings,
          keyStatus,
          takenAt: Date.now(),
        })),
    },
    settings: {
      get: () => answer('settings.get', [], () => settings),
      update: (patch) =>
        answer('settings.update', [patch], () => {
          const { notifications, ...rest } = patch;
          settings = {
            ...settings,
            ...(rest as Partial<Settings>),
            notifications: { ...settings.notifications, ...notifications },
          };
          setTimeout(emitSettings, 0);
          return settings;
        }),
    },
    key: {
      status: () => answer('key.status', [], () => keyStatus),
      set: (key, options) =>
        answer('key.set', [key, options], () => {
          if (!uuid.test(key.trim())) {
            throw new Error('not an API key: expected a UUID (8-4-4-4-12 hex digits)');
          }
          const sessionOnly = options?.sessionOnly === true;
          if (setup.keychainBroken && !sessionOnly) {
            throw new Error('the system keychain cannot be used');
          }
          keyStatus = {
            set: true,
            masked: `••••-${key.trim().slice(-4)}`,
            storage: sessionOnly ? 'session' : 'keychain',
            ...(keyStatus.keychainProblem ? { keychainProblem: keyStatus.keychainProblem } : {}),
          };
          setTimeout(emitKeyStatus, 0);
          return keyStatus;
        }),
      clear: () =>
        answer('key.clear', [], () => {
          keyStatus = { set: false, storage: 'none' };
          setTimeout(emitKeyStatus, 0);
          return keyStatus;
        }),
      test: (options) =>
        answer('key.test', [options], () => setup.keyTest ?? { ok: true, message: 'subscribed' }),
    },
    feed: {
      reconnect: () => answer('feed.reconnect', [], () => undefined),
    },
    notifications: {
      pause: (until) =>
        answer('notifications.pause', [until], () => {
          settings = {
            ...settings,
            notifications: { ...settings.notifications, quietUntil: until },
          };
          setTimeout(emitSettings, 0);
          return undefined;
        }),
    },
    demo: {
      set: (enabled) =>
        answer('demo.set', [enabled], () => {
          settings = { ...settings, demoMode: enabled };
          snapshot = { ...snapshot, demo: enabled };
          setTimeout(emitSettings, 0);
          return undefined;
        }),
    },
    shell: {
      openExternal: (url) => answer('shell.openExternal', [url], () => undefined),
    },
    logs: {
      openFolder: () => answer('logs.openFolder', [], () => undefined),
    },
    trading: {
      status: () =>
        answer('trading.status', [], () => {
          if (setup.tradingStatusError) throw new Error(setup.tradingStatusError);
          return snapshot.trading;
        }),
      act: (action, options) =>
        answer('trading.act', [action, options], () => ({
          action,
          ...(setup.tradingOutcome ?? { ok: true, message: `${action}: done` }),
        })),
      confirmationFacts: () =>
        answer('trading.confirmationFacts', [], () => {
          if (setup.confirmationFactsError) throw new Error(setup.confirmationFactsError);
          return (
            setup.confirmationFacts ?? {
              openOrders: snapshot.trading.openOrders,
              exact: snapshot.trading.openOrders !== null,
              statusKnown: snapshot.trading.status !== null,
            }
          );
        }),
    },
    onBatch: (listener) => subscribe(listeners.batch, listener),
    onNavigate: (listener) => subscribe(listeners.navigate, listener),
    onSettings: (listener) => subscribe(listeners.settings, listener),
    onKeyStatus: (listener) => subscribe(listeners.keyStatus, listener),
    onTrading: (listener) => subscribe(listeners.trading, listener),
  };

  const control: FakeBridgeControl = {
    push(batch) {
      for (const listener of listeners.batch) listener(clone(batch));
    },
    pushJson(json) {
      for (const listener of listeners.batch) listener(JSON.parse(json) as PushBatch);
    },
    navigate(target) {
      for (const listener of listeners.navigate) listener(clone(target));
    },
    setKeyStatus(status) {
      keyStatus = clone(status);
      emitKeyStatus();
    },
    setSnapshot(next) {
      snapshot = clone(next);
      settings = clone(next.settings);
      keyStatus = clone(next.keyStatus);
    },
    pushTrading(view) {
      snapshot = { ...snapshot, trading: clone(view) };
      for (const listener of listeners.trading) listener(clone(view));
    },
    calls,
    listenerCounts: () => ({
      batch: listeners.batch.size,
      navigate: listeners.navigate.size,
      settings: listeners.settings.size,
      keyStatus: listeners.keyStatus.size,
      trading: listeners.trading.size,
    }),
  };

  const target = window as unknown as { mmTray: MmTrayApi; __fakeBridge: FakeBridgeControl };
  target.mmTray = api;
  target.__fakeBridge = control;
}
