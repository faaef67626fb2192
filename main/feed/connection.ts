import type { ConnectionState, ConnectionStatus, Gap } from '../../common/domain/connection';
import type { ErrorRecord } from '../../common/domain/events';
import { Emitter } from '../../common/emitter';
import type { Channel } from '../../common/protocol/channels';
import { PING_FRAME, subscribeFrame, UNSUBSCRIBE_FRAME } from '../../common/protocol/client-frames';
import { classifyServerError, isAuthError } from '../../common/protocol/server-errors';
import { parseServerFrame, type ServerFrame } from '../../common/protocol/server-frames';
import { redactSecrets } from '../../common/redact';
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { checkApiKey, checkEndpoint } from './endpoint';
import { createWsSocket, type FeedSocket, frameText, OPEN, type SocketFactory } from './socket';

export interface FeedConnectionOptions {
  url: string;
  apiKey: string;
  channels: readonly Channel[];
  pingIntervalMs: number;
  /** How long after a ping the connection may stay silent before it is declared dead. */
  pongTimeoutMs: number;
  subscribeTimeoutMs: number;
  backoff: BackoffOptions;
  /** A connection live this long resets the backoff. */
  healthyResetMs: number;
  /** The least wait after the server said "Connection limit exceeded". */
  connectionLimitWaitMs: number;
  maxFrameBytes: number;
  /** Deadline for the answer to a "check now" ping, or for a handshake under way to finish. */
  checkTimeoutMs: number;
  /** How long a clean stop waits for the server's close before cutting the socket. */
  stopTimeoutMs: number;
  createSocket: SocketFactory;
  /** The wall clock (epoch ms): when frames arrived, states began, gaps ran. */
  now: () => number;
  /** A clock no clock setting moves, for spans of time (how long the connection stayed live). */
  monotonicNow: () => number;
  random: () => number;
}

const CHECK_FAILED = 'no answer to a connection check';

export const DEFAULT_CONNECTION_OPTIONS = {
  pingIntervalMs: 30_000,
  pongTimeoutMs: 10_000,
  subscribeTimeoutMs: 10_000,
  backoff: DEFAULT_BACKOFF,
  healthyResetMs: 60_000,
  connectionLimitWaitMs: 30_000,
  maxFrameBytes: 1024 * 1024,
  checkTimeoutMs: 5_000,
  stopTimeoutMs: 2_000,
  createSocket: createWsSocket,
  now: () => Date.now(),
  monotonicNow: () => performance.now(),
  random: () => Math.random(),
} satisfies Partial<FeedConnectionOptions>;

export type FeedConnectionEvents = {
  status: [status: ConnectionStatus];
  /** Every valid frame from the server, with the time it arrived and the text it came as. */
  frame: [frame: ServerFrame, receivedAt: number, text: string];
  error: [error: ErrorRecord];
  /** After a reconnect: the stretch in which updates may have been missed. */
  gap: [gap: Gap];
};

type Timer = ReturnType<typeof setTimeout>;

/**
 * One honest subscription to the MM WebSocket: subscribes on open, proves liveness with
 * pings, reconnects with jittered backoff, stops on refused keys, and never holds more
 * than one socket.
 */
export class FeedConnection extends Emitter<FeedConnectionEvents> {
  private readonly options: FeedConnectionOptions;
  private apiKey: string;
  private socket: FeedSocket | null = null;
  private subscribed = false;
  private current: ConnectionStatus;
  private attempt = 0;
  private liveSince: number | null = null;
  private lastInboundAt = 0;
  /** When updates may first have been missed; set when a live connection is lost. */
  private gapFrom: number | null = null;
  private minNextDelay = 0;
  /** When the armed liveness deadline (timers.deadline) runs out. */
  private deadlineAt = 0;
  /** Every field always present (undefined when not armed): a fixed shape, cheap to check per frame. */
  private readonly timers: {
    subscribe: Timer | undefined;
    ping: Timer | undefined;
    deadline: Timer | undefined;
    retry: Timer | undefined;
  } = { subscribe: undefined, ping: undefined, deadline: undefined, retry: undefined };

