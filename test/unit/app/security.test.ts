import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl } from '../../../main/app/external-url';
import { secureWebPreferences } from '../../../main/app/secure-web-preferences';
import { denyAllPermissions, hardenWebContents } from '../../../main/app/security';

type Listener = (event: { preventDefault(): void }, url?: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
    on: (event: string, listener: Listener) => {
      listeners.set(event, listener);
      return contents;
    },
  } satisfies Record<keyof Pick<WebContents, 'setWindowOpenHandler' | 'on'>, unknown>;
  const fire = (event: string, url?: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)!({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://docs.55-tech.com/mm', true],
    ['http://docs.55-tech.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://user:pw@evil.example/', false],
    ['not a url', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe('hardenWebContents', () => {
  const setup = () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(fake.contents as unknown as WebContents, {
      isAppUrl: (url) => url.startsWith('file:///app/'),
      openExternal,
    });
    return { ...fake, openExternal };
  };

  it('denies every new window, sending only https links to the browser', () => {
    const { open, openExternal } = setup();
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('http://example.com/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/']]);
  });

  it('blocks navigation away from the app and allows its own pages', () => {
    const { fire, openExternal } = setup();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/hosts')).toBe(true);
    expect(fire('will-navigate', 'file:///app/index.html')).toBe(false);
    expect(openExternal.mock.calls).toEqual([['https://evil.example/']]);
  });

  it('refuses webviews', () => {
    expect(setup().fire('will-attach-webview')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    let request: ((...args: unknown[]) => void) | undefined;
    let check: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: unknown) => {
        request = handler as typeof request;
      },
      setPermissionCheckHandler: (handler: unknown) => {
        check = handler as typeof check;
      },
    } satisfies Record<
      keyof Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
      unknown
    >;
    denyAllPermissions(session as unknown as Session);
    const callback = vi.fn();
    request!(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer without Node', () => {
    expect(secureWebPreferences('/p.cjs', { packaged: true })).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('has no DevTools in an installed app, only in development', () => {
    expect(secureWebPreferences('/p.cjs', { packaged: true }).devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', { packaged: false }).devTools).toBe(true);
  });
});
