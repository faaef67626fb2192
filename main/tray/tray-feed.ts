import type { FeedEvent } from '../../common/domain/events';
import type { FeedEngine, FeedEngineEvents } from '../engine';
import { summariseEvent } from './event-summary';
import type { TrayInput } from './tray-model';

/** What the tray hears from the feed (FeedController passes on the engine's events). */
export type TrayFeedEvents = Pick<
  FeedEngineEvents,
  'status' | 'event' | 'notification' | 'tick'
> & {
  /** The running engine was stopped (FeedController 'restarted'): its counts went with it. */
  restarted: [];
};

/** The feed controller, as the tray sees it. */
export interface TrayFeed {
  on<K extends keyof TrayFeedEvents>(
    event: K,
    listener: (...args: TrayFeedEvents[K]) => void,
  ): () => void;
  readonly currentEngine: Pick<FeedEngine, 'store' | 'policy'> | null;
}

/** What the tray shows while no engine runs (stopped, no key): nothing counted. */
const NO_COUNTS: Pick<TrayInput, 'counters' | 'fillsMissingHedge'> = {
  counters: { fills: 0, hedgesPlaced: 0 },
  fillsMissingHedge: 0,
};

/** Today's counts and the fills missing a hedge; `now` is the current time (see counters()). */
function feedCounts(
  engine: Pick<FeedEngine, 'store' | 'policy'> | null,
  now: number,
): Partial<TrayInput> {
  if (!engine) return { ...NO_COUNTS };
  return {
    counters: engine.store.counters(now),
    fillsMissingHedge: engine.policy.fillsMissingHedge,
  };
}

/**
 * Keeps the tray in step with the feed: the status, the last event, and the counts,
 * which change with events but also with time alone (a hedge overdue in a quiet feed or
 * with notifications paused, a new day), so they are read again on every tick.
 */
export function followFeed(
  tray: { update(patch: Partial<TrayInput>): void },
  feed: TrayFeed,
  now: () => number = Date.now,
): () => void {
  // Read once the engine is done with what it is handling: listeners hear of an event
  // before the notification policy does, so a hedge it brings is not yet counted then.
  let lastEvent: FeedEvent | null = null;
  let queued = false;
  const refresh = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      const patch = feedCounts(feed.currentEngine, now());
      if (lastEvent !== null) {
        // In every language, so a change of language re-renders the line without the event.
        const summary = {
          en: summariseEvent(lastEvent),
          'zh-CN': summariseEvent(lastEvent, 'zh-CN'),
        };
        patch.lastEvent = { at: lastEvent.receivedAt, summary };
      }
      lastEvent = null;
      tray.update(patch);
    });
  };
  const unsubscribers = [
    feed.on('status', (status) => tray.update({ status })),
    feed.on('event', (event) => {
      lastEvent = event;
      refresh();
    }),
    feed.on('notification', (intent) => {
      if (intent.kind === 'hedge-missing') refresh();
    }),
    feed.on('tick', refresh),
    // The stopped engine's records went with it; a new one, if any, is read afresh.
    feed.on('restarted', () => {
      lastEvent = null;
      tray.update({ lastEvent: null });
      refresh();
    }),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
