import type { RendererBenchFigures } from '../renderer-bench/run-renderer-bench';
import type { IdleCpuResult } from './idle-cpu';
import type { HeapResult, StageResult } from './messages';
import type { BenchOptions } from './options';
import type { PushFigures } from './push-batching';
import type { LatencyFigures, ThroughputFigures } from './sections';
import { round } from './stats';

export const TARGETS = {
  pipelineVsParseFloor: { min: 0.75, text: '≥ 0.75 of the parse floor' },
  p99LatencyMs: { max: 2, text: '< 2 ms' },
  heapGrowthMb: { max: 5, text: '< 5 MB' },
  idleCpuPct: { max: 0.1, text: '< 0.1 % of a core' },
  pushesPerSecMax: { max: 60, text: '≤ 60 a second' },
  pushMaxBytes: { max: 64 * 1024, text: '< 64 KB' },
  rendererP95FrameMs: { max: 16.7, text: '≤ 16.7 ms' },
  rendererLongestTaskMs: { max: 100, text: '≤ 100 ms' },
} as const;

export interface Measurements {
  options: BenchOptions;
  load: { frameCount: number; frameBytesAvg: number; channelMix: Record<string, number> };
  throughput: ThroughputFigures | null;
  stages: StageResult | null;
  latency: LatencyFigures | null;
  /** The same paced stream through a bare ws client that only JSON.parses: the machine's own tail. */
  latencyFloor: LatencyFigures | null;
  heap: HeapResult | null;
  idle: (IdleCpuResult & { pings: number | null; heartbeats: number | null }) | null;
  /** Main's IPC pushes under a burst. */
  pushes: PushFigures | null;
  /** The dashboard's feed view in Chromium, streaming 2,000 events/s. */
  renderer: RendererBenchFigures | null;
  machine: { cpus: number; loadAvgAtStart: number; loadAvgAtEnd: number };
  errors: string[];
  durationSeconds: number;
}

/** A figure that could not be measured is null, never a made-up number. */
const orNull = (value: number | undefined, digits: number): number | null =>
  value === undefined || !Number.isFinite(value) ? null : round(value, digits);

