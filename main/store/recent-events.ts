import type { FeedEvent } from '../../common/domain/events';
import { parseServerFrame } from '../../common/protocol/server-frames';

/**
 * The last `capacity` broadcasts, oldest overwritten first. Where the frame's text is at
 * hand it keeps that text (one flat string) instead of the event's object graph and parses
 * it again when asked: the engine writes here for every frame but reads only for snapshots,
 * and thousands of live object graphs are what the garbage collector pays for at every
 * young-generation collection. Parsing is deterministic, so the events read back are equal
 * to the ones written.
 */
export class RecentEvents {
  readonly capacity: number;
  private readonly slots: (FeedEvent | string | undefined)[];
  private readonly seqs: Float64Array;
  private readonly times: Float64Array;
  /** Index of the oldest entry. */
  private head = 0;
  private count = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`recent events capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.slots = new Array<FeedEvent | string | undefined>(capacity).fill(undefined);
    this.seqs = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Keeps the event, as `text` when given: the server's text of that very broadcast. */
  push(event: FeedEvent, text?: string): void {
    let index: number;
    if (this.count < this.capacity) {
      index = (this.head + this.count) % this.capacity;
      this.count += 1;
    } else {
      index = this.head;
      this.head = (this.head + 1) % this.capacity;
    }
    this.slots[index] = text ?? event;
    this.seqs[index] = event.seq;
    this.times[index] = event.receivedAt;
  }

  /** The events, oldest first. */
  toArray(): FeedEvent[] {
    const out: FeedEvent[] = [];
    for (let i = 0; i < this.count; i += 1) {
      const index = (this.head + i) % this.capacity;
      const event = this.read(index);
      if (event) out.push(event);
    }
    return out;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  private read(index: number): FeedEvent | undefined {
    const slot = this.slots[index];
    if (typeof slot !== 'string') return slot;
    const parsed = parseServerFrame(slot);
    // Only texts of valid broadcasts are written; anything else would be a caller's bug.
    if (!parsed.ok || parsed.frame.type !== 'broadcast') return undefined;
    const event = parsed.frame as FeedEvent;
    event.seq = this.seqs[index] as number;
    event.receivedAt = this.times[index] as number;
    return event;
  }
}
