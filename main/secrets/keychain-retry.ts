import type { KeyStatus } from '../../common/domain/key-status';

/** The part of the vault the retry uses. */
export interface RetriableVault {
  status(): KeyStatus;
  /** Reads the key from the keychain again; never rejects (see ApiKeyVault.load). */
  load(): Promise<KeyStatus>;
}

/** 5 s, 30 s, 2 min, then every 5 min: a keychain unlocked after login is read within seconds. */
export const KEYCHAIN_RETRY_DELAYS_MS: readonly number[] = [5_000, 30_000, 120_000, 300_000];

/**
 * The key could not be read from the keychain and nothing stands in for it: no key is
 * set and the user did not choose a session-only one. Reading the keychain again may
 * bring the key (a keychain locked at login, a Secret Service that starts late).
 */
export function keychainReadPending(status: KeyStatus): boolean {
  return status.keychainProblem !== undefined && !status.set && status.storage !== 'session';
}

export interface KeychainRetryOptions {
  vault: RetriableVault;
  /** The wait before each background attempt; the last one repeats. */
  delaysMs?: readonly number[];
  log?: (message: string) => void;
}

/**
 * Reads the keychain again, with backoff, for as long as the key could not be read
 * (keychainReadPending), and at once when asked (screen unlocked, resume, Reconnect now).
 * A read that brings the key changes the vault, whose listeners start the feed.
 */
export class KeychainRetry {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private running: Promise<void> | null = null;
  private disposed = false;
  private readonly delays: readonly number[];

  constructor(private readonly options: KeychainRetryOptions) {
    this.delays = options.delaysMs?.length ? options.delaysMs : KEYCHAIN_RETRY_DELAYS_MS;
  }

  /** Whether the key is still waiting for the keychain. */
  get pending(): boolean {
    return keychainReadPending(this.options.vault.status());
  }

  /** Call after the first load: starts retrying in the background if it failed. */
  start(): void {
    if (this.pending)
      this.options.log?.('keychain unavailable: reading it again in the background');
    this.schedule();
  }

  /** Reads the keychain now if the key is still waiting for it; otherwise does nothing. */
  retryNow(): Promise<void> {
    if (this.disposed || !this.pending) return Promise.resolve();
    return this.attempt();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private attempt(): Promise<void> {
    this.running ??= this.options.vault
      .load()
      .then(
        (status) => {
          if (!keychainReadPending(status)) {
            this.options.log?.(
              status.set
                ? 'keychain readable again: API key read'
                : 'keychain readable again: no API key stored',
            );
          }
        },
        () => undefined,
      )
      .finally(() => {
        this.running = null;
        this.schedule();
      });
    return this.running;
  }

  private schedule(): void {
    if (this.disposed) return;
    if (!this.pending) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.attempts = 0;
      return;
    }
    if (this.timer !== undefined || this.running !== null) return;
    // Each read of a locked keychain asks the user to unlock it: not something to do on a timer.
    if (this.options.vault.status().keychainLocked) return;
    const delay = this.delays[Math.min(this.attempts, this.delays.length - 1)] as number;
    this.attempts += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // The key may have come meanwhile (a session-only key, a key saved from the dashboard).
      if (this.pending) void this.attempt();
      else this.schedule();
    }, delay);
  }
}
