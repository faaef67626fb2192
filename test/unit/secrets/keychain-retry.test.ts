import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyStatus } from '../../../common/domain/key-status';
import { ApiKeyVault } from '../../../main/secrets/api-key-vault';
import { describeKeychainProblem } from '../../../main/secrets/keychain-problem';
import { KeychainRetry, keychainReadPending } from '../../../main/secrets/keychain-retry';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { LockableSecretStore } from './secret-store-fakes';

const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/** A keychain that fails every read while locked (login keyring not yet unlocked). */
class LockedKeychain implements SecretStore {
  locked = true;
  reads = 0;
  private readonly secrets = new Map<string, string>([['default', KEY]]);

  async get(account: string): Promise<string | null> {
    this.reads++;
    if (this.locked) throw new Error('Cannot create an item in a locked collection');
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    if (this.locked) throw new Error('Cannot create an item in a locked collection');
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    if (this.locked) throw new Error('Cannot create an item in a locked collection');
    return this.secrets.delete(account);
  }
}

async function launch(store: SecretStore) {
  const vault = new ApiKeyVault({ store, platform: 'linux' });
  const changes: KeyStatus[] = [];
  vault.onChange((status) => changes.push(status));
  await vault.load();
  const log: string[] = [];
  const retry = new KeychainRetry({ vault, log: (message) => log.push(message) });
  retry.start();
  return { vault, changes, retry, log };
}

/** Advances fake time and lets the vault's reads settle. */
async function elapse(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('keychainReadPending', () => {
  it('holds only for a keychain problem with no key and no session-only choice', () => {
    expect(keychainReadPending({ set: false, storage: 'none', keychainProblem: 'locked' })).toBe(
      true,
    );
    expect(keychainReadPending({ set: false, storage: 'none' })).toBe(false);
    expect(
      keychainReadPending({
        set: true,
        storage: 'session',
        masked: '••••-a427',
        keychainProblem: 'locked',
      }),
    ).toBe(false);
  });
});

describe('KeychainRetry', () => {
  it('reads a locked keychain again after 5 s, 30 s, 2 min, then every 5 min', async () => {
    const store = new LockedKeychain();
    await launch(store);
    expect(store.reads).toBe(1);
    await elapse(5 * SECOND - 1);
    expect(store.reads).toBe(1);
    await elapse(1);
    expect(store.reads).toBe(2);
    await elapse(30 * SECOND);
    expect(store.reads).toBe(3);
    await elapse(2 * MINUTE);
    expect(store.reads).toBe(4);
    await elapse(5 * MINUTE);
    expect(store.reads).toBe(5);
    await elapse(5 * MINUTE);
    expect(store.reads).toBe(6);
  });

  it('finds the key once the keychain is unlocked, tells the vault’s listeners and stops', async () => {
    const store = new LockedKeychain();
    const { vault, changes, retry, log } = await launch(store);
    await elapse(5 * SECOND);
    store.locked = false;
    await elapse(30 * SECOND);
    expect(vault.readKey()).toBe(KEY);
    expect(changes.at(-1)).toEqual({ set: true, masked: '••••-a427', storage: 'keychain' });
    expect(retry.pending).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    const reads = store.reads;
    await elapse(60 * MINUTE);
    expect(store.reads).toBe(reads);
    expect(log.at(-1)).toBe('keychain readable again: API key read');
    expect(log.join('\n')).not.toContain(KEY);
  });

  it('reads a keychain that answers "nothing" while locked only when asked, since each read asks the user to unlock it', async () => {
    const store = new LockableSecretStore();
    store.entries.set('default', KEY);
    store.locked = true;
    const { vault, retry } = await launch(store);
    expect(vault.status()).toMatchObject({ set: false, keychainLocked: true });
    expect(retry.pending).toBe(true);
    expect(vi.getTimerCount()).toBe(0);

    store.locked = false;
    await retry.retryNow();
    expect(vault.readKey()).toBe(KEY);
    expect(vault.status().keychainLocked).toBeUndefined();
  });

  it('does nothing when the first read worked', async () => {
    const store = new LockedKeychain();
    store.locked = false;
    const { retry } = await launch(store);
    expect(vi.getTimerCount()).toBe(0);
    await retry.retryNow();
    await elapse(60 * MINUTE);
    expect(store.reads).toBe(1);
  });

  it('reads at once when asked (screen unlocked, Reconnect now) and only while it is needed', async () => {
    const store = new LockedKeychain();
    const { vault, retry } = await launch(store);
    store.locked = false;
    await retry.retryNow();
    expect(store.reads).toBe(2);
    expect(vault.readKey()).toBe(KEY);
    await retry.retryNow();
    expect(store.reads).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps the backoff going after a failed read on demand', async () => {
    const store = new LockedKeychain();
    const { retry } = await launch(store);
    await elapse(2 * SECOND);
    await retry.retryNow();
    expect(store.reads).toBe(2);
    await elapse(3 * SECOND);
    expect(store.reads).toBe(3);
    expect(retry.pending).toBe(true);
  });

  it('shares one read between requests that overlap', async () => {
    const store = new LockedKeychain();
    const { retry } = await launch(store);
    await Promise.all([retry.retryNow(), retry.retryNow(), retry.retryNow()]);
    expect(store.reads).toBe(2);
  });

  it('stops once the user chooses a session-only key', async () => {
    const store = new LockedKeychain();
    const { vault } = await launch(store);
    await vault.setKey(KEY, { sessionOnly: true });
    await elapse(60 * MINUTE);
    expect(store.reads).toBe(1);
    expect(vault.status().storage).toBe('session');
  });

  it('stops for good when disposed', async () => {
    const store = new LockedKeychain();
    const { retry } = await launch(store);
    retry.dispose();
    await retry.retryNow();
    await elapse(60 * MINUTE);
    expect(store.reads).toBe(1);
  });
});

describe('the keychain problem text', () => {
  it('no longer asks for a restart: the app reads the keychain again itself', () => {
    const texts = [
      describeKeychainProblem(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'), 'linux'),
      describeKeychainProblem(new Error('Cannot create an item in a locked collection'), 'linux'),
      describeKeychainProblem(new Error('User interaction is not allowed'), 'darwin'),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/restart MM Tray/i);
      expect(text).toContain('Reconnect now');
    }
  });
});