export function summarise(m: Measurements): Record<string, unknown> {
  const t = m.throughput;
  const pipeline = t?.pipeline.framesPerSec;
  const floor = t?.['parse-floor'].framesPerSec;
  const bare = t?.['bare-ws'].framesPerSec;
  const validateOnly = t?.['validate-only'].framesPerSec;
  const keepRecords = t?.['keep-records'].framesPerSec;
  const heapGrowth = m.heap ? m.heap.late.heapUsedMb - m.heap.early.heapUsedMb : undefined;
  const figures = {
    pipelineVsParseFloor: orNull(t ? pipeline! / floor! : undefined, 3),
    pipelineVsBareWs: orNull(t ? pipeline! / bare! : undefined, 3),
    pipelineFramesPerSec: orNull(pipeline, 0),
    p50LatencyMs: orNull(m.latency?.p50Ms, 3),
    p99LatencyMs: orNull(m.latency?.p99Ms, 3),
    heapGrowthMb: orNull(heapGrowth, 2),
    idleCpuPct: orNull(m.idle?.idleCpuPct, 4),
    pushesPerSecMax: m.pushes?.pushesPerSecMax ?? null,
    pushMaxBytes: m.pushes?.pushMaxBytes ?? null,
    rendererP95FrameMs: orNull(m.renderer?.rendererP95FrameMs, 2),
    rendererLongestTaskMs: orNull(m.renderer?.rendererLongestTaskMs, 1),
  };
  const targetsMet = {
    pipelineVsParseFloor:
      figures.pipelineVsParseFloor !== null &&
      figures.pipelineVsParseFloor >= TARGETS.pipelineVsParseFloor.min,
    p99LatencyMs: figures.p99LatencyMs !== null && figures.p99LatencyMs < TARGETS.p99LatencyMs.max,
    heapGrowthMb: figures.heapGrowthMb !== null && figures.heapGrowthMb < TARGETS.heapGrowthMb.max,
    idleCpuPct: figures.idleCpuPct !== null && figures.idleCpuPct < TARGETS.idleCpuPct.max,
    pushesPerSecMax:
      figures.pushesPerSecMax !== null && figures.pushesPerSecMax <= TARGETS.pushesPerSecMax.max,
    pushMaxBytes: figures.pushMaxBytes !== null && figures.pushMaxBytes < TARGETS.pushMaxBytes.max,
    rendererP95FrameMs:
      figures.rendererP95FrameMs !== null &&
      figures.rendererP95FrameMs <= TARGETS.rendererP95FrameMs.max,
    rendererLongestTaskMs:
      figures.rendererLongestTaskMs !== null &&
      figures.rendererLongestTaskMs <= TARGETS.rendererLongestTaskMs.max,
  };
  return {
    ...figures,
    targetsMet,
    bareWsFramesPerSec: orNull(bare, 0),
    parseFloorFramesPerSec: orNull(floor, 0),
    validateOnlyFramesPerSec: orNull(validateOnly, 0),
    validateOnlyVsParseFloor: orNull(t ? validateOnly! / floor! : undefined, 3),
    pipelineVsValidateOnly: orNull(t ? pipeline! / validateOnly! : undefined, 3),
    keepRecordsFramesPerSec: orNull(keepRecords, 0),
    keepRecordsVsParseFloor: orNull(t ? keepRecords! / floor! : undefined, 3),
    pipelineVsKeepRecords: orNull(t ? pipeline! / keepRecords! : undefined, 3),
    pipelineVsParseFloorCpu: orNull(
      t ? t['parse-floor'].cpuUsPerFrame / t.pipeline.cpuUsPerFrame : undefined,
      3,
    ),
    pipelineCpuUsPerFrame: orNull(t?.pipeline.cpuUsPerFrame, 2),
    parseFloorCpuUsPerFrame: orNull(t?.['parse-floor'].cpuUsPerFrame, 2),
    validateOnlyCpuUsPerFrame: orNull(t?.['validate-only'].cpuUsPerFrame, 2),
    keepRecordsCpuUsPerFrame: orNull(t?.['keep-records'].cpuUsPerFrame, 2),
    bareWsCpuUsPerFrame: orNull(t?.['bare-ws'].cpuUsPerFrame, 2),
    pipelineBestFramesPerSec: orNull(t?.pipeline.bestFramesPerSec, 0),
    parseFloorBestFramesPerSec: orNull(t?.['parse-floor'].bestFramesPerSec, 0),
    validateOnlyBestFramesPerSec: orNull(t?.['validate-only'].bestFramesPerSec, 0),
    keepRecordsBestFramesPerSec: orNull(t?.['keep-records'].bestFramesPerSec, 0),
    bareWsBestFramesPerSec: orNull(t?.['bare-ws'].bestFramesPerSec, 0),
    throughputFramesPerRun: t?.pipeline.runs[0]?.frames ?? null,
    throughputRepeats: m.options.throughputRepeats,
    throughputRuns: t
      ? Object.fromEntries(
          Object.entries(t).map(([kind, f]) => [
            kind,
            f.runs.map((r) => ({
              framesPerSec: round(r.framesPerSec, 0),
              cpuUsPerFrame: round(r.cpuUsPerFrame, 2),
              loadServerBusyPct: round(r.serverBusyPct, 1),
            })),
          ]),
        )
      : null,
    pipelineBadFrames: t ? Math.max(...t.pipeline.runs.map((r) => r.badFrames ?? 0)) : null,
    stageUsPerFrame: m.stages
      ? Object.fromEntries(Object.entries(m.stages.usPerFrame).map(([k, v]) => [k, round(v, 2)]))
      : null,
    maxLatencyMs: orNull(m.latency?.maxMs, 3),
    p99LatencyWithWarmupMs: orNull(m.latency?.p99WithWarmupMs, 3),
    latencySamples: m.latency?.samples ?? null,
    latencyWarmupSamples: m.latency?.warmupSamples ?? null,
    latencyMissingFrames: m.latency?.missingFrames ?? null,
    latencyFramesPerSec: m.options.latencyFramesPerSecond,
    latencyClientCpuPct: orNull(m.latency?.cpuPct, 2),
    latencyClientMainThreadCpuPct: orNull(m.latency?.mainThreadCpuPct, 2),
    latencyFloorClientCpuPct: orNull(m.latencyFloor?.cpuPct, 2),
    latencyFloorP50Ms: orNull(m.latencyFloor?.p50Ms, 3),
    latencyFloorP99Ms: orNull(m.latencyFloor?.p99Ms, 3),
    latencyFloorMaxMs: orNull(m.latencyFloor?.maxMs, 3),
    latencyFloorGcPauses: m.latencyFloor?.gcPauses ?? null,
    latencyFloorGcMaxMs: orNull(m.latencyFloor?.gcMaxMs, 2),
    latencyFloorClientRunQueueWaitPct: orNull(m.latencyFloor?.runQueueWaitPct ?? undefined, 2),
    latencyFramesOver2ms: m.latency?.slowFrames ?? null,
    latencyFramesOver2msDuringGcPct: orNull(m.latency?.slowFramesDuringGcPct, 1),
    latencyGcPauses: m.latency?.gcPauses ?? null,
    latencyClientRunQueueWaitPct: orNull(m.latency?.runQueueWaitPct ?? undefined, 2),
    latencyGcMaxMs: orNull(m.latency?.gcMaxMs, 2),
    latencyGcTotalMs: orNull(m.latency?.gcTotalMs, 1),
    heapAt100kMb: orNull(m.heap?.early.heapUsedMb, 2),
    heapAt1MMb: orNull(m.heap?.late.heapUsedMb, 2),
    heapPoints: [m.options.heapEarlyEvents, m.options.heapLateEvents],
    heapStoreSizesAt100k: m.heap?.early.storeSizes ?? null,
    heapStoreSizesAt1M: m.heap?.late.storeSizes ?? null,
    idleWindowSeconds: orNull(m.idle?.windowSeconds, 1),
    idleCpuSeconds: orNull(m.idle?.cpuSeconds, 3),
    idleCpuPctSchedstat: orNull(m.idle?.schedstatCpuPct ?? undefined, 4),
    idleCpuSource: m.idle?.cpuSource ?? null,
    idleHeartbeatSeconds: m.options.heartbeatMs / 1000,
    idlePings: m.idle?.pings ?? null,
    idleHeartbeats: m.idle?.heartbeats ?? null,
    idleStayedLive: m.idle ? m.idle.statusChangesInWindow === 0 : null,
    pushInputEventsPerSec: m.pushes?.pushInputEventsPerSec ?? null,
    pushEventsSent: m.pushes?.pushEventsSent ?? null,
    pushEventsDropped: m.pushes?.pushEventsDropped ?? null,
    renderer: m.renderer,
    frameBytesAvg: m.load.frameBytesAvg,
    channelMix: m.load.channelMix,
    quick: m.options.quick,
    cpus: m.machine.cpus,
    loadAvgAtStart: round(m.machine.loadAvgAtStart, 2),
    loadAvgAtEnd: round(m.machine.loadAvgAtEnd, 2),
    node: process.version,
    durationSeconds: round(m.durationSeconds, 1),
    errors: m.errors,
  };
}

