import { describe, expect, it } from 'vitest';
import { hardenWebContents } from '../../../main/app/security';
import { app } from '../../app/fake-electron/app';
import { registry } from '../../app/fake-electron/registry';
import { announceWebContents, FakeWebContents } from '../../app/fake-electron/web-contents';

// The whole-app test (which needs Chromium and a build) relies on the stand-in `electron`
// announcing each page and asking main before window.open and navigation; this checks that
// part of the stand-in against main's own hardening, under Node.

const APP_PAGE = 'file:///app/out/renderer/index.html';
const noPage = new Promise<never>(() => {});

describe('the stand-in electron’s page guards', () => {
  it('announces every webContents as app "web-contents-created", where main hardens it', () => {
    const opened: string[] = [];
    const harden = (_event: unknown, contents: FakeWebContents) =>
      hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0], {
        isAppUrl: (url) => url === APP_PAGE,
        openExternal: (url) => opened.push(url),
      });
    app.on('web-contents-created', harden);
    try {
      const contents = new FakeWebContents(noPage);
      announceWebContents(contents);

      expect(contents.decideWindowOpen('https://example.com/')).toBe('deny');
      expect(contents.decideNavigation('https://example.com/')).toBe(false);
      expect(contents.decideNavigation(APP_PAGE)).toBe(true);
      expect(registry.windowOpens.at(-1)).toEqual({ url: 'https://example.com/', action: 'deny' });
      expect(registry.navigations.slice(-2)).toEqual([
        { url: 'https://example.com/', blocked: true },
        { url: APP_PAGE, blocked: false },
      ]);
      expect(opened).toEqual(['https://example.com/', 'https://example.com/']);
    } finally {
      app.off('web-contents-created', harden);
    }
  });

  it('lets a page open windows and navigate when main set no guard, as Electron does', () => {
    const contents = new FakeWebContents(noPage);
    announceWebContents(contents);
    expect(contents.decideWindowOpen('https://example.com/')).toBe('allow');
    expect(contents.decideNavigation('https://example.com/')).toBe(true);
  });
});
