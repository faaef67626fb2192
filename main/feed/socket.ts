import WebSocket from 'ws';

/** The part of a `ws` WebSocket the feed connection uses; tests substitute a fake. */
export interface FeedSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'open', listener: () => void): unknown;
  on(event: 'message', listener: (data: WebSocket.RawData, isBinary: boolean) => void): unknown;
  on(event: 'close', listener: (code: number, reason: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
}

export interface SocketOptions {
  maxPayload: number;
  handshakeTimeout: number;
}

export type SocketFactory = (url: string, options: SocketOptions) => FeedSocket;

export const OPEN = WebSocket.OPEN;
export const CONNECTING = WebSocket.CONNECTING;

export const createWsSocket: SocketFactory = (url, options) =>
  new WebSocket(url, {
    maxPayload: options.maxPayload,
    handshakeTimeout: options.handshakeTimeout,
  });

export function frameText(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
