import type { TradingStatus } from '../../common/rest/trading-status';
import type { FeedEngine } from '../engine';

type EmergencyFollower = Pick<FeedEngine, 'on' | 'status' | 'store' | 'mergeState'>;

/**
 * The socket never replays: an emergency raised before the CLI connected, or raised or
 * cleared while it was reconnecting, is known only to REST (`trading/status`). So at each
 * return to live the emergency is read there and taken in, unless an emergency broadcast
 * came meanwhile (it is newer than the read). Returns the function that stops following.
 */
export function readEmergencyOnLive(
  engine: EmergencyFollower,
  readTradingStatus: () => Promise<TradingStatus>,
  onFailure: (message: string) => void,
): () => void {
  let live = false;
  return engine.on('status', (status) => {
    const wasLive = live;
    live = status.state === 'live';
    if (!live || wasLive) return;
    const broadcastsBefore = engine.store.emergencyBroadcasts;
    readTradingStatus().then(
      (trading) => {
        if (engine.store.emergencyBroadcasts !== broadcastsBefore) return;
        if (engine.status.state !== 'live') return;
        engine.mergeState({
          emergency: { active: trading.emergencyActive, reason: trading.systemReason ?? null },
        });
      },
      (error: unknown) =>
        onFailure(
          `could not read the emergency state from REST (trading/status): ${
            error instanceof Error ? error.message : String(error)
          }`,
        ),
    );
  });
}