  constructor(
    options: Partial<FeedConnectionOptions> &
      Pick<FeedConnectionOptions, 'url' | 'apiKey' | 'channels'>,
  ) {
    super();
    this.options = { ...DEFAULT_CONNECTION_OPTIONS, ...options };
    checkEndpoint(this.options.url);
    this.apiKey = checkApiKey(this.options.apiKey);
    this.current = { state: 'stopped', since: this.options.now(), attempt: 0 };
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  start(): void {
    if (this.current.state !== 'stopped' && this.current.state !== 'auth-failed') return;
    this.attempt = 0;
    this.minNextDelay = 0;
    this.setState('connecting');
    this.open();
  }

  /** Stops cleanly: unsubscribe, then close with 1000. Resolves once the socket is gone. */
  async stop(): Promise<void> {
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    this.subscribed = false;
    if (this.current.state !== 'stopped') this.setState('stopped', 'stopped by the user');
    if (!socket) return;
    if (socket.readyState !== OPEN) {
      this.discard(socket);
      return;
    }
    await new Promise<void>((resolve) => {
      const cutoff = setTimeout(() => {
        this.discard(socket);
        resolve();
      }, this.options.stopTimeoutMs);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.on('close', () => {
        clearTimeout(cutoff);
        resolve();
      });
      socket.send(UNSUBSCRIBE_FRAME);
      socket.close(1000, 'client stopping');
    });
  }

  /** A new key ends an auth failure; the connection starts over with it. */
  async setApiKey(apiKey: string): Promise<void> {
    const key = checkApiKey(apiKey);
    const wasRunning = this.current.state !== 'stopped';
    await this.stop();
    this.apiKey = key;
    if (wasRunning) this.start();
  }

  /**
   * "Check now" after sleep or a network change: a live connection must answer a ping
   * promptly or is replaced at once; a connection waiting out its backoff retries now.
   */
  checkNow(): void {
    const { state } = this.current;
    if (state === 'live' && this.socket) {
      this.sendPing(this.options.checkTimeoutMs, CHECK_FAILED);
    } else if (this.socket) {
      // Still opening, or waiting for "subscribed": a handshake that sleep left hanging must
      // also finish within the check's deadline rather than its own, longer one.
      this.armDeadline(this.options.checkTimeoutMs, CHECK_FAILED);
    } else if (state === 'reconnecting' && this.minNextDelay === 0) {
      this.retryNow();
    }
  }

  private open(): void {
    let socket: FeedSocket;
    try {
      socket = this.options.createSocket(this.options.url, {
        maxPayload: this.options.maxFrameBytes,
        handshakeTimeout: this.options.subscribeTimeoutMs,
      });
    } catch (error) {
      this.failToOpen(error);
      return;
    }
    this.socket = socket;
    this.subscribed = false;
    socket.on('open', () => this.onOpen(socket));
    socket.on('message', (data) => this.onMessage(socket, frameText(data)));
    socket.on('error', (error) => this.onSocketError(socket, error));
    socket.on('close', (code, reason) => this.onClose(socket, code, reason.toString('utf8')));
  }

  private onOpen(socket: FeedSocket): void {
    if (socket !== this.socket) return;
    socket.send(subscribeFrame(this.apiKey, this.options.channels));
    this.timers.subscribe = setTimeout(
      () => this.fail(`no "subscribed" reply within ${this.options.subscribeTimeoutMs / 1000} s`),
      this.options.subscribeTimeoutMs,
    );
  }

  private onMessage(socket: FeedSocket, text: string): void {
    if (socket !== this.socket) return;
    const now = this.options.now();
    this.lastInboundAt = now;
    // Any inbound frame answers the ping; the check is per frame, the clearing rare.
    if (this.timers.deadline !== undefined) this.clearTimer('deadline');
    const result = parseServerFrame(text);
    if (!result.ok) {
      this.emit('error', { message: redactSecrets(result.error), at: now, source: 'bad-frame' });
      return;
    }
    const frame = result.frame;
    if (frame.type === 'subscribed') this.onSubscribed(now);
    else if (frame.type === 'error') this.onServerError(frame.message, now);
    this.emit('frame', frame, now, text);
  }

  private onSubscribed(now: number): void {
    if (this.subscribed) return;
    this.subscribed = true;
    this.clearTimer('subscribe');
    this.liveSince = this.options.monotonicNow();
    this.minNextDelay = 0;
    this.schedulePing();
    // The gap first: whoever hears "live" then knows already what it may have missed.
    if (this.gapFrom !== null) {
      this.emit('gap', { from: this.gapFrom, to: now });
      this.gapFrom = null;
    }
    this.setState('live');
  }

  private onServerError(message: string, now: number): void {
    this.emit('error', { message: redactSecrets(`server: ${message}`), at: now, source: 'server' });
    const kind = classifyServerError(message);
    if (isAuthError(kind)) this.refuse(message);
    else if (kind === 'connection-limit') this.minNextDelay = this.options.connectionLimitWaitMs;
  }

  private onSocketError(socket: FeedSocket, error: Error): void {
    if (socket !== this.socket) return;
    this.emit('error', {
      message: redactSecrets(error.message || 'socket error'),
      at: this.options.now(),
      source: 'socket',
    });
  }

  private onClose(socket: FeedSocket, code: number, reason: string): void {
    if (socket !== this.socket) return;
    const kind = reason ? classifyServerError(reason) : 'other';
    if (isAuthError(kind)) {
      this.refuse(reason);
      return;
    }
    if (kind === 'connection-limit') this.minNextDelay = this.options.connectionLimitWaitMs;
    this.fail(reason ? `closed by the server (${code}: ${reason})` : `connection closed (${code})`);
  }

  /** The key was refused: no retry until it changes. */
  private refuse(message: string): void {
    const socket = this.socket;
    this.socket = null;
    this.clearTimers();
    if (socket) this.discard(socket, 1000);
    this.setState('auth-failed', message);
  }

  /** The current socket is finished; replace it after a backoff. */
  private fail(reason: string, immediate = false): void {
    const socket = this.socket;
    if (!socket || this.current.state === 'stopped' || this.current.state === 'auth-failed') return;
    this.socket = null;
    this.clearTimers();
    this.discard(socket);
    const now = this.options.now();
    if (this.subscribed) {
      this.gapFrom = this.lastInboundAt || now;
      const liveFor = this.liveSince === null ? 0 : this.options.monotonicNow() - this.liveSince;
      if (liveFor >= this.options.healthyResetMs) this.attempt = 0;
    }
    this.subscribed = false;
    this.liveSince = null;
    this.scheduleRetry(reason, immediate, now);
  }

  /** The next attempt, after the backoff (or at once, but never before a wait the server asked for). */
  private scheduleRetry(reason: string, immediate: boolean, now: number): void {
    const delay = immediate
      ? this.minNextDelay
      : Math.max(
          this.minNextDelay,
          backoffDelay(this.attempt, this.options.backoff, this.options.random),
        );
    this.attempt += 1;
    this.timers.retry = setTimeout(() => this.retryNow(), delay);
    this.setState('reconnecting', reason, now + delay, now);
  }

  private retryNow(): void {
    this.clearTimer('retry');
    this.minNextDelay = 0;
    this.setState('reconnecting', 'connecting…');
    this.open();
  }

  /**
   * No socket could even be made (ws refuses some URLs only then): a failed attempt like
   * any other, retried after the backoff, rather than an exception that leaves the state
   * "connecting" with nothing behind it.
   */
  private failToOpen(error: unknown): void {
    const now = this.options.now();
    const reason = redactSecrets(error instanceof Error ? error.message : String(error));
    this.socket = null;
    this.emit('error', { message: reason, at: now, source: 'socket' });
    this.scheduleRetry(reason, false, now);
  }

  private schedulePing(): void {
    this.timers.ping = setTimeout(() => {
      this.sendPing(
        this.options.pongTimeoutMs,
        `no answer to ping within ${this.options.pongTimeoutMs / 1000} s`,
      );
      this.schedulePing();
    }, this.options.pingIntervalMs);
  }

  private sendPing(deadlineMs: number, reason: string): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return;
    socket.send(PING_FRAME);
    this.armDeadline(deadlineMs, reason);
  }

