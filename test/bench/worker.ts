import { runHeap } from './heap-worker';
import { runLatency } from './latency-worker';
import type { WorkerMessage, WorkerResult, WorkerSpec } from './messages';
import { runStages } from './stage-worker';
import { runThroughput } from './throughput-worker';

function run(spec: WorkerSpec): Promise<WorkerResult> {
  switch (spec.task) {
    case 'throughput':
      return runThroughput(spec);
    case 'latency':
      return runLatency(spec);
    case 'heap':
      return runHeap(spec);
    case 'stages':
      return runStages(spec);
  }
}

function reply(message: WorkerMessage): void {
  process.send?.(message, () => process.exit(message.type === 'result' ? 0 : 1));
}

/** The child side of runWorker: one measurement, its result over IPC, then exit. */
export function workerMain(specJson: string): void {
  run(JSON.parse(specJson) as WorkerSpec).then(
    (result) => reply({ type: 'result', result }),
    (error: unknown) => reply({ type: 'failed', message: (error as Error).message }),
  );
}
