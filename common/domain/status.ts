import type { ConnectionStatus } from './connection';

/** What the tray shows at a glance: the connection state and, beside it, the emergency flag. */
export interface FeedStatus extends ConnectionStatus {
  emergency: boolean;
  emergencyReason?: string;
  emergencySince?: number;
}
