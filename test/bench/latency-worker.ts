import { randomUUID } from 'node:crypto';
import { PerformanceObserver } from 'node:perf_hooks';
import WebSocket from 'ws';
import { CHANNELS } from '../../common/protocol/channels';
import { subscribeFrame } from '../../common/protocol/client-frames';
import { nowUs } from './load-streams';
import type { GcPause, LatencyResult, WorkerSpec } from './messages';
import { MeteredEngine } from './metered-engine';
import { runQueueWaitNs } from './process-cpu';

type LatencySpec = Extract<WorkerSpec, { task: 'latency' }>;

/** Send-to-done times of the paced frames, with the GC pauses and CPU waits that explain the tail. */
class LatencyRecorder {
  readonly sentAtUs: number[] = [];
  readonly latenciesUs: number[] = [];
  private readonly gc: GcPause[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
      this.gc.push({
        atUs: Math.round((performance.timeOrigin + entry.startTime) * 1000),
        ms: entry.duration,
        kind,
      });
    }
  });
  private steadyStart: {
    at: number;
    waitNs: number | null;
    cpu: NodeJS.CpuUsage;
    mainThreadCpu: NodeJS.CpuUsage;
  } | null = null;

  constructor(private readonly warmupFrames: number) {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Call when the client is done with a frame; returns how many frames are recorded. */
  record(sentAtUs: unknown): number {
    const doneUs = nowUs();
    if (typeof sentAtUs !== 'number') throw new Error('a paced frame carried no sentAtUs');
    this.sentAtUs.push(sentAtUs);
    this.latenciesUs.push(doneUs - sentAtUs);
    if (this.latenciesUs.length === this.warmupFrames)
      this.steadyStart = {
        at: performance.now(),
        waitNs: runQueueWaitNs(),
        cpu: process.cpuUsage(),
        mainThreadCpu: process.threadCpuUsage(),
      };
    return this.latenciesUs.length;
  }

  finish(expected: number, badFrames: number, notifications: number): LatencyResult {
    this.observer.disconnect();
    const waitNs = runQueueWaitNs();
    const start = this.steadyStart;
    const elapsedMs = start ? performance.now() - start.at : Number.NaN;
    const runQueueWaitPct =
      start && start.waitNs !== null && waitNs !== null
        ? ((waitNs - start.waitNs) / 1e6 / elapsedMs) * 100
        : null;
    const pctOf = (used: NodeJS.CpuUsage) => ((used.user + used.system) / 1000 / elapsedMs) * 100;
    return {
      task: 'latency',
      sentAtUs: this.sentAtUs,
      latenciesUs: this.latenciesUs,
      expected,
      badFrames,
      notifications,
      gc: this.gc,
      runQueueWaitPct,
      cpuPct: start ? pctOf(process.cpuUsage(start.cpu)) : Number.NaN,
      mainThreadCpuPct: start ? pctOf(process.threadCpuUsage(start.mainThreadCpu)) : Number.NaN,
    };
  }
}

/**
 * A client on the paced stream, timed for each broadcast from the server's send
 * (`sentAtUs`, stamped into the payload) to the moment it is done with the frame: for the
 * pipeline, when the store and the policy are; for the floor, when JSON.parse is.
 */
export function runLatency(spec: LatencySpec): Promise<LatencyResult> {
  return new Promise((resolve, reject) => {
    const recorder = new LatencyRecorder(spec.warmupFrames);
    let badFrames = 0;
    let notifications = 0;
    let finished = false;
    let stop = () => {};
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      stop();
      resolve(recorder.finish(spec.frames, badFrames, notifications));
    };
    const record = (sentAtUs: unknown) => {
      try {
        if (recorder.record(sentAtUs) + badFrames >= spec.frames) finish();
      } catch (error) {
        reject(error);
      }
    };
    // Frames still missing at the deadline are reported as missing, not waited for.
    const deadline = setTimeout(finish, spec.timeoutMs);

    if (spec.kind === 'parse-floor') {
      const ws = new WebSocket(spec.url);
      let subscribed = false;
      stop = () => ws.close(1000);
      ws.on('open', () => ws.send(subscribeFrame(randomUUID(), CHANNELS)));
      ws.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString('utf8')) as { payload?: { sentAtUs?: unknown } };
        if (subscribed) record(frame.payload?.sentAtUs);
        else subscribed = true;
      });
      ws.on('error', reject);
      return;
    }
    const engine = new MeteredEngine(
      { url: spec.url, apiKey: randomUUID(), channels: CHANNELS },
      (frame) => record(frame.payload.sentAtUs),
    );
    stop = () => void engine.stop();
    engine.on('notification', () => notifications++);
    engine.on('error', (error) => {
      if (error.source === 'bad-frame') badFrames++;
      else reject(new Error(`engine: ${error.message}`));
    });
    engine.start();
  });
}
