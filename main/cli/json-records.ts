import type { Gap } from '../../common/domain/connection';
import type { ErrorRecord, FeedEvent } from '../../common/domain/events';
import type { NotificationIntent } from '../../common/domain/notifications';
import type { FeedStatus } from '../../common/domain/status';

/** The NDJSON records of `mm-tray-cli --json`: one object per line, nothing else on stdout. */
export const jsonRecord = {
  /** `gap`: on the return to live after a reconnect, what updates may have been missed. */
  status: (status: FeedStatus, gap?: Gap) => ({
    type: 'status',
    ...status,
    ...(gap ? { gap: { from: gap.from, to: gap.to } } : {}),
  }),
  event: (event: FeedEvent) => ({
    type: 'event',
    channel: event.channel,
    event: event.event,
    payload: event.payload,
    ...(event.old ? { old: event.old } : {}),
    seq: event.seq,
    receivedAt: event.receivedAt,
  }),
  notification: (intent: NotificationIntent) => ({ type: 'notification', ...intent }),
  error: (error: ErrorRecord) => ({ type: 'error', ...error }),
};
