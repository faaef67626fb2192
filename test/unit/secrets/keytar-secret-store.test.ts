import { afterEach, describe, expect, it } from 'vitest';
import { ApiKeyVault } from '../../../main/secrets/api-key-vault';
import { type Keytar, KeytarSecretStore } from '../../../main/secrets/keytar-secret-store';

const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';

function fakeKeytar(): Keytar & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
    setPassword: async (service, account, password) => {
      entries.set(`${service}/${account}`, password);
    },
    deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
  };
}

describe('KeytarSecretStore', () => {
  it('keeps secrets under its service name, one per account', async () => {
    const keytar = fakeKeytar();
    const store = new KeytarSecretStore('MM Tray', async () => keytar);
    await store.set('default', KEY);
    expect(keytar.entries.get('MM Tray/default')).toBe(KEY);
    expect(await store.get('default')).toBe(KEY);
    expect(await store.delete('default')).toBe(true);
    expect(await store.delete('default')).toBe(false);
  });

  it('loads keytar on first use only', async () => {
    let loads = 0;
    const keytar = fakeKeytar();
    const store = new KeytarSecretStore('MM Tray', async () => {
      loads++;
      return keytar;
    });
    expect(loads).toBe(0);
    await store.get('default');
    await store.get('default');
    expect(loads).toBe(1);
  });

  it('turns a keytar that cannot be loaded into a keychain problem, not a crash', async () => {
    const store = new KeytarSecretStore('MM Tray', async () => {
      throw new Error('Cannot find module ../build/Release/keytar.node');
    });
    await expect(store.get('default')).rejects.toThrow(
      /keychain module \(keytar\) could not be loaded: Cannot find module/,
    );
    const status = await new ApiKeyVault({ store, platform: 'linux' }).load();
    expect(status.keychainProblem).toMatch(/could not be used .*keytar.*this session only/);
  });
});

describe('KeytarSecretStore with no Secret Service reachable (real keytar)', () => {
  const saved = { bus: process.env.DBUS_SESSION_BUS_ADDRESS, display: process.env.DISPLAY };
  afterEach(() => {
    restore('DBUS_SESSION_BUS_ADDRESS', saved.bus);
    restore('DISPLAY', saved.display);
  });

  // libsecret reads the bus address when it connects; a socket that does not exist is
  // exactly a desktop session without a Secret Service, whatever machine runs this.
  it('reports what to install and offers a session-only key', async () => {
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/mm-tray-test/bus';
    delete process.env.DISPLAY;
    const vault = new ApiKeyVault({
      store: new KeytarSecretStore(`MM Tray Test ${process.pid}`),
      platform: process.platform,
    });
    const status = await vault.load();
    expect(status.set).toBe(false);
    expect(status.keychainProblem).toMatch(/sudo apt install gnome-keyring libsecret-1-0/);
    expect((await vault.setKey(KEY, { sessionOnly: true })).storage).toBe('session');
    await expect(vault.setKey(KEY)).rejects.toThrow(/No keychain is available/);
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
