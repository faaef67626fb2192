/**
 * Where secrets are kept, one per account (a profile) under a service name fixed by the
 * implementation. The OS keychain in the app; an in-memory map in tests.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves false when there was nothing to delete. */
  delete(account: string): Promise<boolean>;
}
