import type { WebSocket } from 'ws';
import type { Channel } from '../../common/protocol/channels';

export interface ReceivedFrame {
  at: number;
  text: string;
}

export interface CloseInfo {
  code: number;
  reason: string;
  /** Who ended the connection: the client (close frame or lost socket) or the server. */
  by: 'client' | 'server';
  at: number;
}

/** What a test can see of one connection, open or already closed. */
export interface ConnectionRecord {
  id: number;
  connectedAt: number;
  /** The key of the current (or last) accepted subscription. */
  apiKey?: string;
  client?: string;
  subscribed: boolean;
  subscriptionId?: number;
  channels: Channel[];
  /** The server has gone quiet on this connection (fault). */
  silent: boolean;
  open: boolean;
  /** Frames the client sent, oldest first (bounded). */
  received: ReceivedFrame[];
  /** Frames the server sent on this connection. */
  sentCount: number;
  close?: CloseInfo;
}

export type ClientInfo = Omit<ConnectionRecord, 'received'>;

export interface SessionTarget {
  connectionId?: number;
  apiKey?: string;
  client?: string;
}

/** One WebSocket connection and everything the server knows about it. */
export class ClientSession {
  readonly record: ConnectionRecord;
  subscribeDeadline: ReturnType<typeof setTimeout> | null = null;
  private serverClose: { code: number; reason: string } | null = null;

  constructor(
    readonly socket: WebSocket,
    id: number,
    private readonly frameLogLimit: number,
  ) {
    this.record = {
      id,
      connectedAt: Date.now(),
      subscribed: false,
      channels: [],
      silent: false,
      open: true,
      received: [],
      sentCount: 0,
    };
  }

  get id(): number {
    return this.record.id;
  }

  get open(): boolean {
    return this.record.open;
  }

  info(): ClientInfo {
    const { received: _received, ...info } = this.record;
    return { ...info, channels: [...info.channels] };
  }

  matches(target: SessionTarget | undefined): boolean {
    if (!target) return true;
    if (target.connectionId !== undefined && target.connectionId !== this.id) return false;
    if (
      target.apiKey !== undefined &&
      (!this.record.subscribed || target.apiKey !== this.record.apiKey)
    ) {
      return false;
    }
    if (
      target.client !== undefined &&
      (!this.record.subscribed || target.client !== this.record.client)
    ) {
      return false;
    }
    return true;
  }

  wants(channel: Channel): boolean {
    return this.record.subscribed && this.record.channels.includes(channel);
  }

  logReceived(text: string): void {
    const log = this.record.received;
    log.push({ at: Date.now(), text });
    if (log.length > this.frameLogLimit) log.splice(0, log.length - this.frameLogLimit);
  }

  /** Sends unless the connection is closing or the server plays dead on it. */
  send(text: string, done?: (error?: Error) => void): boolean {
    if (this.record.silent || this.socket.readyState !== this.socket.OPEN) return false;
    this.record.sentCount++;
    this.socket.send(text, done);
    return true;
  }

  /** A normal close with a close frame. */
  close(code: number, reason = ''): void {
    this.clearDeadline();
    if (this.socket.readyState === this.socket.CLOSED) return;
    this.serverClose ??= { code, reason };
    this.socket.close(code, reason);
  }

  /** Cuts the TCP connection without a close frame. */
  terminate(): void {
    this.clearDeadline();
    this.serverClose ??= { code: 1006, reason: 'terminated' };
    this.socket.terminate();
  }

  /** Stops reading (so no automatic pong or close answer) and sending; TCP stays open. */
  silence(): void {
    this.record.silent = true;
    this.socket.pause();
  }

  unsilence(): void {
    this.record.silent = false;
    this.socket.resume();
  }

  clearDeadline(): void {
    if (this.subscribeDeadline) clearTimeout(this.subscribeDeadline);
    this.subscribeDeadline = null;
  }

  /** Records the end of the connection; returns what is known about it. */
  markClosed(code: number, reason: string): CloseInfo {
    this.clearDeadline();
    this.record.open = false;
    this.record.subscribed = false;
    const close: CloseInfo = this.serverClose
      ? { ...this.serverClose, by: 'server', at: Date.now() }
      : { code, reason, by: 'client', at: Date.now() };
    this.record.close = close;
    return close;
  }
}
