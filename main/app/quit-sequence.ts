export interface QuitSequenceOptions {
  /** Stops the feed (unsubscribe, close 1000) and flushes what is unsaved. */
  cleanUp: () => Promise<unknown>;
  /** After a full cleanup, just before quitting again: lets go of tray, notifications… */
  release: () => void;
  quit: () => void;
  log: (message: string) => void;
  now?: () => number;
}

/**
 * How long after the system says it is shutting down a quit is taken as part of it. A
 * logout can still be cancelled (another app refuses to quit): a quit the user asks for
 * later gets the full cleanup again.
 */
export const SHUTDOWN_QUIT_WINDOW_MS = 30_000;

/**
 * What happens on 'before-quit'. A quit the user asked for waits for the cleanup (the
 * server then sees an unsubscribe and a clean close) and quits again afterwards. When the
 * system is shutting down or logging out, macOS reads a prevented quit as the app refusing
 * to quit and halts the shutdown; so then the quit goes ahead at once and the cleanup is
 * only started, best effort.
 */
export class QuitSequence {
  private started = false;
  private shutdownAt: number | null = null;
  private readonly now: () => number;

  constructor(private readonly options: QuitSequenceOptions) {
    // A span of time, not a time of day: the monotonic clock, which no clock setting moves.
    this.now = options.now ?? (() => performance.now());
  }

  /** powerMonitor 'shutdown': the system is about to shut down or log out. */
  systemShutdown(): void {
    this.shutdownAt = this.now();
  }

  private get systemShuttingDown(): boolean {
    return this.shutdownAt !== null && this.now() - this.shutdownAt <= SHUTDOWN_QUIT_WINDOW_MS;
  }

  beforeQuit(event: { preventDefault(): void }): void {
    if (this.started) return;
    this.started = true;
    // Starts at once (the unsubscribe goes out before this returns); never rejects.
    const cleanUp = async () => {
      try {
        await this.options.cleanUp();
      } catch {}
    };
    if (this.systemShuttingDown) {
      this.options.log('system shutting down: quitting now, stopping the feed best effort');
      void cleanUp();
      return;
    }
    event.preventDefault();
    this.options.log('quitting: stopping the feed');
    void cleanUp().then(() => {
      this.options.release();
      this.options.quit();
    });
  }
}
