import { FakeBrowserWindow } from './browser-window';
import { registry } from './registry';

/** session.setPermissionRequestHandler's handler, as main passes it. */
export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;

/** session.setPermissionCheckHandler's handler, as main passes it. */
export type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: { requestingUrl: string; isMainFrame: boolean; embeddingOrigin: string },
) => boolean;

/** What the session's handlers answered; `true` where none is set, as Electron grants then. */
export interface PermissionAnswers {
  request: boolean | null;
  check: boolean;
}

const ANSWER_WAIT_MS = 2_000;

/**
 * The page of the last window asks for a permission, as Chromium would ask the session:
 * the request handler (its callback answers, possibly later; null when it never does)
 * and the check handler.
 */
export async function askPermission(permission: string): Promise<PermissionAnswers> {
  const contents = FakeBrowserWindow.getAllWindows().at(-1)?.webContents ?? null;
  const url = contents?.getURL() ?? '';
  const origin = url.startsWith('file:') ? 'file:///' : url ? new URL(url).origin : '';
  const details = { requestingUrl: url, isMainFrame: true };
  const requestHandler = registry.permissionRequestHandler;
  const request = requestHandler
    ? await new Promise<boolean | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), ANSWER_WAIT_MS);
        requestHandler(
          contents,
          permission,
          (granted) => {
            clearTimeout(timer);
            resolve(granted);
          },
          details,
        );
      })
    : true;
  const checkHandler = registry.permissionCheckHandler;
  const check = checkHandler
    ? checkHandler(contents, permission, origin, { ...details, embeddingOrigin: origin })
    : true;
  return { request, check };
}
