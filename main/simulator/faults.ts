import type { Channel } from '../../common/protocol/channels';
import type { ClientSession, SessionTarget } from './client-session';
import { broadcastFrame } from './outgoing-frames';
import type { SubscriptionEndpoint } from './subscription-endpoint';

export type JunkKind =
  /** Text that is not JSON at all. */
  | 'not-json'
  /** JSON, but a broadcast whose payload is not an object. */
  | 'wrong-shape'
  /** A well-formed broadcast whose orders payload has no order id. */
  | 'invalid-payload'
  /** A frame type nobody documented. */
  | 'unknown-type'
  /** A valid broadcast padded to `bytes` bytes. */
  | 'oversized';

export interface FloodOptions {
  channel?: Channel;
  target?: SessionTarget;
}

/** Ways to misbehave on purpose, so tests can see how a client copes. */
export interface FaultControls {
  /** Cuts connections without a close frame (like a crashed server or a lost network). */
  drop(target?: SessionTarget): number;
  /** Stops answering and sending on these connections, TCP left open: a half-open server. */
  silence(target?: SessionTarget): number;
  unsilence(target?: SessionTarget): number;
  /** Closes connections with a close frame carrying this code and reason. */
  closeWith(code: number, reason?: string, target?: SessionTarget): number;
  /** Sends a malformed frame; returns the connections reached. */
  junk(kind: JunkKind, target?: SessionTarget, options?: { bytes?: number }): number;
  /** Sends `count` broadcasts on a channel to each subscriber as fast as the socket takes them. */
  flood(count: number, options?: FloodOptions): Promise<number>;
}

const DEFAULT_OVERSIZED_BYTES = 2 * 1024 * 1024;

function oversizedFrame(bytes: number): string {
  const head =
    '{"type":"broadcast","channel":"scores","event":"UPDATE","payload":{"fixtureId":"id1000000000000001","padding":"';
  const tail = '"}}';
  return head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
}

export function junkFrame(kind: JunkKind, bytes = DEFAULT_OVERSIZED_BYTES): string {
  switch (kind) {
    case 'not-json':
      return 'this is not JSON {';
    case 'wrong-shape':
      return '{"type":"broadcast","channel":"orders","event":"INSERT","payload":"not an object"}';
    case 'invalid-payload':
      return '{"type":"broadcast","channel":"orders","event":"INSERT","payload":{"orderStatus":"PLACED"}}';
    case 'unknown-type':
      return '{"type":"surprise","data":{"value":1}}';
    case 'oversized':
      return oversizedFrame(bytes);
  }
}

/** A plausible payload for flood frame number `i` on a channel. */
export function floodPayload(channel: Channel, i: number): Record<string, unknown> {
  const at = new Date(Date.UTC(2026, 1, 15, 10, 0, 0) + i * 1000).toISOString();
  switch (channel) {
    case 'orders':
      return {
        orderId: 900_000 + i,
        fixtureId: 'id1000000900000001',
        exchange: 'polymarket',
        orderStatus: 'PLACED',
        matchedStatus: 'NOT_MATCHED',
        orderCents: 0.45,
        orderStake: 100,
        matchedStake: 0,
        updatedAt: at,
      };
    case 'bets':
      return {
        betId: 900_000 + i,
        orderId: 900_000 + i,
        bookmaker: 'vertex',
        betStatus: 'placed',
        placedAt: at,
      };
    case 'accounts':
      return {
        username: 'flood-account',
        exchange: 'polymarket',
        active: true,
        balance: 10_000 - i,
      };
    case 'scores':
      return {
        fixtureId: 'id1000000900000001',
        live: true,
        statusId: 1,
        currentPeriod: '2nd Half',
        currentMinute: 46 + (i % 45),
        scores: { home: i % 4, away: i % 3, period1Home: 0, period1Away: 0 },
      };
    case 'emergency':
      return { emergency: i % 2 === 0, reason: i % 2 === 0 ? 'Flood test' : null, triggeredAt: at };
  }
}

function sendAll(session: ClientSession, frames: () => Iterable<string>): Promise<number> {
  return new Promise((resolve) => {
    let sent = 0;
    let last: string | null = null;
    for (const frame of frames()) {
      if (last !== null && session.send(last)) sent++;
      last = frame;
    }
    if (last === null || !session.send(last, () => resolve(sent + 1))) resolve(sent);
  });
}

export function createFaultControls(endpoint: SubscriptionEndpoint): FaultControls {
  const each = (target: SessionTarget | undefined, act: (s: ClientSession) => void): number => {
    const sessions = endpoint.matching(target);
    for (const session of sessions) act(session);
    return sessions.length;
  };
  return {
    drop: (target) => each(target, (s) => s.terminate()),
    silence: (target) => each(target, (s) => s.silence()),
    unsilence: (target) => each(target, (s) => s.unsilence()),
    closeWith: (code, reason = '', target) => each(target, (s) => s.close(code, reason)),
    junk: (kind, target, options) => endpoint.sendRaw(junkFrame(kind, options?.bytes), target),
    async flood(count, options = {}) {
      const channel = options.channel ?? 'scores';
      const recipients = endpoint.matching(options.target).filter((s) => s.wants(channel));
      const frames = function* (): Generator<string> {
        for (let i = 0; i < count; i++) {
          yield broadcastFrame(
            { channel, event: 'UPDATE', payload: floodPayload(channel, i) },
            endpoint.frameNaming,
          );
        }
      };
      const sent = await Promise.all(recipients.map((s) => sendAll(s, frames)));
      return sent.reduce((sum, n) => sum + n, 0);
    },
  };
}
