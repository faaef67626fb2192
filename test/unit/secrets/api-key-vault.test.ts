import { describe, expect, it, vi } from 'vitest';
import type { KeyStatus } from '../../../common/domain/key-status';
import {
  ApiKeyVault,
  InvalidApiKeyError,
  KeychainUnavailableError,
} from '../../../main/secrets/api-key-vault';
import { keychainReadPending } from '../../../main/secrets/keychain-retry';
import { MemorySecretStore } from '../../../main/secrets/memory-secret-store';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { rejection } from '../../support/rejection';
import {
  FailingSecretStore,
  LockableSecretStore,
  NO_DISPLAY_ERROR,
  NO_SERVICE_ERROR,
} from './secret-store-fakes';

const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
const OTHER_KEY = '0b7c4d2e-1f3a-4c5b-9d6e-7f8091a2b3c4';

function vaultOver(store: SecretStore, platform: NodeJS.Platform = 'linux') {
  const vault = new ApiKeyVault({ store, platform });
  const changes: KeyStatus[] = [];
  vault.onChange((status) => changes.push(status));
  return { vault, changes };
}

describe('ApiKeyVault with a working keychain', () => {
  it('has no key before anything is stored', async () => {
    const { vault } = vaultOver(new MemorySecretStore());
    expect(await vault.load()).toEqual({ set: false, storage: 'none' });
    expect(vault.readKey()).toBeNull();
  });

  it('stores a key in the keychain and shows only its masked form', async () => {
    const store = new MemorySecretStore();
    const { vault, changes } = vaultOver(store);
    await vault.load();
    const status = await vault.setKey(KEY);
    expect(status).toEqual({ set: true, masked: '••••-a427', storage: 'keychain' });
    expect(JSON.stringify(status)).not.toContain(KEY);
    expect(await store.get('default')).toBe(KEY);
    expect(vault.readKey()).toBe(KEY);
    expect(changes).toEqual([status]);
  });

  it('tells its listeners of a key saved again unchanged: that is how a user retries it', async () => {
    const { vault, changes } = vaultOver(new MemorySecretStore());
    await vault.load();
    await vault.setKey(KEY);
    await vault.setKey(KEY);
    await vault.setKey(KEY, { sessionOnly: true });
    await vault.setKey(KEY, { sessionOnly: true });
    expect(changes.map((c) => c.storage)).toEqual(['keychain', 'keychain', 'session', 'session']);
  });

  it('finds the stored key when a new vault loads (the next launch)', async () => {
    const store = new MemorySecretStore();
    await vaultOver(store).vault.setKey(KEY);
    const { vault } = vaultOver(store);
    expect(await vault.load()).toEqual({ set: true, masked: '••••-a427', storage: 'keychain' });
    expect(vault.readKey()).toBe(KEY);
  });

  it('keeps one entry per profile', async () => {
    const store = new MemorySecretStore();
    await new ApiKeyVault({ store, account: 'desk-2' }).setKey(OTHER_KEY);
    expect(await store.get('desk-2')).toBe(OTHER_KEY);
    expect(await store.get('default')).toBeNull();
  });

  it('trims a pasted key before validating and storing it', async () => {
    const store = new MemorySecretStore();
    const { vault } = vaultOver(store);
    await vault.setKey(`  ${KEY}\n`);
    expect(await store.get('default')).toBe(KEY);
  });

  it('refuses a key that is not a UUID, stores nothing and does not repeat it', async () => {
    const store = new MemorySecretStore();
    const { vault, changes } = vaultOver(store);
    const secretish = 'my-secret-token-a427';
    const error = await rejection(vault.setKey(secretish));
    expect(error).toBeInstanceOf(InvalidApiKeyError);
    expect(error.message).toMatch(/must be a UUID/);
    expect(error.message).not.toContain(secretish);
    expect(await store.get('default')).toBeNull();
    expect(vault.status()).toEqual({ set: false, storage: 'none' });
    expect(changes).toEqual([]);
  });

  it('replaces a key, and says so to listeners', async () => {
    const { vault, changes } = vaultOver(new MemorySecretStore());
    await vault.setKey(KEY);
    await vault.setKey(OTHER_KEY);
    expect(vault.readKey()).toBe(OTHER_KEY);
    expect(changes.map((s) => s.masked)).toEqual(['••••-a427', '••••-b3c4']);
  });

  it('does not call listeners when loading changes nothing', async () => {
    const { vault, changes } = vaultOver(new MemorySecretStore());
    await vault.setKey(KEY);
    await vault.load();
    expect(changes).toHaveLength(1);
  });

  it('stops calling a listener once unsubscribed', async () => {
    const vault = new ApiKeyVault({ store: new MemorySecretStore() });
    const seen: KeyStatus[] = [];
    const unsubscribe = vault.onChange((s) => seen.push(s));
    await vault.setKey(KEY);
    unsubscribe();
    await vault.clearKey();
    expect(seen).toHaveLength(1);
  });

  it('clears the key from memory and from the keychain', async () => {
    const store = new MemorySecretStore();
    const { vault, changes } = vaultOver(store);
    await vault.setKey(KEY);
    expect(await vault.clearKey()).toEqual({ set: false, storage: 'none' });
    expect(vault.readKey()).toBeNull();
    expect(await store.get('default')).toBeNull();
    expect(changes.at(-1)).toEqual({ set: false, storage: 'none' });
  });

  it('forgets a key removed from the keychain behind its back on the next load', async () => {
    const store = new MemorySecretStore();
    const { vault } = vaultOver(store);
    await vault.setKey(KEY);
    await store.delete('default');
    expect(await vault.load()).toEqual({ set: false, storage: 'none' });
  });

  it('ignores a stored value that is not a UUID', async () => {
    const store = new MemorySecretStore();
    await store.set('default', 'garbage');
    const { vault } = vaultOver(store);
    expect(await vault.load()).toEqual({ set: false, storage: 'none' });
    expect(vault.readKey()).toBeNull();
  });

  it('runs operations in call order', async () => {
    const store = new MemorySecretStore();
    const { vault } = vaultOver(store);
    const done = Promise.all([vault.setKey(KEY), vault.clearKey(), vault.setKey(OTHER_KEY)]);
    await done;
    expect(vault.readKey()).toBe(OTHER_KEY);
    expect(await store.get('default')).toBe(OTHER_KEY);
  });

  it('keeps a session-only key out of the keychain and removes an older stored key', async () => {
    const store = new MemorySecretStore();
    await store.set('default', KEY);
    const { vault } = vaultOver(store);
    await vault.load();
    const status = await vault.setKey(OTHER_KEY, { sessionOnly: true });
    expect(status).toEqual({ set: true, masked: '••••-b3c4', storage: 'session' });
    expect(await store.get('default')).toBeNull();
  });
});

