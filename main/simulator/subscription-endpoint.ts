import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { CHANNELS, type Channel, isChannel } from '../../common/protocol/channels';
import { isUuid } from '../../common/uuid';
import {
  type ClientInfo,
  ClientSession,
  type CloseInfo,
  type ConnectionRecord,
  type SessionTarget,
} from './client-session';
import {
  type BroadcastSpec,
  broadcastFrame,
  type ErrorText,
  errorFrame,
  errorText,
  HEARTBEAT,
  type Naming,
  PONG,
  subscribedFrame,
  UNSUBSCRIBED,
} from './outgoing-frames';
import { RecentMap } from './recent-map';
import type { SimulatorKey, SimulatorOptions } from './simulator-options';

export interface EndpointEvents {
  'client-connected': [client: ClientInfo];
  'client-subscribed': [client: ClientInfo];
  'client-unsubscribed': [client: ClientInfo];
  'client-message': [client: ClientInfo, text: string];
  'client-closed': [client: ClientInfo, close: CloseInfo];
}

/** A broadcast to deliver; `client` restricts it to that client's keys (per-client channels). */
export type Delivery = BroadcastSpec & { client?: string };

const SUBSCRIBE_TIMEOUT_TEXT = 'Authentication timeout';
const SHUTDOWN_CODE = 1001;

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function asObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * The `/ws/subscribe` protocol as documented: subscribe within the deadline with a
 * known UUID key, at most N connections per key, per-client filtering of orders,
 * bets and accounts, global scores and emergency, ping/pong, heartbeats, unsubscribe.
 */
export class SubscriptionEndpoint {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<number, ClientSession>();
  private readonly history: RecentMap<number, ConnectionRecord>;
  private readonly slots = new Map<string, Set<ClientSession>>();
  private readonly keys = new Map<string, SimulatorKey>();
  private readonly naming: Naming;
  private heartbeat: ReturnType<typeof setInterval> | null;
  private nextConnectionId = 1;
  private nextSubscriptionId = 1;
  private accepting = true;

