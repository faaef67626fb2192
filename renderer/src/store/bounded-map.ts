/**
 * Sets a value as the most recently written (an update moves its key to the end), then
 * forgets the least recently written entries beyond `limit`.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > limit) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
}

/**
 * Records (orders, hedge bets) as main's store keeps them: in write order (an update
 * moves its key to the end), and beyond `limit` it forgets the least recently written
 * finished record (a filled order, a settled bet), or the least recently written one
 * when none is finished. Evicting the first key ever inserted would drop a long-lived
 * open order that is still being updated.
 *
 * O(1) per write: the finished keys are also kept apart, in write order; when there are
 * none, the map's first key is the oldest record in play.
 */
export class RecordMap<K, V> extends Map<K, V> {
  /** Finished keys, least recently written first. */
  private readonly finishedKeys = new Set<K>();

  constructor(
    readonly limit: number,
    private readonly isFinished: (value: V) => boolean,
  ) {
    super();
  }

  /** A RecordMap with the entries of `map`, in its order (then bounded). */
  static of<K, V>(
    map: ReadonlyMap<K, V>,
    limit: number,
    isFinished: (value: V) => boolean,
  ): RecordMap<K, V> {
    const records = new RecordMap<K, V>(limit, isFinished);
    for (const [key, value] of map) records.set(key, value);
    return records;
  }

  override set(key: K, value: V): this {
    super.delete(key);
    super.set(key, value);
    this.finishedKeys.delete(key);
    if (this.isFinished(value)) this.finishedKeys.add(key);
    while (this.size > this.limit) this.evictOne();
    return this;
  }

  override delete(key: K): boolean {
    this.finishedKeys.delete(key);
    return super.delete(key);
  }

  override clear(): void {
    this.finishedKeys.clear();
    super.clear();
  }

  private evictOne(): void {
    const finished = this.finishedKeys.values().next();
    const oldest = finished.done ? this.keys().next() : finished;
    if (oldest.done) return;
    this.delete(oldest.value);
  }
}

/** The newest `limit` items of `added` (oldest first) before `current` (newest first). */
export function prependNewest<T>(current: readonly T[], added: readonly T[], limit: number): T[] {
  const taken = Math.min(added.length, limit);
  const result = new Array<T>(Math.min(limit, taken + current.length));
  for (let i = 0; i < taken; i++) result[i] = added[added.length - 1 - i]!;
  for (let i = taken; i < result.length; i++) result[i] = current[i - taken]!;
  return result;
}
