import { checkEndpoint } from '../feed/endpoint';

export const REST_PATH = '/api/v1';

/**
 * The REST base URL that goes with a WebSocket URL: same host and port, wss → https,
 * ws → http, path /api/v1. Applies the socket's rule first (plain ws:// only to this
 * machine), so the key never travels unencrypted over REST either.
 */
export function restBaseUrl(wsUrl: string): string {
  const url = checkEndpoint(wsUrl);
  const protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  return `${protocol}//${url.host}${REST_PATH}`;
}
