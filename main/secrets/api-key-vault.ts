import type { KeyStatus } from '../../common/domain/key-status';
import { isUuid, maskKey } from '../../common/uuid';
import { describeKeychainProblem, isMissingKeychainBackend } from './keychain-problem';
import { DEFAULT_ACCOUNT } from './keytar-secret-store';
import type { SecretStore } from './secret-store';

export interface ApiKeyVaultOptions {
  store: SecretStore;
  /** The profile; one keychain entry each. */
  account?: string;
  platform?: NodeJS.Platform;
}

export interface SetKeyOptions {
  /** Keep the key in memory only, for when the keychain cannot be used. Never written anywhere. */
  sessionOnly?: boolean;
}

/** The key given is not a UUID. The message never repeats the key. */
export class InvalidApiKeyError extends Error {
  override readonly name = 'InvalidApiKeyError';
  constructor() {
    super('The API key must be a UUID, like 3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9f0000.');
  }
}

/** The OS keychain could not store or remove the key; `problem` says why and what to do. */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
  constructor(readonly problem: string) {
    super(problem);
  }
}

/** The keychain answered, but refused the write that checks whether it is unlocked. */
class LockedKeychainError extends Error {
  override readonly name = 'LockedKeychainError';
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

type Storage = KeyStatus['storage'];

/** An entry of the vault's own, written and removed again to check the keychain is unlocked. */
export const KEYCHAIN_CHECK_ACCOUNT = 'mm-tray-keychain-check';
type ChangeListener = (status: KeyStatus) => void;

/**
 * The API key of one profile. It lives in the OS keychain, or — only when the user
 * chooses so because the keychain cannot be used — in this process's memory. It is never
 * written anywhere else, and only `readKey` (for the connection in main) returns it.
 * Operations run one at a time, in call order.
 */
export class ApiKeyVault {
  private readonly store: SecretStore;
  private readonly account: string;
  private readonly platform: NodeJS.Platform;
  private readonly listeners = new Set<ChangeListener>();
  private key: string | null = null;
  private storage: Storage = 'none';
  private problem: string | undefined;
  /** Whether the last problem described was no keychain at all (see KeyStatus). */
  private keychainMissing = false;
  /** Whether the last problem described was a locked keychain (see KeyStatus). */
  private keychainLocked = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: ApiKeyVaultOptions) {
    this.store = options.store;
    this.account = options.account ?? DEFAULT_ACCOUNT;
    this.platform = options.platform ?? process.platform;
  }

  status(): KeyStatus {
    const status: KeyStatus = { set: this.key !== null, storage: this.storage };
    if (this.key !== null) status.masked = maskKey(this.key);
    if (this.problem !== undefined) {
      status.keychainProblem = this.problem;
      if (this.keychainMissing) status.keychainMissing = true;
      if (this.keychainLocked) status.keychainLocked = true;
    }
    return status;
  }

  /** For the main process only (the feed connection). Never hand this to the renderer. */
  readKey(): string | null {
    return this.key;
  }

  /**
   * Calls the listener after every change of the key, its storage or the keychain problem,
   * and after every key saved, an unchanged one too: saving the key again is how the user
   * asks for it to be tried again (the server may have refused it for an inactive account).
   */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Reads the key from the keychain (at startup). Never rejects: when the keychain cannot
   * be used, the status says so in `keychainProblem`, and a session key is kept.
   */
  load(): Promise<KeyStatus> {
    return this.serially(async () => {
      try {
        let stored = await this.store.get(this.account);
        if (stored === null && (await this.unlockedWhenAnswerIsNothing())) {
          stored = await this.store.get(this.account);
        }
        if (stored !== null && isUuid(stored)) this.commit(stored, 'keychain', undefined);
        else if (this.storage === 'keychain') this.commit(null, 'none', undefined);
        else this.commit(this.key, this.storage, undefined);
      } catch (error) {
        const keep = this.storage === 'session';
        this.commit(keep ? this.key : null, keep ? 'session' : 'none', this.describe(error));
      }
      return this.status();
    });
  }

