import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runRendererBench } from '../renderer-bench/run-renderer-bench';
import { LoadServer } from './children';
import { measureIdleCpu } from './idle-cpu';
import type { HeapResult, StageResult } from './messages';
import { type BenchOptions, benchOptions } from './options';
import { measurePushes } from './push-batching';
import { type Measurements, renderTable, summarise } from './report';
import {
  type LatencyFigures,
  measureHeap,
  measureLatency,
  measureStages,
  measureThroughput,
  type ThroughputFigures,
} from './sections';

/**
 * `npm run bench`: throughput against bare ws clients, latency at 1,000 frames/s, heap
 * growth over a million events and the CLI's idle CPU. Progress goes to stderr; stdout
 * gets the table and, as its last line, one JSON object with the figures.
 */

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function attempt<T>(
  what: string,
  errors: string[],
  run: () => Promise<T>,
): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    errors.push(`${what}: ${(error as Error).message}`);
    log(`${what} FAILED: ${(error as Error).message}`);
    return null;
  }
}

async function measureAll(options: BenchOptions, workerPath: string): Promise<Measurements> {
  const started = performance.now();
  const loadAvgAtStart = loadavg()[0]!;
  const dir = dirname(workerPath);
  const errors: string[] = [];
  log(
    `${options.quick ? 'quick (smoke) run' : 'full run'}: generating ${options.throughputFrames.toLocaleString('en')} frames in the load server…`,
  );
  const { server, ready } = await LoadServer.start(join(dir, 'bench-load-server.js'), {
    frames: options.throughputFrames,
    heartbeatMs: options.heartbeatMs,
  });
  log(
    `load server on port ${ready.port}: ${ready.frameCount.toLocaleString('en')} frames, ${ready.frameBytesAvg} bytes on average (${Math.round(ready.generateMs)} ms to generate)`,
  );
  const url = `ws://127.0.0.1:${ready.port}/ws/subscribe`;
  let throughput: ThroughputFigures | null = null;
  let stages: StageResult | null = null;
  let latency: LatencyFigures | null = null;
  let latencyFloor: LatencyFigures | null = null;
  let heap: HeapResult | null = null;
  let idle: Measurements['idle'] = null;
  let pushes: Measurements['pushes'] = null;
  let renderer: Measurements['renderer'] = null;
  try {
    log('throughput: pipeline vs parse floor vs bare ws…');
    throughput = await attempt('throughput', errors, () =>
      measureThroughput(workerPath, server, url, options, log),
    );
    log('in-process cost per stage…');
    stages = await attempt('stages', errors, () => measureStages(workerPath, options));
    log(`latency: ${options.latencyFramesPerSecond} frames/s for ${options.latencySeconds} s…`);
    latency = await attempt('latency', errors, () =>
      measureLatency(workerPath, server, url, options, 'pipeline'),
    );
    log('latency floor: a bare ws client that JSON.parses, same paced stream…');
    latencyFloor = await attempt('latency floor', errors, () =>
      measureLatency(workerPath, server, url, options, 'parse-floor'),
    );
    // The heap run measures memory, not time, so the idle window can run beside it.
    log(
      `heap (${options.heapEarlyEvents.toLocaleString('en')} and ${options.heapLateEvents.toLocaleString('en')} events) and idle CPU (${options.idleWindowMs / 1000} s window)…`,
    );
    server.clear();
    const [heapResult, idleResult] = await Promise.all([
      attempt('heap', errors, () => measureHeap(workerPath, options)),
      attempt('idle CPU', errors, () =>
        measureIdleCpu(
          join(dir, 'mm-tray-cli.js'),
          url,
          options.idleWindowMs,
          options.idleSettleMs,
        ),
      ),
    ]);
    heap = heapResult;
    if (idleResult) idle = { ...idleResult, ...(await idleCounts(server)) };
  } finally {
    server.stop();
  }
  log('IPC pushes: 10,000 events/s through the engine into the push batcher…');
  pushes = await attempt('IPC pushes', errors, () => measurePushes(10_000, options.quick ? 1 : 3));
  log('renderer: 2,000 events/s into the open feed view in Chromium…');
  renderer = await attempt('renderer', errors, () =>
    runRendererBench({ quick: options.quick, log }),
  );
  return {
    options,
    load: ready,
    throughput,
    stages,
    latency,
    latencyFloor,
    heap,
    idle,
    pushes,
    renderer,
    machine: { cpus: availableParallelism(), loadAvgAtStart, loadAvgAtEnd: loadavg()[0]! },
    errors,
    durationSeconds: (performance.now() - started) / 1000,
  };
}

async function idleCounts(
  server: LoadServer,
): Promise<{ pings: number | null; heartbeats: number | null }> {
  try {
    const closed = await server.next('idle-closed', 5_000);
    return { pings: closed.pings, heartbeats: closed.heartbeats };
  } catch {
    return { pings: null, heartbeats: null };
  }
}

async function main(): Promise<number> {
  const options = benchOptions(process.argv.slice(2), process.env);
  const measurements = await measureAll(
    options,
    join(dirname(fileURLToPath(import.meta.url)), 'mm-bench-worker.js'),
  );
  const summary = summarise(measurements);
  process.stdout.write(`\n${renderTable(summary)}\n\n${JSON.stringify(summary)}\n`);
  // Missed targets are a result, not a failure; a figure that could not be measured is.
  return measurements.errors.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(`failed: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  },
);
