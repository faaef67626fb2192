import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { CHANNELS } from '../../common/protocol/channels';
import { parseServerFrame } from '../../common/protocol/server-frames';
import { FeedEngine } from '../../main/engine';
import type { HeapPoint, HeapResult, WorkerSpec } from './messages';
import { ScenarioFrames } from './scenario-frames';

type HeapSpec = Extract<WorkerSpec, { task: 'heap' }>;

/** Events between turns of the event loop, so the engine's timers can run as they would live. */
const BATCH = 5_000;
const MB = 1024 * 1024;

async function heapAfterGc(): Promise<number> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('global.gc is missing: run node with --expose-gc');
  // Twice, with a turn of the loop between: the first pass may leave finalisable garbage.
  gc();
  await yieldToLoop();
  gc();
  return process.memoryUsage().heapUsed / MB;
}

/**
 * A million realistic events through parse and engine.handleFrame, in process, on the
 * scenario's clock (1 ms per event). The generator runs in the same heap; it keeps only
 * bounded state (see ScenarioSizes), so it adds a constant, not growth.
 */
export async function runHeap(spec: HeapSpec): Promise<HeapResult> {
  const frames = new ScenarioFrames();
  const engine = new FeedEngine({
    url: 'ws://127.0.0.1:9/ws/subscribe',
    apiKey: randomUUID(),
    channels: CHANNELS,
    now: () => frames.now,
  });
  let badFrames = 0;
  let notifications = 0;
  engine.on('notification', () => notifications++);
  const start = performance.now();
  const points: HeapPoint[] = [];
  for (let events = 0; events < spec.lateEvents; ) {
    const batchEnd = Math.min(events + BATCH, spec.lateEvents);
    for (; events < batchEnd; events++) {
      const text = frames.next();
      const result = parseServerFrame(text);
      // With its text, as the connection hands frames over.
      if (result.ok) engine.handleFrame(result.frame, frames.now, text);
      else badFrames++;
    }
    if (events === spec.earlyEvents || events === spec.lateEvents) {
      const sizes = engine.store.sizes() as unknown as Record<string, number>;
      points.push({ events, heapUsedMb: await heapAfterGc(), storeSizes: { ...sizes } });
    }
    await yieldToLoop();
  }
  const [early, late] = points;
  if (!early || !late)
    throw new Error('heap points were not reached (events must be multiples of 5,000)');
  return {
    task: 'heap',
    early,
    late,
    badFrames,
    notifications,
    elapsedMs: performance.now() - start,
  };
}
