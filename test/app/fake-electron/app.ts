import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeBrowser, sharedBrowser } from './browser';
import { FakeBrowserWindow, onAllWindowsClosed } from './browser-window';
import { EventEmitter, emitPreventable } from './emitter';
import { registry } from './registry';
import { requestSingleInstanceLock } from './single-instance';
import { onWebContentsCreated } from './web-contents';

const userData = process.env.FAKE_ELECTRON_USER_DATA ?? join(tmpdir(), 'fake-electron-user-data');

class FakeApp extends EventEmitter {
  readonly isPackaged = false;
  readonly commandLine = { appendSwitch() {}, hasSwitch: () => false };
  readonly dock = undefined;
  private readyPromise: Promise<void> | undefined;
  private ready = false;
  private quitting = false;
  private readonly paths = new Map<string, string>([
    ['userData', userData],
    ['logs', join(userData, 'logs')],
    ['temp', tmpdir()],
    ['home', tmpdir()],
  ]);

  constructor() {
    super();
    onWebContentsCreated((contents) =>
      this.emit('web-contents-created', { preventDefault() {} }, contents),
    );
    onAllWindowsClosed(() => this.allWindowsClosed());
  }

  /**
   * As Electron: the last window closed emits 'window-all-closed', except while quitting;
   * with nobody listening, the app quits (a tray app must listen to stay up).
   */
  private allWindowsClosed(): void {
    if (this.quitting) return;
    if (this.listenerCount('window-all-closed') === 0) this.quit();
    else this.emit('window-all-closed');
  }

  whenReady(): Promise<void> {
    this.readyPromise ??= sharedBrowser().then(() => {
      this.ready = true;
      this.emit('ready');
    });
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`fake electron: no path for ${name}`);
    return path;
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  getName(): string {
    return 'MM Tray';
  }

  setName(): void {}

  getVersion(): string {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as {
      version: string;
    };
    return pkg.version;
  }

  getAppPath(): string {
    return process.cwd();
  }

  getLocale(): string {
    return process.env.FAKE_ELECTRON_LOCALE ?? 'en-US';
  }

  getPreferredSystemLanguages(): string[] {
    return [this.getLocale()];
  }

  setAppUserModelId(id: string): void {
    registry.appUserModelId = id;
  }

  setLoginItemSettings(settings: { openAtLogin?: boolean }): void {
    registry.loginItem = { openAtLogin: settings.openAtLogin === true };
  }

  getLoginItemSettings() {
    return { ...registry.loginItem };
  }

  requestSingleInstanceLock(): boolean {
    return requestSingleInstanceLock(this.getPath('userData'), (argv) =>
      this.emit('second-instance', { preventDefault() {} }, argv, process.cwd()),
    );
  }

  focus(): void {}

  quit(): void {
    if (this.quitting) return;
    if (emitPreventable(this, 'before-quit')) {
      // For the harness: whether main held up the quit shows in the app's output.
      process.stderr.write('[fake-electron] before-quit prevented\n');
      return;
    }
    this.quitting = true;
    for (const window of FakeBrowserWindow.getAllWindows()) window.destroy();
    if (emitPreventable(this, 'will-quit')) {
      this.quitting = false;
      return;
    }
    this.emit('quit');
    void this.exit(0);
  }

  async exit(code = 0): Promise<void> {
    await closeBrowser().catch(() => {});
    process.exit(code);
  }
}

export const app = new FakeApp();
