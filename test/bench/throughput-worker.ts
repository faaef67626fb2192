import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { CHANNELS } from '../../common/protocol/channels';
import { subscribeFrame } from '../../common/protocol/client-frames';
import { parseServerFrame } from '../../common/protocol/server-frames';
import { FrameMeter } from './frame-meter';
import { keepRecordsHandler } from './keep-records';
import type { ThroughputResult, WorkerSpec } from './messages';
import { MeteredEngine } from './metered-engine';

type ThroughputSpec = Extract<WorkerSpec, { task: 'throughput' }>;

/** Read from every parsed frame, as any JSON client reads at least the type. */
let typeChars = 0;

/**
 * What a bare client does with each frame's text: nothing, JSON.parse, parse and validate, or
 * parse, validate and keep the record (keep-records.ts).
 */
function frameHandler(kind: ThroughputSpec['kind']): ((text: string) => void) | null {
  if (kind === 'parse-floor') {
    return (text) => {
      typeChars += (JSON.parse(text) as { type: string }).type.length;
    };
  }
  if (kind === 'validate-only') {
    return (text) => {
      const result = parseServerFrame(text);
      if (result.ok) typeChars += result.frame.type.length;
    };
  }
  if (kind === 'keep-records') {
    const keep = keepRecordsHandler();
    return (text) => {
      if (keep(text)) typeChars += 1;
    };
  }
  return null;
}

/**
 * A bare `ws` client on the same stream: subscribe, then only receive, or receive and
 * parse (and validate, and keep) each frame.
 */
function bareClient(spec: ThroughputSpec): Promise<ThroughputResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(spec.url);
    const handle = frameHandler(spec.kind);
    let subscribed = false;
    const meter = new FrameMeter(
      spec.frames,
      spec.warmupFrames,
      (framesPerSec, cpuUsPerFrame, frames) => {
        ws.close(1000);
        if (handle && typeChars === 0) reject(new Error('parsed frames had no type'));
        resolve({ task: 'throughput', kind: spec.kind, frames, framesPerSec, cpuUsPerFrame });
      },
    );
    ws.on('open', () => ws.send(subscribeFrame(randomUUID(), CHANNELS)));
    ws.on('message', (data: Buffer) => {
      if (handle) handle(data.toString('utf8'));
      // The first message is the "subscribed" reply; every later one is a broadcast.
      if (subscribed) meter.count();
      else subscribed = true;
    });
    ws.on('error', reject);
    ws.on('close', () => reject(new Error('the load server closed the connection early')));
  });
}

/** A real FeedEngine over a real socket: ws → frame text → parse → validate → store → policy. */
function pipelineClient(spec: ThroughputSpec): Promise<ThroughputResult> {
  return new Promise((resolve, reject) => {
    let badFrames = 0;
    let notifications = 0;
    const meter = new FrameMeter(
      spec.frames,
      spec.warmupFrames,
      (framesPerSec, cpuUsPerFrame, frames) => {
        void engine.stop();
        resolve({
          task: 'throughput',
          kind: 'pipeline',
          frames,
          framesPerSec,
          cpuUsPerFrame,
          badFrames,
          notifications,
        });
      },
    );
    const engine = new MeteredEngine(
      { url: spec.url, apiKey: randomUUID(), channels: CHANNELS },
      () => meter.count(),
    );
    engine.on('notification', () => notifications++);
    engine.on('error', (error) => {
      if (error.source !== 'bad-frame') {
        reject(new Error(`engine: ${error.message}`));
        return;
      }
      // Counted so a rejected frame cannot stall the run; the report shows how many.
      badFrames++;
      meter.count();
    });
    engine.start();
  });
}

export function runThroughput(spec: ThroughputSpec): Promise<ThroughputResult> {
  return spec.kind === 'pipeline' ? pipelineClient(spec) : bareClient(spec);
}
