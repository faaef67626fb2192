import { randomBytes } from 'node:crypto';
import keytar from 'keytar';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyVault, InvalidApiKeyError } from '../../main/secrets/api-key-vault';
import { KeytarSecretStore } from '../../main/secrets/keytar-secret-store';
import { rejection } from '../support/rejection';

// Runs against a real Secret Service: `npm run test:keychain` (scripts/with-keyring.sh).
// Everything lives under a service name of its own and is removed afterwards.
const SERVICE = `MM Tray Test ${randomBytes(4).toString('hex')}`;
const ACCOUNTS = ['default', 'second-profile'];
const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
const OTHER_KEY = '0b7c4d2e-1f3a-4c5b-9d6e-7f8091a2b3c4';

const newVault = (account?: string) =>
  new ApiKeyVault({ store: new KeytarSecretStore(SERVICE), account });

beforeAll(async () => {
  // A clear failure when run outside with-keyring.sh, instead of every test failing alike.
  await keytar.findCredentials(SERVICE).catch((error: Error) => {
    throw new Error(
      `no Secret Service reachable (${error.message}): run these tests with npm run test:keychain`,
    );
  });
});

afterEach(async () => {
  for (const account of ACCOUNTS) await keytar.deletePassword(SERVICE, account);
  expect(await keytar.findCredentials(SERVICE)).toEqual([]);
});

describe('ApiKeyVault on a real Secret Service', () => {
  it('starts with no key and no keychain problem', async () => {
    expect(await newVault().load()).toEqual({ set: false, storage: 'none' });
  });

  it('persists a key that a fresh vault finds again, shown masked', async () => {
    const status = await newVault().setKey(KEY);
    expect(status).toEqual({ set: true, masked: '••••-a427', storage: 'keychain' });
    expect(await keytar.getPassword(SERVICE, 'default')).toBe(KEY);

    const next = newVault();
    expect(await next.load()).toEqual({ set: true, masked: '••••-a427', storage: 'keychain' });
    expect(next.readKey()).toBe(KEY);
  });

  it('replaces a stored key', async () => {
    await newVault().setKey(KEY);
    await newVault().setKey(OTHER_KEY);
    const next = newVault();
    await next.load();
    expect(next.readKey()).toBe(OTHER_KEY);
    expect(await keytar.findCredentials(SERVICE)).toEqual([
      { account: 'default', password: OTHER_KEY },
    ]);
  });

  it('keeps one entry per profile', async () => {
    await newVault('default').setKey(KEY);
    await newVault('second-profile').setKey(OTHER_KEY);
    const second = newVault('second-profile');
    await second.load();
    expect(second.readKey()).toBe(OTHER_KEY);
    expect(await keytar.getPassword(SERVICE, 'default')).toBe(KEY);
  });

  it('clears the key from the keychain', async () => {
    const vault = newVault();
    await vault.setKey(KEY);
    expect(await vault.clearKey()).toEqual({ set: false, storage: 'none' });
    expect(await keytar.getPassword(SERVICE, 'default')).toBeNull();
    expect(await newVault().load()).toEqual({ set: false, storage: 'none' });
  });

  it('refuses an invalid key, stores nothing and never repeats it', async () => {
    const vault = newVault();
    const notAKey = 'sk-live-5ecret-a427';
    const error = await rejection(vault.setKey(notAKey));
    expect(error).toBeInstanceOf(InvalidApiKeyError);
    expect(`${error.message}\n${error.stack}`).not.toContain(notAKey);
    expect(await keytar.findCredentials(SERVICE)).toEqual([]);
    expect(vault.status()).toEqual({ set: false, storage: 'none' });
  });

  it('keeps a session-only key out of the keychain', async () => {
    const vault = newVault();
    await vault.setKey(KEY);
    expect((await vault.setKey(OTHER_KEY, { sessionOnly: true })).storage).toBe('session');
    expect(vault.readKey()).toBe(OTHER_KEY);
    expect(await keytar.findCredentials(SERVICE)).toEqual([]);
    expect(await newVault().load()).toEqual({ set: false, storage: 'none' });
  });
});
