import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  RenderProcessGoneDetails,
} from 'electron';
import type { WindowState } from '../settings/window-state';

export interface DashboardWindowOptions {
  /** Creates the window (the root passes `new BrowserWindow(options)`). */
  create: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  /** Loads the renderer into a new window. */
  load: (window: BrowserWindow) => Promise<void>;
  webPreferences: BrowserWindowConstructorOptions['webPreferences'];
  /** The window's title; the page's own <title> never replaces it. */
  title: () => string;
  /** The window icon, where the platform takes it from the window (Linux). */
  icon?: string;
  /** Where the window was last time, already placed on the current displays. */
  savedState: () => WindowState;
  saveState: (state: WindowState) => void;
  /** Called once the window's page has loaded (the root sends it a snapshot). */
  onReady: (window: BrowserWindow) => void;
  /** Told when the page's renderer died; the window is then dropped and built anew. */
  log?: (message: string) => void;
  /**
   * Windows: the user is logging off or the system is shutting down (the window's
   * 'session-end'; Electron has no powerMonitor 'shutdown' there). The process may be ended
   * any moment after it.
   */
  onSessionEnd?: () => void;
}

/**
 * The one dashboard window. Closing it destroys it (its renderer memory is freed during
 * weeks in the tray); the app itself stays in the tray. Opening it again builds it anew,
 * and it starts from a snapshot, so it is always complete. A window whose renderer died
 * (crashed, killed, out of memory) is destroyed the same way: a dead page shows nothing
 * and never recovers, so the next show() builds a fresh one.
 */
export class DashboardWindow {
  private window: BrowserWindow | null = null;
  private loaded: Promise<void> | null = null;

  constructor(private readonly options: DashboardWindowOptions) {}

  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** Shows and focuses the dashboard, creating it if needed; resolves once it has loaded. */
  async show(): Promise<BrowserWindow> {
    const existing = this.current;
    if (existing?.webContents.isCrashed()) {
      this.options.log?.('dashboard renderer had crashed: building a new window');
      this.discard(existing);
    } else if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      await this.loaded;
      return existing;
    }
    const saved = this.options.savedState();
    const window = this.options.create({
      width: saved.width,
      height: saved.height,
      ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: this.options.title(),
      ...(this.options.icon ? { icon: this.options.icon } : {}),
      backgroundColor: '#111418',
      webPreferences: this.options.webPreferences,
    });
    this.window = window;
    if (saved.maximized) window.maximize();
    // Electron would retitle the window with the page's <title>, dropping "— DEMO".
    window.on('page-title-updated', (event) => event.preventDefault());
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    const remember = () => {
      if (window.isDestroyed() || window.isMinimized()) return;
      this.options.saveState({ ...window.getNormalBounds(), maximized: window.isMaximized() });
    };
    for (const change of ['resize', 'move', 'maximize', 'unmaximize', 'close'] as const) {
      window.on(change as 'resize', remember);
    }
    window.on('session-end', () => this.options.onSessionEnd?.());
    window.on('closed', () => {
      if (this.window === window) {
        this.window = null;
        this.loaded = null;
      }
    });
    window.webContents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
      this.options.log?.(
        `dashboard renderer gone (${details.reason}, exit code ${details.exitCode}): closing its window`,
      );
      this.discard(window);
    });
    this.loaded = this.options.load(window).then(() => {
      if (!window.isDestroyed()) this.options.onReady(window);
    });
    await this.loaded;
    return window;
  }

  setTitle(title: string): void {
    this.current?.setTitle(title);
  }

  close(): void {
    this.current?.close();
  }

  private discard(window: BrowserWindow): void {
    if (this.window === window) {
      this.window = null;
      this.loaded = null;
    }
    if (!window.isDestroyed()) window.destroy();
  }
}
