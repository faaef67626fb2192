import type { Gap } from '../../common/domain/connection';
import type { ErrorRecord } from '../../common/domain/events';
import type { FeedStatus } from '../../common/domain/status';
import type { Logger } from './logger';

/** What the log hears from the feed (FeedController's events of these names). */
export type FeedLogEvents = {
  status: [status: FeedStatus];
  error: [error: ErrorRecord];
  gap: [gap: Gap];
};

export interface FeedLogSource {
  /** The status before any event: only changes from it are logged. */
  readonly status: FeedStatus;
  on<K extends keyof FeedLogEvents>(
    event: K,
    listener: (...args: FeedLogEvents[K]) => void,
  ): () => void;
}

export interface FeedLogOptions {
  /** Error lines written per window at most; a flood of bad frames must not flush the log. */
  maxErrorsPerWindow?: number;
  errorWindowMs?: number;
  now?: () => number;
}

/**
 * Writes what happens to the feed into the app's log: each change of connection state
 * (not every retry), emergencies raised and cleared, errors and gaps. The logger redacts
 * keys; nothing here needs to.
 */
export function logFeed(
  feed: FeedLogSource,
  log: Logger,
  options: FeedLogOptions = {},
): () => void {
  const maxErrors = options.maxErrorsPerWindow ?? 20;
  const windowMs = options.errorWindowMs ?? 60_000;
  const now = options.now ?? Date.now;
  let last = feed.status;
  let windowStart = Number.NEGATIVE_INFINITY;
  let errorsInWindow = 0;

  const onStatus = (status: FeedStatus) => {
    if (last.state !== status.state) logState(log, status);
    if (last.emergency !== status.emergency) {
      if (status.emergency) log.warn(`EMERGENCY: ${status.emergencyReason ?? 'no reason given'}`);
      else log.info('emergency cleared');
    }
    last = status;
  };

  const onError = (error: ErrorRecord) => {
    const at = now();
    if (at - windowStart >= windowMs) {
      const skipped = errorsInWindow - maxErrors;
      if (skipped > 0) log.warn(`${skipped} feed errors were left out of the log`);
      windowStart = at;
      errorsInWindow = 0;
    }
    errorsInWindow += 1;
    if (errorsInWindow <= maxErrors) log.warn(`${error.source} error: ${error.message}`);
    else if (errorsInWindow === maxErrors + 1) log.warn('more feed errors: left out for now');
  };

  const onGap = (gap: Gap) => {
    const seconds = Math.max(0, Math.round((gap.to - gap.from) / 1000));
    log.warn(
      `updates may have been missed for ${seconds} s, from ${iso(gap.from)} to ${iso(gap.to)}`,
    );
  };

  const unsubscribers = [
    feed.on('status', onStatus),
    feed.on('error', onError),
    feed.on('gap', onGap),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

function logState(log: Logger, status: FeedStatus): void {
  const reason = status.reason ? `: ${status.reason}` : '';
  switch (status.state) {
    case 'live':
      log.info('feed live');
      return;
    case 'connecting':
      log.info(`feed connecting${reason}`);
      return;
    case 'reconnecting':
      log.warn(`feed reconnecting${reason}`);
      return;
    case 'auth-failed':
      log.warn(`API key refused${reason}`);
      return;
    case 'stopped':
      log.info(`feed stopped${reason}`);
      return;
  }
}

function iso(at: number): string {
  return Number.isFinite(at) ? new Date(at).toISOString() : String(at);
}
