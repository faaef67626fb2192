/** IPC between the benchmark and its child processes. */

export interface LoadServerConfig {
  /** Broadcasts to pre-serialise for the flood (the paced stream reuses them). */
  frames: number;
  heartbeatMs: number;
}

export type StreamMode = 'idle' | 'flood' | 'paced';

export type LoadServerMessage =
  | {
      type: 'ready';
      port: number;
      frameCount: number;
      frameBytesAvg: number;
      channelMix: Record<string, number>;
      generateMs: number;
    }
  | {
      type: 'flood-done';
      frames: number;
      bytes: number;
      elapsedMs: number;
      /** Time spent waiting for the client to drain the socket. */
      blockedMs: number;
    }
  | { type: 'paced-done'; frames: number; elapsedMs: number }
  | { type: 'idle-closed'; pings: number; heartbeats: number; openMs: number };

/**
 * bare-ws: receive only; parse-floor: receive and JSON.parse; validate-only: receive and
 * parseServerFrame (JSON.parse and validation), keeping nothing; keep-records: that, and
 * the record kept by its id (keep-records.ts); pipeline: the FeedEngine.
 */
export type ClientKind = 'bare-ws' | 'parse-floor' | 'validate-only' | 'keep-records' | 'pipeline';

export type WorkerSpec =
  | { task: 'throughput'; kind: ClientKind; url: string; frames: number; warmupFrames: number }
  | {
      task: 'latency';
      kind: 'pipeline' | 'parse-floor';
      url: string;
      frames: number;
      warmupFrames: number;
      timeoutMs: number;
    }
  | { task: 'heap'; earlyEvents: number; lateEvents: number }
  | { task: 'stages'; frames: number; warmupFrames: number };

export interface ThroughputResult {
  task: 'throughput';
  kind: ClientKind;
  /** Broadcasts timed (after the warm-up). */
  frames: number;
  framesPerSec: number;
  /** The client process's own CPU time (user + system, all threads) per timed frame. */
  cpuUsPerFrame: number;
  /** Pipeline only: frames the engine rejected and notifications the policy raised. */
  badFrames?: number;
  notifications?: number;
}

/** One garbage collection in the client (kind: V8's NodeGcKind bits, 1 minor, 2 major, 4 incremental). */
export interface GcPause {
  atUs: number;
  ms: number;
  kind: number;
}

export interface LatencyResult {
  task: 'latency';
  /** When the server sent each frame (epoch µs), in arrival order. */
  sentAtUs: number[];
  /** Server send to policy done, in microseconds, in arrival order. */
  latenciesUs: number[];
  expected: number;
  badFrames: number;
  notifications: number;
  gc: GcPause[];
  /** After the warm-up: share of wall time the client's main thread waited for a CPU (Linux). */
  runQueueWaitPct: number | null;
  /** After the warm-up: the client's CPU use, all threads and the main thread alone (% of a core). */
  cpuPct: number;
  mainThreadCpuPct: number;
}

export interface HeapPoint {
  events: number;
  heapUsedMb: number;
  storeSizes: Record<string, number>;
}

export interface HeapResult {
  task: 'heap';
  early: HeapPoint;
  late: HeapPoint;
  badFrames: number;
  notifications: number;
  elapsedMs: number;
}

export interface StageResult {
  task: 'stages';
  frames: number;
  /** In-process CPU cost of each stage of the pipeline, µs per frame. */
  usPerFrame: {
    jsonParse: number;
    /** parseServerFrame minus JSON.parse minus the payload schema: the envelope schema and glue. */
    validateEnvelope: number;
    validatePayload: number;
    store: number;
    policy: number;
    /** handleFrame minus store and policy: event emission, sequencing, timers. */
    engineRest: number;
    inProcessTotal: number;
  };
}

export type WorkerResult = ThroughputResult | LatencyResult | HeapResult | StageResult;

export type WorkerMessage =
  | { type: 'result'; result: WorkerResult }
  | { type: 'failed'; message: string };