describe('ApiKeyVault without a keychain backend', () => {
  it('reports on Linux what to install, and the session-only choice', async () => {
    const { vault, changes } = vaultOver(new FailingSecretStore(NO_DISPLAY_ERROR));
    const status = await vault.load();
    expect(status.set).toBe(false);
    expect(status.storage).toBe('none');
    expect(status.keychainProblem).toMatch(/Secret Service/);
    expect(status.keychainProblem).toMatch(/gnome-keyring/);
    expect(status.keychainProblem).toMatch(/KWallet/);
    expect(status.keychainProblem).toMatch(/sudo apt install gnome-keyring libsecret-1-0/);
    expect(status.keychainProblem).toMatch(/this session only/);
    expect(changes).toEqual([status]);
  });

  it('says there is no keychain at all, apart from one that failed (locked)', async () => {
    const missing = await vaultOver(new FailingSecretStore(NO_DISPLAY_ERROR)).vault.load();
    expect(missing.keychainMissing).toBe(true);
    const locked = await vaultOver(new FailingSecretStore('Cannot unlock collection')).vault.load();
    expect(locked.keychainProblem).toMatch(/could not be used/);
    expect(locked.keychainMissing).toBeUndefined();
  });

  it('recognises a bus on which nothing provides the Secret Service', async () => {
    const { vault } = vaultOver(new FailingSecretStore(NO_SERVICE_ERROR));
    expect((await vault.load()).keychainProblem).toMatch(/sudo apt install gnome-keyring/);
  });

  it('refuses to store a key unless asked to keep it for this session only', async () => {
    const store = new FailingSecretStore(NO_DISPLAY_ERROR);
    const { vault } = vaultOver(store);
    await vault.load();
    const error = await rejection(vault.setKey(KEY));
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.message).toMatch(/gnome-keyring/);
    expect(error.message).not.toContain(KEY);
    expect((error as KeychainUnavailableError).problem).toBe(vault.status().keychainProblem);
    expect(vault.readKey()).toBeNull();
    expect(vault.status().set).toBe(false);
  });

  it('keeps a session-only key in memory and still reports the keychain problem', async () => {
    const { vault, changes } = vaultOver(new FailingSecretStore(NO_DISPLAY_ERROR));
    await vault.load();
    const status = await vault.setKey(KEY, { sessionOnly: true });
    expect(status).toMatchObject({ set: true, masked: '••••-a427', storage: 'session' });
    expect(status.keychainProblem).toMatch(/gnome-keyring/);
    expect(vault.readKey()).toBe(KEY);
    expect(changes.at(-1)).toEqual(status);
  });

  it('keeps the session key when loading again finds no keychain', async () => {
    const { vault } = vaultOver(new FailingSecretStore(NO_DISPLAY_ERROR));
    await vault.setKey(KEY, { sessionOnly: true });
    expect((await vault.load()).storage).toBe('session');
    expect(vault.readKey()).toBe(KEY);
  });

  it('clears a session key even though the keychain cannot be reached', async () => {
    const { vault } = vaultOver(new FailingSecretStore(NO_DISPLAY_ERROR));
    await vault.setKey(KEY, { sessionOnly: true });
    const status = await vault.clearKey();
    expect(status).toMatchObject({ set: false, storage: 'none' });
    expect(vault.readKey()).toBeNull();
  });

  it('gives a generic message with the reason on other platforms, without secrets', async () => {
    const { vault } = vaultOver(
      new FailingSecretStore(`Keychain denied access to item ${KEY}`),
      'darwin',
    );
    const problem = (await vault.load()).keychainProblem ?? '';
    expect(problem).toMatch(/^The macOS Keychain could not be used/);
    expect(problem).toMatch(/this session only/);
    expect(problem).not.toContain(KEY);
  });

  it('uses the keychain again once it works, dropping the problem', async () => {
    let broken = true;
    const memory = new MemorySecretStore();
    const store: SecretStore = {
      get: (account) =>
        broken ? Promise.reject(new Error(NO_DISPLAY_ERROR)) : memory.get(account),
      set: (account, secret) =>
        broken ? Promise.reject(new Error(NO_DISPLAY_ERROR)) : memory.set(account, secret),
      delete: (account) =>
        broken ? Promise.reject(new Error(NO_DISPLAY_ERROR)) : memory.delete(account),
    };
    const { vault } = vaultOver(store);
    await vault.load();
    broken = false;
    expect(await vault.setKey(KEY)).toEqual({
      set: true,
      masked: '••••-a427',
      storage: 'keychain',
    });
  });

  it('keeps a keychain key it cannot remove, and says why', async () => {
    let broken = false;
    const memory = new MemorySecretStore();
    const store: SecretStore = {
      get: (account) => memory.get(account),
      set: (account, secret) => memory.set(account, secret),
      delete: (account) =>
        broken
          ? Promise.reject(new Error('Cannot delete: collection is locked'))
          : memory.delete(account),
    };
    const { vault } = vaultOver(store);
    await vault.setKey(KEY);
    broken = true;
    const error = await rejection(vault.clearKey());
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.message).toMatch(/collection is locked/);
    expect(error.message).toMatch(/unlocked/);
    expect(vault.status()).toMatchObject({ set: true, storage: 'keychain' });
  });
});

