/** A fixed-capacity buffer that overwrites its oldest item: O(1) push, no shifting. */
export class RingBuffer<T> {
  readonly capacity: number;
  private readonly slots: (T | undefined)[];
  /** Index of the oldest item. */
  private head = 0;
  private count = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.slots = new Array<T | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count < this.capacity) {
      this.slots[(this.head + this.count) % this.capacity] = item;
      this.count += 1;
      return;
    }
    this.slots[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
  }

  /** The newest item, if any. */
  last(): T | undefined {
    if (this.count === 0) return undefined;
    return this.slots[(this.head + this.count - 1) % this.capacity];
  }

  /** Items oldest first. */
  toArray(): T[] {
    const out = new Array<T>(this.count);
    for (let i = 0; i < this.count; i += 1) {
      out[i] = this.slots[(this.head + i) % this.capacity] as T;
    }
    return out;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.count = 0;
  }
}
