import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface WindowBounds {
  bounds: Rectangle;
  maximized: boolean;
}

export interface DashboardWindowOptions {
  /** Creates the window (the root passes `new BrowserWindow(options)`). */
  create: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  /** Loads the renderer into a new window. */
  load: (window: BrowserWindow) => Promise<void>;
  /** Security settings for each new window's contents. */
  harden: (window: BrowserWindow) => void;
  webPreferences: BrowserWindowConstructorOptions['webPreferences'];
  title: () => string;
  savedBounds: () => WindowBounds | null;
  saveBounds: (state: WindowBounds) => void;
  /** Called once the window's page has loaded (the root sends it a snapshot). */
  onReady: (window: BrowserWindow) => void;
}

/**
 * The one dashboard window. Closing it destroys it (its renderer memory is freed during
 * weeks in the tray); the app itself stays in the tray. Opening it again builds it anew,
 * and it starts from a snapshot, so it is always complete.
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
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      await this.loaded;
      return existing;
    }
    const saved = this.options.savedBounds();
    const window = this.options.create({
      width: saved?.bounds.width ?? 1180,
      height: saved?.bounds.height ?? 760,
      ...(saved ? { x: saved.bounds.x, y: saved.bounds.y } : {}),
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: this.options.title(),
      backgroundColor: '#111418',
      webPreferences: this.options.webPreferences,
    });
    this.window = window;
    if (saved?.maximized) window.maximize();
    this.options.harden(window);
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.on('close', () => {
      this.options.saveBounds({
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized(),
      });
    });
    window.on('closed', () => {
      if (this.window === window) {
        this.window = null;
        this.loaded = null;
      }
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
}
