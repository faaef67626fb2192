import type { Gap } from '../domain/connection';
import type { ErrorRecord, FeedEvent } from '../domain/events';
import type { NotificationIntent } from '../domain/notifications';
import type { FeedStatus } from '../domain/status';
import type { DayCounters, MissingHedgeReport } from './app-snapshot';

/** Largest serialised push ('push:batch'), in UTF-8 bytes of its JSON. */
export const MAX_PUSH_BYTES = 64 * 1024;

/**
 * What main pushed since the previous batch, at most one batch per display frame (about
 * 16 ms). Every list is oldest first and continues the previous batch's list.
 *
 * Only events are ever left out: when more arrive than a batch may carry for a few frames
 * running, the oldest go first and `dropped` counts them. The renderer then asks for a
 * fresh 'app:snapshot' (its records and recent events are complete). Status,
 * notifications, errors and gaps are not left out for lack of room; a burst of them is
 * spread over several batches. One too large for any batch (not possible at the default
 * limit: main clips texts and target ids) is left out and counted in `dropped` rather than
 * hold up all that follow.
 */
export interface PushBatch {
  /** The latest status, when it changed since the previous batch. */
  status?: FeedStatus;
  /** Broadcasts in arrival order (`seq` increasing). */
  events: FeedEvent[];
  notifications: NotificationIntent[];
  errors: ErrorRecord[];
  gaps: Gap[];
  /** Today's counters as of this batch, when main provides them. */
  counters?: DayCounters;
  /**
   * Fills still without a hedge as of this batch. `orders` may be cut to the oldest that
   * fit in a batch; `fillsMissingHedge` is always the full count.
   */
  missingHedges?: MissingHedgeReport;
  /**
   * Events left out (the oldest), and notifications, errors or gaps too large for any batch,
   * since the previous batch; absent when none.
   */
  dropped?: number;
  /**
   * The feed was restarted since the previous batch (another key, endpoint or channels,
   * demo on or off): what the page holds is the previous feed's, and it asks for a fresh
   * 'app:snapshot'. Sequence numbers continue across restarts, so they cannot tell.
   */
  restarted?: true;
}