function fmt(value: unknown, unit = ''): string {
  if (value === null || value === undefined) return 'n/a';
  if (typeof value === 'number')
    return `${value.toLocaleString('en', { maximumFractionDigits: 4 })}${unit}`;
  return String(value);
}

const STAGE_NAMES: Record<string, string> = {
  jsonParse: 'JSON.parse',
  validateEnvelope: 'envelope schema + glue',
  validatePayload: 'payload schema',
  store: 'store.apply',
  policy: 'policy.onEffects',
  engineRest: 'rest of handleFrame',
  inProcessTotal: 'total in process',
};

function stageRows(stages: Record<string, number> | null): [string, string, string, string][] {
  if (!stages) return [];
  return Object.entries(stages).map(([name, us]) => [
    `  in process: ${STAGE_NAMES[name] ?? name}`,
    fmt(us, ' µs'),
    '',
    '',
  ]);
}

/** A readable table of the figures against the targets, then the missed targets. */
export function renderTable(s: Record<string, unknown>): string {
  const met = s.targetsMet as Record<string, boolean>;
  const verdict = (name: keyof typeof TARGETS) => (met[name] ? 'met' : 'MISSED');
  const rows: [string, string, string, string][] = [
    [
      'pipeline / parse floor',
      fmt(s.pipelineVsParseFloor),
      TARGETS.pipelineVsParseFloor.text,
      verdict('pipelineVsParseFloor'),
    ],
    ['pipeline / bare ws', fmt(s.pipelineVsBareWs), '', ''],
    ['pipeline', fmt(s.pipelineFramesPerSec, ' frames/s'), '', ''],
    ['parse floor (ws + JSON.parse)', fmt(s.parseFloorFramesPerSec, ' frames/s'), '', ''],
    ['validate only (ws + parse + validate)', fmt(s.validateOnlyFramesPerSec, ' frames/s'), '', ''],
    ['validate only / parse floor', fmt(s.validateOnlyVsParseFloor), '', ''],
    ['keep records (validate + keep by id)', fmt(s.keepRecordsFramesPerSec, ' frames/s'), '', ''],
    ['keep records / parse floor', fmt(s.keepRecordsVsParseFloor), '', ''],
    ['pipeline / keep records', fmt(s.pipelineVsKeepRecords), '', ''],
    ['bare ws (receive only)', fmt(s.bareWsFramesPerSec, ' frames/s'), '', ''],
    ['CPU per frame: pipeline', fmt(s.pipelineCpuUsPerFrame, ' µs'), '', ''],
    ['CPU per frame: parse floor', fmt(s.parseFloorCpuUsPerFrame, ' µs'), '', ''],
    ['CPU per frame: validate only', fmt(s.validateOnlyCpuUsPerFrame, ' µs'), '', ''],
    ['CPU per frame: keep records', fmt(s.keepRecordsCpuUsPerFrame, ' µs'), '', ''],
    ['CPU per frame: bare ws', fmt(s.bareWsCpuUsPerFrame, ' µs'), '', ''],
    ['pipeline / parse floor (CPU)', fmt(s.pipelineVsParseFloorCpu), '', ''],
    ...stageRows(s.stageUsPerFrame as Record<string, number> | null),
    [`latency p50 @ ${fmt(s.latencyFramesPerSec)} frames/s`, fmt(s.p50LatencyMs, ' ms'), '', ''],
    [
      `latency p99 @ ${fmt(s.latencyFramesPerSec)} frames/s`,
      fmt(s.p99LatencyMs, ' ms'),
      TARGETS.p99LatencyMs.text,
      verdict('p99LatencyMs'),
    ],
    ['latency max', fmt(s.maxLatencyMs, ' ms'), '', ''],
    [
      '  GC pauses in the client (count, longest)',
      `${fmt(s.latencyGcPauses)}, ${fmt(s.latencyGcMaxMs, ' ms')}`,
      '',
      '',
    ],
    [
      '  frames over 2 ms (share overlapping a GC)',
      `${fmt(s.latencyFramesOver2ms)} (${fmt(s.latencyFramesOver2msDuringGcPct, ' %')})`,
      '',
      '',
    ],
    ['  client waiting for a CPU', fmt(s.latencyClientRunQueueWaitPct, ' %'), '', ''],
    [
      '  client CPU use (all threads / main thread)',
      `${fmt(s.latencyClientCpuPct, ' %')} / ${fmt(s.latencyClientMainThreadCpuPct, ' %')}`,
      '',
      '',
    ],
    [
      'latency floor p50 / p99 (ws + JSON.parse)',
      `${fmt(s.latencyFloorP50Ms, ' ms')} / ${fmt(s.latencyFloorP99Ms, ' ms')}`,
      '',
      '',
    ],
    [
      `heap after GC @ ${fmt((s.heapPoints as number[])[0])} events`,
      fmt(s.heapAt100kMb, ' MB'),
      '',
      '',
    ],
    [
      `heap after GC @ ${fmt((s.heapPoints as number[])[1])} events`,
      fmt(s.heapAt1MMb, ' MB'),
      '',
      '',
    ],
    ['heap growth', fmt(s.heapGrowthMb, ' MB'), TARGETS.heapGrowthMb.text, verdict('heapGrowthMb')],
    [
      `idle CPU (${fmt(s.idleWindowSeconds)} s, live, heartbeats)`,
      fmt(s.idleCpuPct, ' %'),
      TARGETS.idleCpuPct.text,
      verdict('idleCpuPct'),
    ],
    [
      `IPC pushes per second (${fmt(s.pushInputEventsPerSec)} events/s in)`,
      fmt(s.pushesPerSecMax),
      TARGETS.pushesPerSecMax.text,
      verdict('pushesPerSecMax'),
    ],
    [
      'largest IPC push',
      fmt(s.pushMaxBytes, ' bytes'),
      TARGETS.pushMaxBytes.text,
      verdict('pushMaxBytes'),
    ],
    [
      'renderer frame p95 (2,000 events/s)',
      fmt(s.rendererP95FrameMs, ' ms'),
      TARGETS.rendererP95FrameMs.text,
      verdict('rendererP95FrameMs'),
    ],
    [
      'renderer longest task',
      fmt(s.rendererLongestTaskMs, ' ms'),
      TARGETS.rendererLongestTaskMs.text,
      verdict('rendererLongestTaskMs'),
    ],
    ['frame size (average)', fmt(s.frameBytesAvg, ' bytes'), '', ''],
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map(([a, b, c, d]) =>
    `${a.padEnd(widths[0]!)}  ${b.padStart(widths[1]!)}  ${c.padEnd(widths[2]!)}  ${d}`.trimEnd(),
  );
  const missed = Object.entries(met)
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
  lines.push('');
  lines.push(
    `Machine: ${s.cpus} CPUs, load average ${s.loadAvgAtStart} at the start, ${s.loadAvgAtEnd} at the end.`,
  );
  lines.push(missed.length === 0 ? 'All targets met.' : `Targets missed: ${missed.join(', ')}`);
  for (const error of s.errors as string[]) lines.push(`Not measured: ${error}`);
  return lines.join('\n');
}
