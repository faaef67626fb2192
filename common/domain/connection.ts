export const CONNECTION_STATES = [
  'connecting',
  'live',
  'reconnecting',
  'auth-failed',
  'stopped',
] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** A stretch of time in which updates may have been missed (the server never replays). */
export interface Gap {
  from: number;
  to: number;
}

export interface ConnectionStatus {
  state: ConnectionState;
  /** When the connection entered this state (epoch ms). */
  since: number;
  /** Why the connection is in this state, when there is something to say. */
  reason?: string;
  /** When the next connection attempt is due (reconnecting only). */
  retryAt?: number;
  /** The reconnect attempt number since the connection was last healthy. */
  attempt: number;
}