describe('ApiKeyVault on a locked Secret Service (it answers "nothing" to reads and deletes)', () => {
  async function lockedWithKey() {
    const store = new LockableSecretStore();
    store.entries.set('default', KEY);
    store.locked = true;
    return store;
  }

  it('reports a locked keychain at load, not "no key", so the key is read again later', async () => {
    const store = await lockedWithKey();
    const { vault } = vaultOver(store);
    const status = await vault.load();
    expect(status.set).toBe(false);
    expect(status.keychainProblem).toMatch(/locked collection/);
    // Read again when the user acts, not on its own: so it must not promise that.
    expect(status.keychainProblem).toMatch(
      /^The Secret Service keychain is locked \(.*Reconnect now/,
    );
    expect(status.keychainProblem).not.toMatch(/on its own/);
    expect(status.keychainMissing).toBeUndefined();
    expect(status.keychainLocked).toBe(true);
    expect(keychainReadPending(status)).toBe(true);

    store.locked = false;
    expect(await vault.load()).toEqual({ set: true, masked: '••••-a427', storage: 'keychain' });
    expect([...store.entries.keys()]).toEqual(['default']);
  });

  it('reads the key when the write that checks the lock got the keychain unlocked', async () => {
    const store = await lockedWithKey();
    store.unlockOnWrite = true;
    const { vault } = vaultOver(store);
    expect(await vault.load()).toEqual({ set: true, masked: '••••-a427', storage: 'keychain' });
    expect([...store.entries.keys()]).toEqual(['default']);
  });

  it('still finds no key and no problem in an unlocked, empty keychain, leaving nothing behind', async () => {
    const store = new LockableSecretStore();
    const { vault } = vaultOver(store);
    expect(await vault.load()).toEqual({ set: false, storage: 'none' });
    expect(store.entries.size).toBe(0);
  });

  it('refuses to clear a key a locked keychain would keep, and keeps it set', async () => {
    const store = new LockableSecretStore();
    const { vault } = vaultOver(store);
    await vault.setKey(KEY);
    store.locked = true;
    const error = await rejection(vault.clearKey());
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.message).toMatch(/locked collection/);
    expect(vault.status()).toMatchObject({ set: true, storage: 'keychain' });
    expect(store.entries.get('default')).toBe(KEY);

    store.locked = false;
    expect(await vault.clearKey()).toEqual({ set: false, storage: 'none' });
    expect(store.entries.size).toBe(0);
  });

  it('clears a key removed behind its back from an unlocked keychain', async () => {
    const store = new LockableSecretStore();
    const { vault } = vaultOver(store);
    await vault.setKey(KEY);
    store.entries.delete('default');
    expect(await vault.clearKey()).toEqual({ set: false, storage: 'none' });
    expect(store.entries.size).toBe(0);
  });

  it('says an older key may come back when a session-only key is set over a locked keychain', async () => {
    const store = await lockedWithKey();
    const { vault } = vaultOver(store);
    const status = await vault.setKey(OTHER_KEY, { sessionOnly: true });
    expect(status).toMatchObject({ set: true, storage: 'session' });
    expect(status.keychainProblem).toMatch(/locked collection/);
  });

  it('does not check the lock again for a session-only key once it knows the keychain is locked', async () => {
    const store = await lockedWithKey();
    const { vault } = vaultOver(store);
    await vault.load();
    const writes = vi.spyOn(store, 'set');
    const status = await vault.setKey(OTHER_KEY, { sessionOnly: true });
    expect(writes).not.toHaveBeenCalled();
    expect(status).toMatchObject({ set: true, storage: 'session', keychainLocked: true });
    expect(status.keychainProblem).toMatch(/is locked/);
  });

  it('asks nothing more of the keychain on other platforms, where an answer of nothing is true', async () => {
    const store = await lockedWithKey();
    const { vault } = vaultOver(store, 'darwin');
    expect(await vault.load()).toEqual({ set: false, storage: 'none' });
  });
});
