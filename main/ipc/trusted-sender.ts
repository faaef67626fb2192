import { pathToFileURL } from 'node:url';

export type SenderCheck = (url: string) => boolean;

export interface TrustedSenderOptions {
  /** The folder the production renderer is loaded from (out/renderer). */
  rendererDir: string;
  /** The dev server's URL (ELECTRON_RENDERER_URL) when running under electron-vite dev. */
  devServerUrl?: string;
  /** Windows paths compare case-insensitively; defaults to this machine's platform. */
  platform?: NodeJS.Platform;
}

/**
 * Whether a page URL is the app's own: in production a file under the renderer folder;
 * under the dev server, a page of the dev server's origin. Anything else (a site the
 * window was steered to, a file elsewhere on disk, about:blank) is not.
 */
export function createTrustedSenderCheck(options: TrustedSenderOptions): SenderCheck {
  if (options.devServerUrl) {
    const devOrigin = new URL(options.devServerUrl).origin;
    return (url) => parseUrl(url)?.origin === devOrigin;
  }
  const fold = (options.platform ?? process.platform) === 'win32' ? lowerCase : sameCase;
  const dirPrefix = fold(pathToFileURL(options.rendererDir).href.replace(/\/?$/, '/'));
  return (url) => {
    const page = parseUrl(url);
    if (page?.protocol !== 'file:' || page.host !== '') return false;
    page.search = '';
    page.hash = '';
    // URL parsing has already resolved `..` (and its percent-encoded forms).
    return fold(page.href).startsWith(dirPrefix);
  };
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

const lowerCase = (text: string) => text.toLowerCase();
const sameCase = (text: string) => text;
