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
