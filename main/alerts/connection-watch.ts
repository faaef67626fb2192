import type { ConnectionState, ConnectionStatus } from '../../common/domain/connection';

export type ConnectionAlert =
  | {
      kind: 'connection-lost';
      /** When the feed stopped being live (or the first attempt began). */
      since: number;
      reason: string | null;
      /** False when the feed has not been live since the watch started. */
      wasLive: boolean;
    }
  | { kind: 'connection-restored'; downSince: number; reason: string | null }
  | { kind: 'auth-failed'; since: number; reason: string | null };

/**
 * Turns connection status changes and time into connection alerts: lost once an outage has
 * lasted `lostAfterMs` (once per outage, whether the feed dropped or never came up), restored
 * only after a lost, auth-failed on entering that state. A user's stop is not an outage, and
 * while the key is rejected the auth-failed alert says it all.
 */
export class ConnectionWatch {
  private state: ConnectionState | null = null;
  private outageSince: number | null = null;
  private reason: string | null = null;
  private lostRaised = false;
  private wasLive = false;

  constructor(private lostAfterMs = 30_000) {}

  setLostAfterMs(ms: number): void {
    this.lostAfterMs = ms;
  }

  onStatus(status: ConnectionStatus, now: number): ConnectionAlert[] {
    const alerts = this.due(now);
    const reason = typeof status.reason === 'string' && status.reason !== '' ? status.reason : null;
    const since = Number.isFinite(status.since) && status.since <= now ? status.since : now;
    switch (status.state) {
      case 'live':
        if (this.lostRaised && this.outageSince !== null) {
          alerts.push({
            kind: 'connection-restored',
            downSince: this.outageSince,
            reason: this.reason,
          });
        }
        this.outageSince = null;
        this.lostRaised = false;
        this.reason = null;
        this.wasLive = true;
        break;
      case 'stopped':
        this.outageSince = null;
        this.lostRaised = false;
        this.reason = null;
        break;
      case 'auth-failed':
        if (this.state !== 'auth-failed') alerts.push({ kind: 'auth-failed', since, reason });
        this.outageSince ??= since;
        this.reason = reason ?? this.reason;
        break;
      default:
        this.outageSince ??= since;
        this.reason = reason ?? this.reason;
    }
    this.state = status.state;
    return alerts;
  }

  /** The connection-lost alert, once the outage has lasted long enough. */
  due(now: number): ConnectionAlert[] {
    const deadline = this.nextDeadline();
    if (deadline === null || now < deadline || this.outageSince === null) return [];
    this.lostRaised = true;
    return [
      {
        kind: 'connection-lost',
        since: this.outageSince,
        reason: this.reason,
        wasLive: this.wasLive,
      },
    ];
  }

  /** Moves the time kept by `deltaMs`: the wall clock it was read from was set. */
  shiftTimes(deltaMs: number): void {
    if (this.outageSince !== null) this.outageSince += deltaMs;
  }

  nextDeadline(): number | null {
    if (this.outageSince === null || this.lostRaised) return null;
    if (this.state === 'auth-failed' || this.state === 'stopped' || this.state === 'live')
      return null;
    return this.outageSince + this.lostAfterMs;
  }
}
