/**
 * Sets a value, then forgets the first-inserted entries beyond `limit`. An update keeps its
 * key's place: views list records in the order they first appeared, so rows stay put.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.set(key, value);
  while (map.size > limit) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
}

/**
 * Records (orders, hedge bets, fixtures) as main's store keeps them: beyond `limit` it
 * forgets the least recently written finished record (a filled order, a settled bet), or
 * the least recently written one when none is finished, so a long-lived open order that
 * is still being updated stays. The map itself keeps first-insertion order (an update does
 * not move its key), because the views list records in it and rows must not jump.
 *
 * O(1) per write: two sets hold the keys in write order, finished and in play.
 */
export class RecordMap<K, V> extends Map<K, V> {
  /** Finished keys, least recently written first. */
  private readonly finishedKeys = new Set<K>();
  /** Keys still in play, least recently written first. */
  private readonly inPlayKeys = new Set<K>();

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
    super.set(key, value);
    this.finishedKeys.delete(key);
    this.inPlayKeys.delete(key);
    (this.isFinished(value) ? this.finishedKeys : this.inPlayKeys).add(key);
    while (this.size > this.limit) this.evictOne();
    return this;
  }

  override delete(key: K): boolean {
    this.finishedKeys.delete(key);
    this.inPlayKeys.delete(key);
    return super.delete(key);
  }

  override clear(): void {
    this.finishedKeys.clear();
    this.inPlayKeys.clear();
    super.clear();
  }

  private evictOne(): void {
    const finished = this.finishedKeys.values().next();
    const oldest = finished.done ? this.inPlayKeys.values().next() : finished;
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
