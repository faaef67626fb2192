import type { ErrorRecord, FeedEvent } from '../../../common/domain/events';
import type { NotificationIntent } from '../../../common/domain/notifications';
import type { FeedStatus } from '../../../common/domain/status';
import { parseServerFrame } from '../../../common/protocol/server-frames';
import { ScenarioFrames } from '../../bench/scenario-frames';

let scenarioFrames: string[] | undefined;

/**
 * `count` realistic events: the simulator's market day (the benchmark's frames, about
 * 1 KB each as FeedEvents) through parseServerFrame, numbered from `firstSeq`.
 */
export function marketEvents(count: number, firstSeq = 1): FeedEvent[] {
  if (scenarioFrames === undefined || scenarioFrames.length < count) {
    scenarioFrames = new ScenarioFrames().take(Math.max(count, 10_000));
  }
  return scenarioFrames.slice(0, count).map((text, i) => {
    const result = parseServerFrame(text);
    if (!result.ok || result.frame.type !== 'broadcast') throw new Error('bad scenario frame');
    return { ...result.frame, seq: firstSeq + i, receivedAt: 1_000 + i };
  });
}

export function status(state: FeedStatus['state'], since = 0): FeedStatus {
  return { state, since, attempt: 0, emergency: false };
}

export function notification(n: number, body = `order ${n} filled`): NotificationIntent {
  return {
    kind: 'fill',
    title: `Fill ${n}`,
    body,
    count: 1,
    target: { view: 'order', orderId: String(n) },
    urgent: false,
    at: n,
  };
}

export function emergency(n: number): NotificationIntent {
  return {
    kind: 'emergency',
    title: 'EMERGENCY',
    body: `emergency ${n}`,
    count: 1,
    target: { view: 'emergency' },
    urgent: true,
    at: n,
  };
}

export function errorRecord(n: number, message = `bad frame ${n}`): ErrorRecord {
  return { message, at: n, source: 'bad-frame' };
}
