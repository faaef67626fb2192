import { chromium } from 'playwright-core';
import { buildRenderer, RENDERER_URL } from '../renderer/support/build-renderer';
import { type FakeBridgeControl, installFakeBridge } from '../renderer/support/fake-bridge';
import { generateMarketDay } from '../renderer/support/market-day';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

export interface RendererBenchOptions {
  /** A short smoke run (3 s of streaming instead of 10 s). */
  quick?: boolean;
  /** Skip building out/renderer (the caller just built it). */
  skipBuild?: boolean;
  log?: (line: string) => void;
}

export interface RendererBenchFigures {
  /** 95th percentile of the time between animation frames while streaming (ms). */
  rendererP95FrameMs: number;
  /** The longest main-thread task while streaming ('longtask' entries, over 50 ms); 0 if none. */
  rendererLongestTaskMs: number;
  [figure: string]: number;
}

const EVENTS_PER_SECOND = 2_000;
const BATCHES_PER_SECOND = 60;
const SEED = 20_260_501;
/** A fixed day, so every run streams the same events. */
const DAY_END = Date.UTC(2026, 4, 1, 16, 0, 0);

/**
 * The dashboard's live feed under load, in Chromium: the built renderer, its feed view
 * open, fed through the same bridge shape as the preload's by a fake that pushes the
 * simulator's market day at 2,000 events a second in 60 batches a second (as main's
 * PushBatcher does), each batch arriving as JSON text and parsed on arrival (as IPC
 * deserialises it). Measured in the page: requestAnimationFrame deltas (their 95th
 * percentile) and PerformanceObserver 'longtask' entries (the longest).
 */
export async function runRendererBench(
  options: RendererBenchOptions = {},
): Promise<RendererBenchFigures> {
  const log = options.log ?? (() => {});
  const seconds = options.quick ? 3 : 10;
  if (!options.skipBuild) {
    log('renderer: building out/renderer…');
    await buildRenderer();
  }
  log(`renderer: generating ${(EVENTS_PER_SECOND * seconds).toLocaleString('en')} events…`);
  const day = generateMarketDay({
    seed: SEED,
    endTime: DAY_END,
    warmupEvents: 2_000,
    streamedEvents: EVENTS_PER_SECOND * seconds,
    eventsPerSecond: EVENTS_PER_SECOND,
  });
  const batches = day.batches.map((batch) => JSON.stringify(batch));
  const streamed = day.batches.reduce((sum, batch) => sum + batch.events.length, 0);

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await page.addInitScript(installFakeBridge, { snapshot: day.snapshot, latencyMs: 1 });
    await page.goto(RENDERER_URL);
    await page.getByRole('navigation').getByRole('button', { name: 'Live feed' }).click();
    await page.getByRole('grid').waitFor();
    await page.evaluate((list) => {
      (window as unknown as { benchBatches: string[] }).benchBatches = list;
    }, batches);
    log(`renderer: streaming ${streamed.toLocaleString('en')} events for ${seconds} s…`);
    const result = await page.evaluate(streamAndMeasure, { perSecond: BATCHES_PER_SECOND });
    const rows = await page.getByRole('grid').getAttribute('aria-rowcount');
    const raw = [...result.frameDeltas].sort((a, b) => a - b);
    // performance.now() is coarsened to 0.1 ms here, so on-time frames read 16.6 to 16.8
    // ms. Frames start on vsync: each delta is a whole number of display intervals.
    const vsync = result.idleFrameMs;
    const frames = raw.map((delta) => Math.max(1, Math.round(delta / vsync)) * vsync);
    const figures: RendererBenchFigures = {
      rendererP95FrameMs: round(percentile(frames, 0.95)),
      rendererLongestTaskMs: round(result.longestTaskMs),
      rendererP50FrameMs: round(percentile(frames, 0.5)),
      rendererP99FrameMs: round(percentile(frames, 0.99)),
      rendererMaxFrameMs: round(raw.at(-1) ?? 0),
      rendererP95FrameRawMs: round(percentile(raw, 0.95)),
      rendererVsyncMs: round(vsync),
      rendererFrames: frames.length,
      rendererDroppedFrames: frames.reduce((sum, f) => sum + Math.round(f / vsync) - 1, 0),
      rendererLongTasks: result.longTasks,
      rendererEventsStreamed: streamed,
      rendererEventsPerSecond: Math.round((streamed * 1000) / result.durationMs),
      rendererBatches: result.pushed,
      rendererFeedRows: Number(rows ?? 0) - 1,
      rendererHeapMb: round(result.heapBytes / 1_048_576),
    };
    log(
      `renderer: p95 frame ${figures.rendererP95FrameMs} ms, longest task ${figures.rendererLongestTaskMs} ms`,
    );
    return figures;
  } finally {
    await browser.close();
  }
}

interface StreamResult {
  /** The display's frame interval, measured before streaming (median rAF delta). */
  idleFrameMs: number;
  frameDeltas: number[];
  longestTaskMs: number;
  longTasks: number;
  pushed: number;
  durationMs: number;
  heapBytes: number;
}

/** Runs in the page: pushes every batch on its schedule while recording frames and long tasks. */
function streamAndMeasure({ perSecond }: { perSecond: number }): Promise<StreamResult> {
  const page = window as unknown as {
    benchBatches: string[];
    __fakeBridge: FakeBridgeControl;
    performance: Performance & { memory?: { usedJSHeapSize: number } };
  };
  const batches = page.benchBatches;
  const bridge = page.__fakeBridge;
  const interval = 1000 / perSecond;
  const frameDeltas: number[] = [];
  let longestTaskMs = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks++;
      longestTaskMs = Math.max(longestTaskMs, entry.duration);
    }
  });
  observer.observe({ type: 'longtask' });
  return idleFrameInterval().then(
    (idleFrameMs) =>
      new Promise((resolve) => {
        let streaming = true;
        let previous = 0;
        const onFrame = (time: number) => {
          if (previous > 0) frameDeltas.push(time - previous);
          previous = time;
          if (streaming) requestAnimationFrame(onFrame);
        };
        requestAnimationFrame(onFrame);
        const start = performance.now();
        let pushed = 0;
        const push = () => {
          // One batch per tick, as IPC delivers them; after a stall, the overdue ones at once.
          const due = Math.min(
            batches.length,
            Math.floor((performance.now() - start) / interval) + 1,
          );
          while (pushed < due) bridge.pushJson(batches[pushed++]!);
          if (pushed < batches.length) {
            setTimeout(push, Math.max(0, start + pushed * interval - performance.now()));
            return;
          }
          const durationMs = performance.now() - start;
          // Let the last batches render before stopping the measurement.
          setTimeout(() => {
            streaming = false;
            observer.disconnect();
            resolve({
              idleFrameMs,
              frameDeltas,
              longestTaskMs,
              longTasks,
              pushed,
              durationMs,
              heapBytes: page.performance.memory?.usedJSHeapSize ?? 0,
            });
          }, 300);
        };
        push();
      }),
  );

  /** The median rAF delta over half a second with nothing to do. */
  function idleFrameInterval(): Promise<number> {
    return new Promise((resolve) => {
      const deltas: number[] = [];
      let previous = 0;
      const onFrame = (time: number) => {
        if (previous > 0) deltas.push(time - previous);
        previous = time;
        if (deltas.length < 30) {
          requestAnimationFrame(onFrame);
          return;
        }
        deltas.sort((a, b) => a - b);
        resolve(deltas[Math.floor(deltas.length / 2)]!);
      };
      requestAnimationFrame(onFrame);
    });
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
