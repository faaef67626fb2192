import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent, Rectangle } from 'electron';
import type { Page } from 'playwright-core';
import { sharedBrowser } from './browser';
import { EventEmitter, emitPreventable } from './emitter';
import { ipcMain } from './ipc-main';
import { preloadInitScript } from './preload-shim';
import { registry } from './registry';
import { announceWebContents, FakeWebContents } from './web-contents';

/**
 * Runs in every page before its scripts: window.open asks main's window-open handler (through
 * a binding) instead of opening anything, and returns null as a denied open does in Electron.
 */
const WINDOW_OPEN_SCRIPT = `(() => {
  const open = function open(url) {
    const href = new URL(url === undefined ? 'about:blank' : String(url), location.href).href;
    void window.__fakeElectronWindowOpen(href);
    return null;
  };
  Object.defineProperty(window, 'open', { value: open, writable: false, configurable: false });
})();`;

const lastWindow = new EventEmitter();

/** The app hears here when the last open window is closed or destroyed. */
export function onAllWindowsClosed(listener: () => void): void {
  lastWindow.on('all-closed', listener);
}

/** A BrowserWindow whose page is a real Chromium page (Playwright), with the real preload. */
export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  readonly page: Promise<Page>;
  readonly options: BrowserWindowConstructorOptions;
  private visible: boolean;
  private destroyed = false;
  private bounds: Rectangle;
  private focused = false;
  /** While main loads a URL itself: that navigation is no 'will-navigate'. */
  private loadingFromMain = false;
  focusCount = 0;

  static getAllWindows(): FakeBrowserWindow[] {
    return registry.windows.filter((w) => !w.destroyed);
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows().find((w) => w.focused) ?? null;
  }

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    this.title = options.title ?? '';
    this.visible = options.show !== false;
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.page = this.createPage();
    this.webContents = new FakeWebContents(this.page);
    registry.windows.push(this);
    announceWebContents(this.webContents);
  }

  private async createPage(): Promise<Page> {
    const browser = await sharedBrowser();
    const page = await browser.newPage({
      viewport: { width: this.bounds.width, height: this.bounds.height },
    });
    page.on('console', (message) => {
      if (message.type() === 'error') process.stderr.write(`[renderer] ${message.text()}\n`);
    });
    page.on('pageerror', (error) => process.stderr.write(`[renderer] ${error.message}\n`));
    await page.exposeBinding(
      '__fakeElectronInvoke',
      async (source, channel: string, args: unknown[]) => {
        const event = {
          sender: this.webContents,
          senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() },
        } as unknown as IpcMainInvokeEvent;
        return ipcMain.invoke(channel, event, args);
      },
    );
    await page.exposeBinding('__fakeElectronWindowOpen', (_source, url: string) =>
      this.webContents.decideWindowOpen(url),
    );
    await page.addInitScript({ content: WINDOW_OPEN_SCRIPT });
    // A navigation of the main frame that the page starts asks 'will-navigate' first; a
    // prevented one is aborted, which leaves the page where it was (as in Electron).
    await page.route(
      (url) => url.protocol === 'http:' || url.protocol === 'https:',
      async (route) => {
        const request = route.request();
        const pageNavigation =
          !this.loadingFromMain &&
          request.isNavigationRequest() &&
          request.frame().parentFrame() === null;
        const allowed = !pageNavigation || this.webContents.decideNavigation(request.url());
        // A page closing meanwhile makes these throw; there is nothing left to route then.
        await (allowed ? route.continue() : route.abort('aborted')).catch(() => {});
      },
    );
    const preload = this.options.webPreferences?.preload;
    if (preload)
      await page.addInitScript({ content: preloadInitScript(readFileSync(preload, 'utf8')) });
    return page;
  }

  async loadFile(path: string): Promise<void> {
    await this.loadURL(pathToFileURL(path).href);
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.page;
    this.loadingFromMain = true;
    try {
      await page.goto(url);
    } finally {
      this.loadingFromMain = false;
    }
    this.webContents.getURL = () => page.url();
    this.adoptPageTitle(await page.title());
    this.emit('ready-to-show');
    this.webContents.emit('did-finish-load');
  }

  show(): void {
    this.visible = true;
    this.focus();
    this.emit('show');
  }

  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }

  focus(): void {
    this.focused = true;
    this.focusCount += 1;
    this.emit('focus');
  }

  isVisible(): boolean {
    return this.visible;
  }

  isFocused(): boolean {
    return this.focused;
  }

  isMinimized(): boolean {
    return false;
  }

  isMaximized(): boolean {
    return false;
  }

  restore(): void {}

  /** The native window's title: the constructor's, then the page's unless main keeps it. */
  title: string;

  setTitle(title: string): void {
    this.title = title;
  }

  /**
   * As Electron: the page's <title> is announced as 'page-title-updated' on the
   * webContents, then again on the window with the same event, and becomes the window's
   * title unless a listener prevented it.
   */
  private adoptPageTitle(pageTitle: string): void {
    if (!pageTitle) return;
    const event = {
      defaultPrevented: false,
      preventDefault() {
        event.defaultPrevented = true;
      },
    };
    this.webContents.emit('page-title-updated', event, pageTitle, true);
    this.emit('page-title-updated', event, pageTitle, true);
    if (!event.defaultPrevented) this.setTitle(pageTitle);
  }

  maximize(): void {}

  getBounds(): Rectangle {
    return { ...this.bounds };
  }

  getNormalBounds(): Rectangle {
    return this.getBounds();
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The user closed the window (the title-bar button): main may prevent it. */
  close(): void {
    if (this.destroyed) return;
    if (emitPreventable(this, 'close')) return;
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    void this.page.then((p) => p.close()).catch(() => {});
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) lastWindow.emit('all-closed');
  }
}
