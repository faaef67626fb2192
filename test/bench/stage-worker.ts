import { randomUUID } from 'node:crypto';
import { CHANNELS, type Channel } from '../../common/protocol/channels';
import { fastPayloadRecord } from '../../common/protocol/payload-fast-path';
import {
  accountPayloadSchema,
  betPayloadSchema,
  emergencyPayloadSchema,
  orderPayloadSchema,
  scorePayloadSchema,
} from '../../common/protocol/payloads';
import { parseServerFrame, type ServerFrame } from '../../common/protocol/server-frames';
import { FeedEngine } from '../../main/engine';
import type { StageResult, WorkerSpec } from './messages';
import { ScenarioFrames } from './scenario-frames';

type StageSpec = Extract<WorkerSpec, { task: 'stages' }>;

const BATCH = 5_000;
/** Frames parsed, then validated, at a time: few enough to stay in cache. */
const CHUNK = 50;

const payloadSchemas: Record<Channel, { safeParse(value: unknown): unknown }> = {
  orders: orderPayloadSchema,
  bets: betPayloadSchema,
  accounts: accountPayloadSchema,
  scores: scorePayloadSchema,
  emergency: emergencyPayloadSchema,
};

interface RawBroadcast {
  channel: Channel;
  payload: unknown;
}

/**
 * Where the in-process time of one frame goes, stage by stage, on the same frames the load
 * server sends: JSON.parse, the payload validation alone (the fast path, else the schema, as
 * parseServerFrame does it), parseServerFrame as a whole (so the envelope's share is the
 * difference), then engine.handleFrame split into store.apply, policy.onEffects and the
 * rest. Each stage's own garbage collection is counted in it.
 */
export async function runStages(spec: StageSpec): Promise<StageResult> {
  // Generated batch by batch, so the heap the stages run in stays as small as a live client's.
  const generator = new ScenarioFrames();
  let now = Date.UTC(2026, 4, 1, 9);
  const engine = new FeedEngine({
    url: 'ws://127.0.0.1:9/ws/subscribe',
    apiKey: randomUUID(),
    channels: CHANNELS,
    now: () => now,
  });
  const ms = { json: 0, payload: 0, parse: 0, handle: 0, store: 0, policy: 0 };
  const wall = { store: 0, policy: 0 };
  const store = engine.store;
  const apply = store.apply.bind(store);
  store.apply = (event, at) => {
    const t0 = performance.now();
    const effects = apply(event, at);
    wall.store += performance.now() - t0;
    return effects;
  };
  const policy = engine.policy;
  const onEffects = policy.onEffects.bind(policy);
  policy.onEffects = (effects, at) => {
    const t0 = performance.now();
    const intents = onEffects(effects, at);
    wall.policy += performance.now() - t0;
    return intents;
  };

  let timed = 0;
  let check = 0;
  // CPU time (not wall time), so other load on the machine does not inflate the figures.
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  for (let start = 0; start < spec.frames; start += BATCH) {
    const batch = generator.take(Math.min(BATCH, spec.frames - start));
    const timing = start >= spec.warmupFrames;
    let c0 = process.cpuUsage();
    const raw = batch.map((text) => JSON.parse(text) as RawBroadcast);
    const json = cpuMs(c0);
    check += raw.length;

    // The payload validation as parseServerFrame does it (its fast path, else the zod schema),
    // on frames just parsed, still in cache as they are in the pipeline: validating `raw`
    // afterwards would time cache misses (5,000 parsed frames do not fit in a core's cache).
    // Chunks are parsed, then validated; the CPU time is split by the wall time of the two.
    c0 = process.cpuUsage();
    let parseWall = 0;
    let validateWall = 0;
    for (let from = 0; from < batch.length; from += CHUNK) {
      const t0 = performance.now();
      const chunk = batch.slice(from, from + CHUNK).map((text) => JSON.parse(text) as RawBroadcast);
      const t1 = performance.now();
      for (const frame of chunk) {
        const record =
          fastPayloadRecord(frame.channel, frame.payload) ??
          payloadSchemas[frame.channel].safeParse(frame.payload);
        if (record) check++;
      }
      validateWall += performance.now() - t1;
      parseWall += t1 - t0;
    }
    const payload = (cpuMs(c0) * validateWall) / (parseWall + validateWall);

    c0 = process.cpuUsage();
    const frames: { frame: ServerFrame; text: string }[] = [];
    for (const text of batch) {
      const result = parseServerFrame(text);
      if (result.ok) frames.push({ frame: result.frame, text });
    }
    const parse = cpuMs(c0);

    wall.store = 0;
    wall.policy = 0;
    c0 = process.cpuUsage();
    const w0 = performance.now();
    for (const { frame, text } of frames) engine.handleFrame(frame, ++now, text);
    const handleWall = performance.now() - w0;
    const handle = cpuMs(c0);
    if (timing) {
      ms.json += json;
      ms.payload += payload;
      ms.parse += parse;
      ms.handle += handle;
      // Inside handleFrame, CPU time is split in proportion to the wall time of the parts.
      ms.store += (handle * wall.store) / handleWall;
      ms.policy += (handle * wall.policy) / handleWall;
      timed += batch.length;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (check === 0 || timed === 0) throw new Error('no frame was timed');
  const us = (total: number) => (total * 1000) / timed;
  return {
    task: 'stages',
    frames: timed,
    usPerFrame: {
      jsonParse: us(ms.json),
      validateEnvelope: us(ms.parse - ms.json - ms.payload),
      validatePayload: us(ms.payload),
      store: us(ms.store),
      policy: us(ms.policy),
      engineRest: us(ms.handle - ms.store - ms.policy),
      inProcessTotal: us(ms.parse + ms.handle),
    },
  };
}