  constructor(
    private readonly options: SimulatorOptions,
    private readonly events: EventEmitter<EndpointEvents>,
  ) {
    this.naming = options.legacyNaming ? 'legacy' : 'current';
    for (const key of options.keys) this.keys.set(key.apiKey.toLowerCase(), key);
    this.history = new RecentMap(options.connectionLogLimit);
    this.wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      maxPayload: options.maxClientFrameBytes,
    });
    this.heartbeat = setInterval(() => this.sendHeartbeats(), options.heartbeatIntervalMs);
  }

  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (!this.accepting) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  };

  // Delivery

  broadcast(delivery: Delivery, target?: SessionTarget): number {
    let text: string | null = null;
    let reached = 0;
    for (const session of this.sessions.values()) {
      if (!session.wants(delivery.channel) || !session.matches(target)) continue;
      if (delivery.client !== undefined && session.record.client !== delivery.client) continue;
      text ??= broadcastFrame(delivery, this.naming);
      if (session.send(text)) reached++;
    }
    return reached;
  }

  /** Sends text as it is to every open connection the target matches, subscribed or not. */
  sendRaw(text: string, target?: SessionTarget): number {
    let reached = 0;
    for (const session of this.matching(target)) if (session.send(text)) reached++;
    return reached;
  }

  matching(target?: SessionTarget): ClientSession[] {
    return [...this.sessions.values()].filter((s) => s.matches(target));
  }

  // Introspection

  clients(): ClientInfo[] {
    return [...this.sessions.values()].map((s) => s.info());
  }

  connections(): ConnectionRecord[] {
    return [...this.history.values()];
  }

  connection(id: number): ConnectionRecord | undefined {
    return this.history.get(id);
  }

  connectionCount(apiKey: string): number {
    return this.slots.get(apiKey.toLowerCase())?.size ?? 0;
  }

  get frameNaming(): Naming {
    return this.naming;
  }

  /** Closes every connection (close frame, then a hard cut after the grace period). */
  async close(): Promise<void> {
    this.accepting = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const sessions = [...this.sessions.values()];
    const closed = sessions.map(
      (s) =>
        new Promise<void>((resolve) =>
          s.open ? s.socket.once('close', () => resolve()) : resolve(),
        ),
    );
    for (const session of sessions) {
      if (session.record.silent) session.terminate();
      else session.close(SHUTDOWN_CODE, 'Server shutting down');
    }
    let grace: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(closed),
      new Promise<void>((resolve) => {
        grace = setTimeout(resolve, this.options.closeGraceMs);
      }),
    ]);
    clearTimeout(grace);
    for (const session of sessions) if (session.open) session.terminate();
    await Promise.all(closed);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  // Connection lifecycle

  private accept(ws: WebSocket): void {
    const session = new ClientSession(ws, this.nextConnectionId++, this.options.frameLogLimit);
    this.sessions.set(session.id, session);
    this.history.set(session.id, session.record);
    session.subscribeDeadline = setTimeout(
      () => this.refuse(session, SUBSCRIBE_TIMEOUT_TEXT),
      this.options.subscribeTimeoutMs,
    );
    ws.on('message', (data) => this.receive(session, rawText(data)));
    ws.on('close', (code, reason) => this.closed(session, code, reason.toString('utf8')));
    // Oversized or malformed frames: ws closes the socket itself (1009, 1002); nothing to add.
    ws.on('error', () => {});
    this.events.emit('client-connected', session.info());
  }

  private closed(session: ClientSession, code: number, reason: string): void {
    this.releaseSlot(session);
    this.sessions.delete(session.id);
    const close = session.markClosed(code, reason);
    this.events.emit('client-closed', session.info(), close);
  }

  private receive(session: ClientSession, text: string): void {
    session.logReceived(text);
    this.events.emit('client-message', session.info(), text);
    const message = asObject(text);
    if (!message) {
      this.complain(session, 'Invalid message');
      return;
    }
    switch (message.type) {
      case 'ping':
        session.send(PONG);
        return;
      case 'subscribe':
        this.subscribe(session, message);
        return;
      case 'unsubscribe':
        this.unsubscribe(session);
        return;
      default:
        this.complain(session, 'Unknown message type');
    }
  }

  private subscribe(session: ClientSession, message: Record<string, unknown>): void {
    const rawKey = message.apiKey ?? message.api_key;
    if (rawKey === undefined || rawKey === null || rawKey === '') {
      this.refuse(session, this.documentedError('apiKey required'));
      return;
    }
    if (typeof rawKey !== 'string' || !isUuid(rawKey)) {
      this.refuse(session, this.documentedError('Invalid apiKey format'));
      return;
    }
    const apiKey = rawKey.toLowerCase();
    const key = this.keys.get(apiKey);
    if (!key || key.active === false) {
      this.refuse(session, this.documentedError('Invalid API key'));
      return;
    }
    const sameKey = session.record.subscribed && session.record.apiKey === key.apiKey;
    if (!sameKey && this.connectionCount(apiKey) >= this.options.maxConnectionsPerKey) {
      this.refuse(session, this.documentedError('Connection limit exceeded'));
      return;
    }
    this.releaseSlot(session);
    session.clearDeadline();
    const channels = this.requestedChannels(message.channels);
    Object.assign(session.record, {
      apiKey: key.apiKey,
      client: key.client,
      subscribed: true,
      subscriptionId: this.nextSubscriptionId++,
      channels,
    });
    this.slotsOf(apiKey).add(session);
    session.send(subscribedFrame(session.record.subscriptionId!, channels, this.naming));
    this.events.emit('client-subscribed', session.info());
  }

  /** Unknown channel names are dropped; no list at all means every channel. */
  private requestedChannels(value: unknown): Channel[] {
    if (!Array.isArray(value)) return [...CHANNELS];
    const names = value.filter((v): v is string => typeof v === 'string' && isChannel(v));
    return [...new Set(names)] as Channel[];
  }

  private unsubscribe(session: ClientSession): void {
    const wasSubscribed = session.record.subscribed;
    this.releaseSlot(session);
    session.record.subscribed = false;
    session.record.channels = [];
    if (this.options.acknowledgeUnsubscribe) session.send(UNSUBSCRIBED);
    if (wasSubscribed) this.events.emit('client-unsubscribed', session.info());
  }

  private documentedError(text: ErrorText): string {
    return errorText(text, this.naming);
  }

  /** A refusal that ends the connection, reported in the configured style. */
  private refuse(session: ClientSession, message: string): void {
    // A server playing dead does not enforce its deadline either.
    if (session.record.silent) return;
    if (this.options.errorStyle === 'frame-then-close') {
      session.send(errorFrame(message));
      session.close(this.options.errorCloseCode);
    } else {
      session.close(this.options.errorCloseCode, message);
    }
  }

  /** A complaint that keeps the connection; only the frame style has a way to say it. */
  private complain(session: ClientSession, message: string): void {
    if (this.options.errorStyle === 'frame-then-close') session.send(errorFrame(message));
  }

  private sendHeartbeats(): void {
    for (const session of this.sessions.values()) {
      if (session.record.subscribed) session.send(HEARTBEAT);
    }
  }

  private slotsOf(apiKey: string): Set<ClientSession> {
    let slots = this.slots.get(apiKey);
    if (!slots) {
      slots = new Set();
      this.slots.set(apiKey, slots);
    }
    return slots;
  }

  private releaseSlot(session: ClientSession): void {
    const apiKey = session.record.apiKey?.toLowerCase();
    if (apiKey === undefined) return;
    const slots = this.slots.get(apiKey);
    slots?.delete(session);
    if (slots?.size === 0) this.slots.delete(apiKey);
  }
}
