import type { KeyStatus } from '../domain/key-status';
import type { NotificationTarget } from '../domain/notifications';
import type { Settings } from '../settings/schema';
import type { AppSnapshot } from './app-snapshot';
import type { KeyTestResult, RequestInputOf } from './contract';
import type { PushBatch } from './push-batch';
import type {
  ConfirmationFacts,
  TradingAction,
  TradingActionOutcome,
  TradingView,
} from './trading';

/** Removes the listener it was returned for; calling it again does nothing. */
export type Unsubscribe = () => void;

/**
 * What the preload exposes to the page as `window.mmTray`. Every method is one request
 * to main, which validates it; a refused or failed request rejects with an Error whose
 * message says why (never a stack, never a secret).
 */
export interface MmTrayApi {
  app: {
    /** Everything a window needs to draw itself; see AppSnapshot for how to join pushes. */
    snapshot(): Promise<AppSnapshot>;
  };
  settings: {
    get(): Promise<Settings>;
    /** Changes the given fields (notifications' fields one by one); returns the result. */
    update(patch: RequestInputOf<'settings:update'>): Promise<Settings>;
  };
  key: {
    status(): Promise<KeyStatus>;
    /** Stores a key (a UUID) in the OS keychain, or for this session only. */
    set(key: string, options?: { sessionOnly?: boolean }): Promise<KeyStatus>;
    clear(): Promise<KeyStatus>;
    /** Tries a key against an endpoint; the stored key and configured endpoint by default. */
    test(options?: { key?: string; endpoint?: string }): Promise<KeyTestResult>;
  };
  feed: {
    reconnect(): Promise<void>;
  };
  notifications: {
    /** Mutes all but emergencies until `until` (epoch ms); null resumes. */
    pause(until: number | null): Promise<void>;
  };
  demo: {
    set(enabled: boolean): Promise<void>;
  };
  shell: {
    /** Opens an https link in the user's browser (main refuses anything else). */
    openExternal(url: string): Promise<void>;
  };
  logs: {
    openFolder(): Promise<void>;
  };
  trading: {
    /** Reads the trading status now. */
    status(): Promise<TradingView>;
    /** Runs an action; stop and cancel-all need `confirmed` (ask the user first). */
    act(action: TradingAction, options?: { confirmed?: boolean }): Promise<TradingActionOutcome>;
    /** Open orders counted now, to word the question before a stop or cancel-all. */
    confirmationFacts(): Promise<ConfirmationFacts>;
  };
  /** Engine output, at most one batch per display frame. */
  onBatch(listener: (batch: PushBatch) => void): Unsubscribe;
  /** Show an item: a notification or a tray item was clicked. */
  onNavigate(listener: (target: NotificationTarget) => void): Unsubscribe;
  onSettings(listener: (settings: Settings) => void): Unsubscribe;
  onKeyStatus(listener: (status: KeyStatus) => void): Unsubscribe;
  onTrading(listener: (view: TradingView) => void): Unsubscribe;
}
