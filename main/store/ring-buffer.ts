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

  /** Stores the item; returns its slot (0 to capacity - 1), for data kept beside it. */
  push(item: T): number {
    let slot: number;
    if (this.count < this.capacity) {
      slot = (this.head + this.count) % this.capacity;
      this.count += 1;
    } else {
      slot = this.head;
      this.head = (this.head + 1) % this.capacity;
    }
    this.slots[slot] = item;
    return slot;
  }

  /** The newest item, if any. */
  last(): T | undefined {
    if (this.count === 0) return undefined;
    return this.slots[(this.head + this.count - 1) % this.capacity];
  }

  /** Items oldest first. */
  toArray(): T[] {
    const out = new Array<T>(this.count);
    this.forEach((item, _slot, i) => {
      out[i] = item;
    });
    return out;
  }

  /** Calls `visit` for each item, oldest first, with its slot and its position. */
  forEach(visit: (item: T, slot: number, position: number) => void): void {
    for (let i = 0; i < this.count; i += 1) {
      const slot = (this.head + i) % this.capacity;
      visit(this.slots[slot] as T, slot, i);
    }
  }

  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.count = 0;
  }
}
