/**
 * Requests to bring the dashboard up from outside (a second launch, macOS 'activate'),
 * which can come while the app is still starting (the keychain may be waiting for an
 * unlock prompt). They are held until the app is ready, then served once; afterwards each
 * is served at once.
 */
export class ReopenRequests {
  private open: (() => void) | null = null;
  private pending = false;

  request(): void {
    if (this.open) this.open();
    else this.pending = true;
  }

  /** The app can open its dashboard now: serves a request that came meanwhile. */
  ready(open: () => void): void {
    this.open = open;
    if (this.pending) {
      this.pending = false;
      open();
    }
  }
}
