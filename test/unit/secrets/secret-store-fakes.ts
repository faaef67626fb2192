import type { SecretStore } from '../../../main/secrets/secret-store';

/** What keytar rejects with on Linux when no Secret Service can be reached. */
export const NO_DISPLAY_ERROR = 'Cannot autolaunch D-Bus without X11 $DISPLAY';
export const NO_SERVICE_ERROR =
  'The name org.freedesktop.secrets was not provided by any .service files';

/** A keychain whose every call rejects with the given error text, as keytar does. */
export class FailingSecretStore implements SecretStore {
  calls = 0;
  constructor(private readonly message: string) {}

  get(): Promise<string | null> {
    return this.fail();
  }

  set(): Promise<void> {
    return this.fail();
  }

  delete(): Promise<boolean> {
    return this.fail();
  }

  private fail(): Promise<never> {
    this.calls++;
    return Promise.reject(new Error(this.message));
  }
}

/** What keytar rejects a write with on Linux while the Secret Service collection is locked. */
export const LOCKED_COLLECTION_ERROR = 'Cannot create an item in a locked collection';

/**
 * A Secret Service keychain that can be locked, answering as keytar does there (measured
 * against gnome-keyring): while locked, a read finds nothing, a delete deletes nothing, and
 * a write rejects. Entries survive a lock.
 */
export class LockableSecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  locked = false;
  /** Unlocks at the next write, as a user answering the desktop's unlock question does. */
  unlockOnWrite = false;

  async get(account: string): Promise<string | null> {
    return this.locked ? null : (this.entries.get(account) ?? null);
  }

  async set(account: string, secret: string): Promise<void> {
    if (this.locked && this.unlockOnWrite) this.locked = false;
    if (this.locked) throw new Error(LOCKED_COLLECTION_ERROR);
    this.entries.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.locked ? false : this.entries.delete(account);
  }
}
