import type { SecretStore } from './secret-store';

/** A SecretStore that forgets everything when the process ends: for tests and test mode. */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.secrets.delete(account);
  }
}
