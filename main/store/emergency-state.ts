import type { EmergencyState } from '../../common/domain/feed-state';
import type { EmergencyPayload } from '../../common/protocol/payloads';
import {
  type EmergencyClearedEffect,
  type EmergencyEffect,
  NO_EFFECTS,
  type StoreEffect,
} from './effects';
import { parseTimestamp } from './records';

export type { EmergencyState };

export interface EmergencyInput {
  active: boolean;
  reason?: string | null;
  /** When it was triggered or cleared (epoch ms), if the source says. */
  since?: number | null;
}

/** Emergency mode as last reported, and the transitions worth telling anyone about. */
export class EmergencyTracker {
  private current: EmergencyState = { active: false, reason: null, since: null };
  private broadcasts = 0;

  get state(): EmergencyState {
    return this.current;
  }

  /**
   * How many emergency broadcasts were applied so far. A REST read that began before the
   * count moved is older than what the socket said, and must not overrule it.
   */
  get broadcastsApplied(): number {
    return this.broadcasts;
  }

  /** An emergency broadcast from the feed. */
  applyPayload(payload: EmergencyPayload, receivedAt: number): readonly StoreEffect[] {
    this.broadcasts += 1;
    return this.apply(
      {
        active: payload.emergency === true,
        reason: typeof payload.reason === 'string' ? payload.reason : null,
        since: parseTimestamp(payload.triggeredAt) ?? null,
      },
      receivedAt,
    );
  }

  apply(input: EmergencyInput, receivedAt: number): readonly StoreEffect[] {
    const reason = input.reason ?? null;
    const reported =
      typeof input.since === 'number' && Number.isFinite(input.since) ? input.since : null;
    const was = this.current;
    if (input.active) {
      const retriggered = reported !== null && reported !== was.since;
      if (was.active && reason === was.reason && !retriggered) return NO_EFFECTS;
      const since = reported ?? (was.active && was.since !== null ? was.since : receivedAt);
      this.current = { active: true, reason, since };
      const effect: EmergencyEffect = { kind: 'emergency', active: true, reason, since };
      return [effect];
    }
    if (!was.active) {
      if (was.since === null) this.current = { active: false, reason, since: receivedAt };
      return NO_EFFECTS;
    }
    this.current = { active: false, reason, since: receivedAt };
    const effect: EmergencyClearedEffect = {
      kind: 'emergency-cleared',
      reason,
      since: receivedAt,
      activeSince: was.since,
    };
    return [effect];
  }
}
