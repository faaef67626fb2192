/** How much work each measurement does; `--quick` (or BENCH_QUICK=1) is a smoke run. */
export interface BenchOptions {
  quick: boolean;
  /** Broadcasts the load server streams to each throughput client. */
  throughputFrames: number;
  /** The first broadcasts of each throughput run are not timed (JIT warm-up, connect). */
  throughputWarmupFrames: number;
  /** Each throughput client runs this many times; the median is reported. */
  throughputRepeats: number;
  latencyFramesPerSecond: number;
  latencySeconds: number;
  /** Latency samples from the first second are reported separately (JIT warm-up). */
  latencyWarmupFrames: number;
  /** Heap after GC is read after this many events, then again after heapLateEvents. */
  heapEarlyEvents: number;
  heapLateEvents: number;
  /** Length of the idle CPU window, counted from shortly after the CLI went live. */
  idleWindowMs: number;
  /** Wait between "live" and the first CPU sample, so start-up work is not counted. */
  idleSettleMs: number;
  /** Frames for the in-process per-stage breakdown, and how many of them warm up. */
  stageFrames: number;
  stageWarmupFrames: number;
  /** Server heartbeat interval in idle mode (the real server: 60 s; 10 s is stricter). */
  heartbeatMs: number;
}

export const FULL_RUN: BenchOptions = {
  quick: false,
  throughputFrames: 250_000,
  throughputWarmupFrames: 25_000,
  throughputRepeats: 3,
  latencyFramesPerSecond: 1_000,
  latencySeconds: 10,
  latencyWarmupFrames: 1_000,
  heapEarlyEvents: 100_000,
  heapLateEvents: 1_000_000,
  idleWindowMs: 60_000,
  idleSettleMs: 1_000,
  stageFrames: 110_000,
  stageWarmupFrames: 10_000,
  heartbeatMs: 10_000,
};

export const QUICK_RUN: BenchOptions = {
  ...FULL_RUN,
  quick: true,
  throughputFrames: 20_000,
  throughputWarmupFrames: 2_000,
  throughputRepeats: 1,
  latencySeconds: 3,
  heapEarlyEvents: 100_000,
  heapLateEvents: 200_000,
  idleWindowMs: 5_000,
  stageFrames: 20_000,
  stageWarmupFrames: 5_000,
};

export function benchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const quick = argv.includes('--quick') || env.BENCH_QUICK === '1';
  return quick ? QUICK_RUN : FULL_RUN;
}
