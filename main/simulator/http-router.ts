import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export type RouteParams = Record<string, string>;

export type RequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: RouteParams,
  url: URL,
) => void | Promise<void>;

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

interface Route {
  method: string;
  segments: string[];
  handler: RequestHandler;
}

function splitPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * Decodes a path parameter as Python's `unquote` does for a FastAPI server: escapes that
 * are not UTF-8 become U+FFFD and a stray `%` stays as it is, so the route answers (a 422
 * for an order id that is no number) where decodeURIComponent would throw a URIError.
 */
export function decodePathSegment(segment: string): string {
  return segment.replace(/(?:%[0-9a-f]{2})+/gi, (escapes) =>
    Buffer.from(escapes.replaceAll('%', ''), 'hex').toString('utf8'),
  );
}

/** The request target as a URL, or null when it is none (`GET http://[::1/x`). */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/** Matches `/api/v1/orders/:orderId/cancel` style patterns; returns the captured parameters. */
function matchSegments(pattern: string[], path: string[]): RouteParams | null {
  if (pattern.length !== path.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const actual = path[i]!;
    if (expected.startsWith(':')) params[expected.slice(1)] = decodePathSegment(actual);
    else if (expected !== actual) return null;
  }
  return params;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}

/** Answers an upgrade request that nobody takes, then drops the socket. */
function refuseUpgrade(socket: Duplex, status: number, statusText: string): void {
  const body = JSON.stringify({ detail: statusText });
  socket.on('error', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

/**
 * A small router for the simulator's HTTP side: plain requests by method and path
 * (the REST API can be added here later) and WebSocket upgrades by path.
 */
export class HttpRouter {
  private readonly routes: Route[] = [];
  private readonly upgrades = new Map<string, UpgradeHandler>();

  route(method: string, path: string, handler: RequestHandler): this {
    this.routes.push({ method: method.toUpperCase(), segments: splitPath(path), handler });
    return this;
  }

  get(path: string, handler: RequestHandler): this {
    return this.route('GET', path, handler);
  }

  post(path: string, handler: RequestHandler): this {
    return this.route('POST', path, handler);
  }

  upgrade(path: string, handler: UpgradeHandler): this {
    this.upgrades.set(splitPath(path).join('/'), handler);
    return this;
  }

  /**
   * Answers every request, whatever it holds: an exception here would be uncaught in the
   * server's 'request' listener and end the whole process (the simulator inside --demo too).
   */
  handleRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = requestUrl(req);
    if (!url) {
      req.resume();
      sendJson(res, 400, { detail: 'Bad Request' });
      return;
    }
    const path = splitPath(url.pathname);
    let pathKnown = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, path);
      if (!params) continue;
      pathKnown = true;
      if (route.method !== req.method) continue;
      // The executor turns a handler's synchronous throw into a rejection too.
      new Promise<void>((resolve) => resolve(route.handler(req, res, params, url))).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { detail: 'Internal Server Error' });
        else res.destroy();
      });
      return;
    }
    req.resume();
    if (pathKnown) sendJson(res, 405, { detail: 'Method Not Allowed' });
    else sendJson(res, 404, { detail: 'Not Found' });
  };

  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = requestUrl(req);
    if (!url) {
      refuseUpgrade(socket, 400, 'Bad Request');
      return;
    }
    const handler = this.upgrades.get(splitPath(url.pathname).join('/'));
    if (!handler) {
      refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    try {
      handler(req, socket, head);
    } catch {
      socket.destroy();
    }
  };
}