  /**
   * Unless a frame arrives within `ms`, the connection is dead and replaced at once. A
   * deadline already armed stands when it is the earlier one, and is brought forward when not.
   */
  private armDeadline(ms: number, reason: string): void {
    const due = this.options.now() + ms;
    if (this.timers.deadline !== undefined) {
      if (this.deadlineAt <= due) return;
      this.clearTimer('deadline');
    }
    this.deadlineAt = due;
    this.timers.deadline = setTimeout(() => this.fail(reason, true), ms);
  }

  /** Ends a socket for good: no listener of ours stays on it to keep it alive. */
  private discard(socket: FeedSocket, code?: number): void {
    socket.removeAllListeners();
    socket.on('error', () => {});
    if (code !== undefined && socket.readyState === OPEN) socket.close(code);
    else socket.terminate();
  }

  private setState(
    state: ConnectionState,
    reason?: string,
    retryAt?: number,
    now = this.options.now(),
  ): void {
    const since = state === this.current.state ? this.current.since : now;
    const status: ConnectionStatus = { state, since, attempt: this.attempt };
    // Reasons carry server text (error frames, close reasons) on their way to the dashboard
    // and the logs; a server that echoes the key must not put it there.
    if (reason !== undefined) status.reason = redactSecrets(reason);
    if (retryAt !== undefined) status.retryAt = retryAt;
    this.current = status;
    this.emit('status', status);
  }

  private clearTimer(name: keyof typeof this.timers): void {
    const timer = this.timers[name];
    if (timer !== undefined) clearTimeout(timer);
    this.timers[name] = undefined;
  }

  private clearTimers(): void {
    this.clearTimer('subscribe');
    this.clearTimer('ping');
    this.clearTimer('deadline');
    this.clearTimer('retry');
  }
}
