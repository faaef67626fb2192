import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTrustedSenderCheck } from '../../../main/ipc/trusted-sender';

describe('createTrustedSenderCheck', () => {
  describe('in production (files under the renderer folder)', () => {
    const rendererDir = '/opt/MM Tray/resources/app/out/renderer';
    const trusted = createTrustedSenderCheck({ rendererDir });
    const page = `${pathToFileURL(rendererDir).href}/index.html`;

    it('trusts the app’s own pages, whatever their query or hash', () => {
      expect(page).toBe('file:///opt/MM%20Tray/resources/app/out/renderer/index.html');
      expect(trusted(page)).toBe(true);
      expect(trusted(`${page}?view=orders#order-1`)).toBe(true);
      expect(trusted(`${pathToFileURL(rendererDir).href}/assets/page.html`)).toBe(true);
    });

    it('does not trust files elsewhere, even ones that look close', () => {
      expect(trusted('file:///opt/MM%20Tray/resources/app/out/renderer-evil/index.html')).toBe(
        false,
      );
      expect(trusted('file:///opt/MM%20Tray/resources/app/out/renderer/../main/index.js')).toBe(
        false,
      );
      expect(trusted('file:///opt/MM%20Tray/resources/app/out/renderer/%2e%2e/x.html')).toBe(false);
      expect(trusted('file:///tmp/index.html')).toBe(false);
      expect(trusted('file://server/opt/MM%20Tray/resources/app/out/renderer/index.html')).toBe(
        false,
      );
    });

    it('does not trust any other kind of page', () => {
      for (const url of [
        'https://example.com/index.html',
        'http://localhost:5173/',
        'about:blank',
        'data:text/html,<p>hi</p>',
        '',
        'not a url',
      ]) {
        expect(trusted(url)).toBe(false);
      }
    });

    it('compares paths without regard to case on Windows', () => {
      const onWindows = createTrustedSenderCheck({ rendererDir, platform: 'win32' });
      expect(onWindows(page.toUpperCase().replace('FILE:', 'file:'))).toBe(true);
      expect(trusted(page.replace('renderer', 'RENDERER'))).toBe(false);
    });
  });

  describe('under the dev server', () => {
    const trusted = createTrustedSenderCheck({
      rendererDir: '/work/out/renderer',
      devServerUrl: 'http://localhost:5173',
    });

    it('trusts pages of the dev server’s origin only', () => {
      expect(trusted('http://localhost:5173/')).toBe(true);
      expect(trusted('http://localhost:5173/index.html?x=1')).toBe(true);
      expect(trusted('http://localhost:5174/')).toBe(false);
      expect(trusted('https://localhost:5173/')).toBe(false);
      expect(trusted('http://127.0.0.1:5173/')).toBe(false);
      expect(trusted('file:///work/out/renderer/index.html')).toBe(false);
    });
  });
});
