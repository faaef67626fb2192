import { type LoadServer, runWorker } from './children';
import type {
  ClientKind,
  HeapResult,
  LatencyResult,
  StageResult,
  ThroughputResult,
} from './messages';
import type { BenchOptions } from './options';
import { median, percentile } from './stats';

export interface ThroughputRun extends ThroughputResult {
  /** Share of the flood the load server spent writing rather than waiting for the client. */
  serverBusyPct: number;
}

export interface ClientFigures {
  /** Median over the repeats. */
  framesPerSec: number;
  cpuUsPerFrame: number;
  bestFramesPerSec: number;
  runs: ThroughputRun[];
}

export type ThroughputFigures = Record<ClientKind, ClientFigures>;

const KINDS: readonly ClientKind[] = [
  'pipeline',
  'parse-floor',
  'validate-only',
  'keep-records',
  'bare-ws',
];

/** Every client against the same flood, interleaved over the repeats so noise hits all alike. */
export async function measureThroughput(
  workerPath: string,
  server: LoadServer,
  url: string,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<ThroughputFigures> {
  const runs: Record<ClientKind, ThroughputRun[]> = {
    pipeline: [],
    'parse-floor': [],
    'validate-only': [],
    'keep-records': [],
    'bare-ws': [],
  };
  const timeoutMs = Math.max(60_000, (options.throughputFrames / 2_000) * 1000);
  for (let repeat = 0; repeat < options.throughputRepeats; repeat++) {
    for (let k = 0; k < KINDS.length; k++) {
      const kind = KINDS[(k + repeat) % KINDS.length]!;
      server.clear();
      const result = await runWorker<ThroughputResult>(
        workerPath,
        {
          task: 'throughput',
          kind,
          url: `${url}?mode=flood`,
          frames: options.throughputFrames,
          warmupFrames: options.throughputWarmupFrames,
        },
        { timeoutMs },
      );
      const flood = await server.next('flood-done', 30_000);
      const serverBusyPct = ((flood.elapsedMs - flood.blockedMs) / flood.elapsedMs) * 100;
      runs[kind].push({ ...result, serverBusyPct });
      log(
        `  ${kind.padEnd(12)} run ${repeat + 1}: ${Math.round(result.framesPerSec).toLocaleString('en')} frames/s, ` +
          `${result.cpuUsPerFrame.toFixed(2)} µs CPU/frame (load server busy ${serverBusyPct.toFixed(0)}% of the flood)`,
      );
    }
  }
  const figures = {} as ThroughputFigures;
  for (const kind of KINDS) {
    const list = runs[kind];
    figures[kind] = {
      framesPerSec: median(list.map((r) => r.framesPerSec)),
      cpuUsPerFrame: median(list.map((r) => r.cpuUsPerFrame)),
      bestFramesPerSec: Math.max(...list.map((r) => r.framesPerSec)),
      runs: list,
    };
  }
  return figures;
}

export interface LatencyFigures {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** p99 over every frame, warm-up included. */
  p99WithWarmupMs: number;
  samples: number;
  warmupSamples: number;
  missingFrames: number;
  badFrames: number;
  notifications: number;
  /** Frames the load server paced, and over how long. */
  sentFrames: number;
  sendSeconds: number;
  /** Garbage collections in the client after the warm-up, and the slow frames they explain. */
  gcPauses: number;
  gcMaxMs: number;
  gcTotalMs: number;
  slowFrames: number;
  slowFramesDuringGcPct: number;
  runQueueWaitPct: number | null;
  cpuPct: number;
  mainThreadCpuPct: number;
}

/** A frame slower than this counts as slow (the p99 target). */
const SLOW_FRAME_US = 2_000;

/** Slow frames, and the share of them whose send-to-done interval overlaps a GC pause. */
function attributeSlowFrames(
  result: LatencyResult,
  from: number,
): { slowFrames: number; duringGcPct: number } {
  let slow = 0;
  let duringGc = 0;
  for (let i = from; i < result.latenciesUs.length; i++) {
    const latency = result.latenciesUs[i]!;
    if (latency <= SLOW_FRAME_US) continue;
    slow++;
    const sent = result.sentAtUs[i]!;
    const done = sent + latency;
    if (result.gc.some((g) => g.atUs < done && g.atUs + g.ms * 1000 > sent)) duringGc++;
  }
  return { slowFrames: slow, duringGcPct: slow === 0 ? 0 : (duringGc / slow) * 100 };
}

export async function measureLatency(
  workerPath: string,
  server: LoadServer,
  url: string,
  options: BenchOptions,
  kind: 'pipeline' | 'parse-floor',
): Promise<LatencyFigures> {
  const rate = options.latencyFramesPerSecond;
  const seconds = options.latencySeconds;
  const frames = Math.round(rate * seconds);
  const finishMs = seconds * 1000 + 5_000;
  server.clear();
  const result = await runWorker<LatencyResult>(
    workerPath,
    {
      task: 'latency',
      kind,
      url: `${url}?mode=paced&rate=${rate}&seconds=${seconds}`,
      frames,
      warmupFrames: options.latencyWarmupFrames,
      timeoutMs: finishMs,
    },
    { timeoutMs: finishMs + 15_000 },
  );
  const paced = await server.next('paced-done', 10_000);
  const all = result.latenciesUs;
  const steady = all.slice(options.latencyWarmupFrames).sort((a, b) => a - b);
  const sortedAll = [...all].sort((a, b) => a - b);
  const steadyFrom = result.sentAtUs[options.latencyWarmupFrames] ?? Number.POSITIVE_INFINITY;
  const gc = result.gc.filter((g) => g.atUs >= steadyFrom);
  const { slowFrames, duringGcPct } = attributeSlowFrames(result, options.latencyWarmupFrames);
  return {
    p50Ms: percentile(steady, 50) / 1000,
    p99Ms: percentile(steady, 99) / 1000,
    maxMs: (steady[steady.length - 1] ?? Number.NaN) / 1000,
    p99WithWarmupMs: percentile(sortedAll, 99) / 1000,
    samples: steady.length,
    warmupSamples: all.length - steady.length,
    missingFrames: result.expected - all.length - result.badFrames,
    badFrames: result.badFrames,
    notifications: result.notifications,
    sentFrames: paced.frames,
    sendSeconds: paced.elapsedMs / 1000,
    gcPauses: gc.length,
    gcMaxMs: gc.reduce((max, g) => Math.max(max, g.ms), 0),
    gcTotalMs: gc.reduce((sum, g) => sum + g.ms, 0),
    slowFrames,
    slowFramesDuringGcPct: duringGcPct,
    runQueueWaitPct: result.runQueueWaitPct,
    cpuPct: result.cpuPct,
    mainThreadCpuPct: result.mainThreadCpuPct,
  };
}

export function measureHeap(workerPath: string, options: BenchOptions): Promise<HeapResult> {
  return runWorker<HeapResult>(
    workerPath,
    { task: 'heap', earlyEvents: options.heapEarlyEvents, lateEvents: options.heapLateEvents },
    { timeoutMs: 600_000, execArgv: ['--expose-gc'] },
  );
}

export function measureStages(workerPath: string, options: BenchOptions): Promise<StageResult> {
  return runWorker<StageResult>(
    workerPath,
    { task: 'stages', frames: options.stageFrames, warmupFrames: options.stageWarmupFrames },
    { timeoutMs: 120_000 },
  );
}
