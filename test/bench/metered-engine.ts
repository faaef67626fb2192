import type { Broadcast, ServerFrame } from '../../common/protocol/server-frames';
import { FeedEngine, type FeedEngineOptions } from '../../main/engine';

/** The feed engine, with a hook called when the store and the policy are done with a broadcast. */
export class MeteredEngine extends FeedEngine {
  constructor(
    options: FeedEngineOptions,
    private readonly afterBroadcast: (frame: Broadcast) => void,
  ) {
    super(options);
  }

  override handleFrame(frame: ServerFrame, receivedAt: number, text?: string): void {
    super.handleFrame(frame, receivedAt, text);
    if (frame.type === 'broadcast') this.afterBroadcast(frame);
  }
}
