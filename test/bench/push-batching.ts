import { parseServerFrame } from '../../common/protocol/server-frames';
import { FeedEngine } from '../../main/engine';
import { PushBatcher } from '../../main/ipc/push-batcher';
import { ScenarioFrames } from './scenario-frames';

export interface PushFigures {
  /** Input rate fed into the batcher. */
  pushInputEventsPerSec: number;
  /** The most pushes main sent in any one-second window (target: at most 60). */
  pushesPerSecMax: number;
  /** The largest push, in bytes of its JSON (target: under 64 KB). */
  pushMaxBytes: number;
  pushEventsSent: number;
  /** Events left out of pushes (the renderer then re-reads a snapshot). */
  pushEventsDropped: number;
}

/**
 * Main's IPC pushes under a burst: realistic events through the real engine into the
 * real PushBatcher on real timers, at `eventsPerSec`; every push is sized and timed as
 * it would go to webContents.send.
 */
export async function measurePushes(eventsPerSec: number, seconds: number): Promise<PushFigures> {
  const engine = new FeedEngine({
    url: 'ws://127.0.0.1:9/ws/subscribe',
    apiKey: '00000000-0000-4000-8000-000000000000',
    channels: ['orders', 'bets', 'accounts', 'scores', 'emergency'],
  });
  const pushTimes: number[] = [];
  let maxBytes = 0;
  const batcher = new PushBatcher({
    send: (_channel, payload) => {
      pushTimes.push(performance.now());
      maxBytes = Math.max(maxBytes, Buffer.byteLength(JSON.stringify(payload)));
    },
    hasReceivers: () => true,
    summarize: () => ({
      counters: engine.store.counters(Date.now()),
      missingHedges: engine.policy.missingHedges(),
    }),
  });
  batcher.listenTo(engine);
  const frames = new ScenarioFrames();
  const total = eventsPerSec * seconds;
  const started = performance.now();
  let fed = 0;
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const due = Math.min(
        total,
        Math.round(((performance.now() - started) / 1000) * eventsPerSec),
      );
      while (fed < due) {
        const text = frames.next();
        const result = parseServerFrame(text);
        if (result.ok) engine.handleFrame(result.frame, Date.now(), text);
        fed++;
      }
      if (fed >= total) {
        clearInterval(timer);
        done();
      }
    }, 1);
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const stats = batcher.stats();
  batcher.dispose();
  let most = 0;
  for (let i = 0, j = 0; i < pushTimes.length; i++) {
    while (pushTimes[i]! - pushTimes[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return {
    pushInputEventsPerSec: eventsPerSec,
    pushesPerSecMax: most,
    pushMaxBytes: maxBytes,
    pushEventsSent: stats.eventsSent,
    pushEventsDropped: stats.eventsDropped,
  };
}
