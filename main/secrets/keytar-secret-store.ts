import type { SecretStore } from './secret-store';

/** The keychain service name the app's API keys live under. */
export const KEYCHAIN_SERVICE = 'MM Tray';
/** The account (profile) used while the app has a single profile. */
export const DEFAULT_ACCOUNT = 'default';

/** The part of keytar this store uses. */
export interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export type KeytarLoader = () => Promise<Keytar>;

/**
 * Loaded on first use, not at import: a missing native module (or a keytar built for
 * another Node ABI) then surfaces as a keychain problem instead of crashing the app.
 */
export const loadKeytar: KeytarLoader = async () => {
  const module: Keytar & { default?: Keytar } = await import('keytar');
  return module.default ?? module;
};

/** The OS keychain through keytar: macOS Keychain, Windows Credential Manager, Secret Service. */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | undefined;

  constructor(
    readonly service: string,
    private readonly load: KeytarLoader = loadKeytar,
  ) {}

  async get(account: string): Promise<string | null> {
    const keytar = await this.module();
    return keytar.getPassword(this.service, account);
  }

  async set(account: string, secret: string): Promise<void> {
    const keytar = await this.module();
    await keytar.setPassword(this.service, account, secret);
  }

  async delete(account: string): Promise<boolean> {
    const keytar = await this.module();
    return keytar.deletePassword(this.service, account);
  }

  private module(): Promise<Keytar> {
    if (!this.keytar) {
      this.keytar = this.load().catch((error: unknown) => {
        this.keytar = undefined;
        throw new Error(`the keychain module (keytar) could not be loaded: ${messageOf(error)}`, {
          cause: error,
        });
      });
    }
    return this.keytar;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
