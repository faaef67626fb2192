import type { Session, WebContents } from 'electron';
import { isSafeExternalUrl } from './external-url';

export interface HardenOptions {
  /** Whether a URL is the app's own page (navigation to anything else is blocked). */
  isAppUrl: (url: string) => boolean;
  /** Opens a checked https link in the user's browser. */
  openExternal: (url: string) => void;
}

/**
 * No new windows, no navigation away from the app, no webviews. A link the page tries
 * to open goes to the OS browser, and only when it is https.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>,
  options: HardenOptions,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) options.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (options.isAppUrl(url)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) options.openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The dashboard needs no camera, microphone, notifications API, geolocation…: deny all. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
