import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiKeyVault, KeychainUnavailableError } from '../../../main/secrets/api-key-vault';
import { keychainReadPending } from '../../../main/secrets/keychain-retry';
import { KeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { rejection } from '../../support/rejection';

// Locks the Secret Service's default collection for good, so it runs in a D-Bus session of
// its own (npm run test:keychain starts one for this folder after the other keychain tests).
const SERVICE = `MM Tray Test ${randomBytes(4).toString('hex')}`;
const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
const OTHER_KEY = '0b7c4d2e-1f3a-4c5b-9d6e-7f8091a2b3c4';

function secretService(method: string, ...args: string[]): string {
  return execFileSync(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets',
      `org.freedesktop.Secret.Service.${method}`,
      ...args,
    ],
    { encoding: 'utf8' },
  );
}

function lockDefaultCollection(): void {
  const collection = /object path "([^"]+)"/.exec(
    secretService('ReadAlias', 'string:default'),
  )?.[1];
  if (!collection || collection === '/')
    throw new Error('the Secret Service has no default collection');
  secretService('Lock', `array:objpath:${collection}`);
}

/** Item paths of the entry, [unlocked, locked], straight from the Secret Service. */
function itemsOf(account: string): [string[], string[]] {
  const reply = secretService(
    'SearchItems',
    `dict:string:string:service,${SERVICE},account,${account}`,
  );
  const lists = reply.split(/\n\s*\]/).slice(0, 2);
  const paths = (list: string | undefined) =>
    [...(list ?? '').matchAll(/object path "([^"]+)"/g)].map((match) => match[1] as string);
  return [paths(lists[0]), paths(lists[1])];
}

const newVault = () =>
  new ApiKeyVault({ store: new KeytarSecretStore(SERVICE), platform: 'linux' });

describe('ApiKeyVault on a real Secret Service that gets locked', () => {
  it('tells a locked keychain from an empty one: no false "no key", no false "cleared"', async () => {
    const vault = newVault();
    await vault.setKey(KEY);
    expect(itemsOf('default')[0]).toHaveLength(1);

    lockDefaultCollection();
    expect(itemsOf('default')).toEqual([[], [expect.any(String)]]);

    // The next launch, with the keychain still locked: a problem to retry, not onboarding.
    const status = await newVault().load();
    expect(status.set).toBe(false);
    expect(status.keychainProblem).toMatch(/locked collection/);
    expect(status.keychainLocked).toBe(true);
    expect(keychainReadPending(status)).toBe(true);

    // Clearing cannot remove the key, so it is not reported cleared.
    const error = await rejection(vault.clearKey());
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(vault.status()).toMatchObject({ set: true, storage: 'keychain' });

    // A session-only key cannot remove the older one either, and says so.
    const session = await newVault().setKey(OTHER_KEY, { sessionOnly: true });
    expect(session).toMatchObject({ set: true, storage: 'session' });
    expect(session.keychainProblem).toMatch(/locked collection/);

    expect(itemsOf('default')).toEqual([[], [expect.any(String)]]);
    expect(itemsOf('mm-tray-keychain-check')).toEqual([[], []]);
  });
});
