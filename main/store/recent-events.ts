import type { FeedEvent } from '../../common/domain/events';
import { parseServerFrame } from '../../common/protocol/server-frames';
import { RingBuffer } from './ring-buffer';

/**
 * The last `capacity` broadcasts, oldest overwritten first. Where the frame's text is at
 * hand it keeps that text (one flat string) instead of the event's object graph and parses
 * it again when asked: the engine writes here for every frame but reads only for snapshots,
 * and thousands of live object graphs are what the garbage collector pays for at every
 * young-generation collection. Parsing is deterministic, so the events read back are equal
 * to the ones written.
 */
export class RecentEvents {
  private readonly ring: RingBuffer<FeedEvent | string>;
  /** seq and arrival time of each slot's event, beside the ring (no object per event). */
  private readonly seqs: Float64Array;
  private readonly times: Float64Array;

  constructor(capacity: number) {
    this.ring = new RingBuffer(capacity);
    this.seqs = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
  }

  get size(): number {
    return this.ring.size;
  }

  /** Keeps the event, as `text` when given: the server's text of that very broadcast. */
  push(event: FeedEvent, text?: string): void {
    const slot = this.ring.push(text ?? event);
    this.seqs[slot] = event.seq;
    this.times[slot] = event.receivedAt;
  }

  /** The events, oldest first. */
  toArray(): FeedEvent[] {
    const out: FeedEvent[] = [];
    this.ring.forEach((kept, slot) => {
      const event = typeof kept === 'string' ? this.parse(kept, slot) : kept;
      if (event) out.push(event);
    });
    return out;
  }

  clear(): void {
    this.ring.clear();
  }

  private parse(text: string, slot: number): FeedEvent | undefined {
    const parsed = parseServerFrame(text);
    // Only texts of valid broadcasts are written; anything else would be a caller's bug.
    if (!parsed.ok || parsed.frame.type !== 'broadcast') return undefined;
    const event = parsed.frame as FeedEvent;
    event.seq = this.seqs[slot] as number;
    event.receivedAt = this.times[slot] as number;
    return event;
  }
}
