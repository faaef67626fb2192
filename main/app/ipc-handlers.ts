import type { KeyStatus } from '../../common/domain/key-status';
import { CONFIRMED_ACTIONS } from '../../common/ipc/trading';
import type { Settings, SettingsPatch } from '../../common/settings/schema';
import type { IpcHandlers } from '../ipc/ipc-router';
import { keychainReadPending } from '../secrets/keychain-retry';
import { endpointNeedingConsent } from '../settings/endpoint-change';
import { buildAppSnapshot } from './app-snapshot';
import type { FeedController } from './feed-controller';
import { testKey } from './key-tester';

export interface IpcHandlerDeps {
  controller: FeedController;
  settings: { get(): Settings; update(patch: SettingsPatch): Promise<Settings> };
  vault: {
    status(): KeyStatus;
    readKey(): string | null;
    setKey(key: string, options?: { sessionOnly?: boolean }): Promise<KeyStatus>;
    clearKey(): Promise<KeyStatus>;
  };
  openExternal: (url: string) => Promise<void>;
  openLogsFolder: () => Promise<void>;
  /**
   * Asks the user (a native dialog, not the page) whether the stored key may go to this
   * host; true goes ahead. Without it, such a change is refused.
   */
  confirmEndpointChange?: (host: string) => Promise<boolean>;
  /** Reads a keychain that failed at launch again (Reconnect now does it too). */
  retryKeychain?: () => void;
  now?: () => number;
}

/** What each request from the dashboard does; requests arrive already validated. */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const now = deps.now ?? (() => Date.now());
  return {
    'app:snapshot': () =>
      buildAppSnapshot(deps.controller, deps.settings.get(), deps.vault.status(), now()),
    'settings:get': () => deps.settings.get(),
    'settings:update': async (patch) => {
      // The feed reconnects with the stored key as soon as the endpoint changes: a page
      // must not be able to send it to a server of its choice without the user's say.
      const destination = endpointNeedingConsent(
        deps.settings.get().endpoint,
        patch,
        // A key the keychain will give up once unlocked counts too: the retry would
        // otherwise take it to the new server with nobody asked.
        deps.vault.readKey() !== null || keychainReadPending(deps.vault.status()),
      );
      if (destination && !(await deps.confirmEndpointChange?.(destination.host))) {
        throw new Error(
          `endpoint not changed: sending the saved API key to ${destination.host} was not confirmed`,
        );
      }
      return deps.settings.update(patch);
    },
    'key:status': () => deps.vault.status(),
    'key:set': ({ key, sessionOnly }) =>
      deps.vault.setKey(key, { sessionOnly: sessionOnly === true }),
    'key:clear': () => deps.vault.clearKey(),
    'key:test': async ({ key, endpoint }) => {
      const savedEndpoint = deps.settings.get().endpoint;
      const url = endpoint ?? savedEndpoint;
      // The stored key goes only where the settings already send it: a page that could
      // name any endpoint could otherwise have the key delivered to a server of its choice.
      if (key === undefined && !sameEndpoint(url, savedEndpoint)) {
        return {
          ok: false,
          message:
            'to test another endpoint, enter the key: the saved one goes only to the saved endpoint',
        };
      }
      const apiKey = key ?? deps.vault.readKey();
      if (apiKey === null) return { ok: false, message: 'no API key to test: enter one first' };
      return testKey({ url, apiKey });
    },
    'feed:reconnect': () => {
      deps.retryKeychain?.();
      deps.controller.reconnectNow();
    },
    'notifications:pause': async ({ until }) => {
      await deps.settings.update({ notifications: { quietUntil: until } });
    },
    'demo:set': async ({ enabled }) => {
      await deps.settings.update({ demoMode: enabled });
    },
    'shell:open-external': ({ url }) => deps.openExternal(url),
    'logs:open-folder': () => deps.openLogsFolder(),
    'trading:status': async () => {
      await deps.controller.refreshTrading();
      return deps.controller.tradingView();
    },
    'trading:act': async ({ action, confirmed }) => {
      if (CONFIRMED_ACTIONS.includes(action) && confirmed !== true) {
        return { action, ok: false, message: 'not done: this cancels orders and needs confirming' };
      }
      return deps.controller.tradingAction(action);
    },
    'trading:confirmation-facts': () => deps.controller.confirmationFacts(),
  };
}

/** Two spellings of one endpoint (host case, default port) are the same. */
function sameEndpoint(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}
