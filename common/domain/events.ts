import type { Broadcast } from '../protocol/server-frames';

/** A broadcast as the app keeps it: the frame plus when and in which order it arrived. */
export type FeedEvent = Broadcast & {
  /** Increases by one for every broadcast the engine receives. */
  seq: number;
  receivedAt: number;
};

export interface ErrorRecord {
  /** What went wrong, for a person; never contains the API key. */
  message: string;
  at: number;
  /**
   * bad-frame: a frame failed to parse or validate; socket: transport trouble; server: the
   * server said so; rest: a REST read failed (the CLI's read of the emergency state).
   */
  source: 'bad-frame' | 'socket' | 'server' | 'rest';
}