  /**
   * Validates the key and stores it in the keychain. When the keychain cannot be used this
   * rejects with KeychainUnavailableError (nothing changes) unless `sessionOnly` is set.
   * A session-only key also removes any older key from the keychain, so it cannot come
   * back at the next launch.
   */
  setKey(key: string, options: SetKeyOptions = {}): Promise<KeyStatus> {
    const candidate = key.trim();
    if (!isUuid(candidate)) return Promise.reject(new InvalidApiKeyError());
    return this.serially(async () => {
      if (options.sessionOnly) {
        let problem: string | undefined;
        try {
          // Known to be locked: checking once more would only ask the user to unlock again.
          if (!this.keychainLocked) await this.deleteStored();
          else if (!(await this.store.delete(this.account))) problem = this.problem;
        } catch (error) {
          problem = this.describe(error);
        }
        this.commit(candidate, 'session', problem, true);
        return this.status();
      }
      try {
        await this.store.set(this.account, candidate);
      } catch (error) {
        const problem = this.describe(error);
        this.commit(this.key, this.storage, problem);
        throw new KeychainUnavailableError(problem);
      }
      this.commit(candidate, 'keychain', undefined, true);
      return this.status();
    });
  }

  /**
   * Forgets the key and removes it from the keychain. When a keychain key cannot be
   * removed this rejects with KeychainUnavailableError and the key stays set, since it
   * would come back at the next launch anyway.
   */
  clearKey(): Promise<KeyStatus> {
    return this.serially(async () => {
      try {
        await this.deleteStored();
      } catch (error) {
        const problem = this.describe(error);
        if (this.storage === 'keychain') {
          this.commit(this.key, this.storage, problem);
          throw new KeychainUnavailableError(problem);
        }
        this.commit(null, 'none', problem);
        return this.status();
      }
      this.commit(null, 'none', undefined);
      return this.status();
    });
  }

  /** Removes the profile's entry; rejects when a locked keychain may have kept it. */
  private async deleteStored(): Promise<void> {
    if (await this.store.delete(this.account)) return;
    if (await this.unlockedWhenAnswerIsNothing()) await this.store.delete(this.account);
  }

  /**
   * A locked Secret Service (Linux) answers a read with "no key" and a delete with "nothing
   * deleted", as an empty one does: keytar cannot tell them apart. A write fails there
   * ("Cannot create an item in a locked collection"), after the desktop asked to unlock.
   * So before such an answer is believed, an entry of the vault's own is written and
   * removed: this rejects while the keychain stays locked, and resolves true when the
   * question should be asked again (the keychain may have been unlocked meanwhile).
   */
  private async unlockedWhenAnswerIsNothing(): Promise<boolean> {
    if (this.platform !== 'linux') return false;
    try {
      await this.store.set(KEYCHAIN_CHECK_ACCOUNT, 'unlocked');
    } catch (error) {
      throw new LockedKeychainError(error);
    }
    await this.store.delete(KEYCHAIN_CHECK_ACCOUNT);
    return true;
  }

  private describe(error: unknown): string {
    this.keychainMissing = this.platform === 'linux' && isMissingKeychainBackend(error);
    this.keychainLocked = error instanceof LockedKeychainError && !this.keychainMissing;
    return describeKeychainProblem(error, this.platform, { locked: this.keychainLocked });
  }

  private commit(
    key: string | null,
    storage: Storage,
    problem: string | undefined,
    announce = false,
  ): void {
    const normalized = key === null ? 'none' : storage;
    const changed = key !== this.key || normalized !== this.storage || problem !== this.problem;
    this.key = key;
    this.storage = normalized;
    this.problem = problem;
    if (!changed && !announce) return;
    const status = this.status();
    for (const listener of [...this.listeners]) listener(status);
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
