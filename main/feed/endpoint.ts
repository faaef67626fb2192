import { isLoopbackHost } from '../../common/net/loopback';
import { isUuid } from '../../common/uuid';

export const PRODUCTION_URL = 'wss://mmapi.55-tech.com/ws/subscribe';

export class EndpointError extends Error {}

/**
 * Checks the endpoint before any connection is made. Plain ws:// is allowed only to
 * this machine: anywhere else the API key would travel in clear.
 */
export function checkEndpoint(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EndpointError(`not a valid URL: ${url}`);
  }
  // WebSocket URLs cannot have one (RFC 6455); the socket would refuse it only when opened.
  if (parsed.hash !== '' || url.includes('#')) {
    throw new EndpointError(`the endpoint cannot have a #fragment: ${url}`);
  }
  if (parsed.protocol === 'wss:') return parsed;
  if (parsed.protocol === 'ws:') {
    if (isLoopbackHost(parsed.hostname)) return parsed;
    throw new EndpointError(
      `refusing ws:// to ${parsed.hostname}: the API key would travel unencrypted; use wss://`,
    );
  }
  throw new EndpointError(`the endpoint must be a wss:// URL, not ${parsed.protocol}//`);
}

export function checkApiKey(key: string | undefined): string {
  if (key === undefined || key.trim() === '') throw new EndpointError('no API key given');
  const trimmed = key.trim();
  if (!isUuid(trimmed))
    throw new EndpointError('the API key must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)');
  return trimmed;
}
