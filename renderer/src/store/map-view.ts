/**
 * A read-only view of a Map that the store keeps changing in place. Each change of the
 * store hands out a new view (a new identity for React to notice) over the same Map,
 * instead of copying thousands of records every frame.
 */
export class MapView<K, V> implements ReadonlyMap<K, V> {
  constructor(private readonly inner: Map<K, V>) {}

  /** The Map behind a view, to change in place; any other map is copied first. */
  static writable<K, V>(map: ReadonlyMap<K, V>): Map<K, V> {
    return map instanceof MapView ? (map as MapView<K, V>).inner : new Map(map);
  }

  get size(): number {
    return this.inner.size;
  }

  get(key: K): V | undefined {
    return this.inner.get(key);
  }

  has(key: K): boolean {
    return this.inner.has(key);
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.inner) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[K, V]> {
    return this.inner.entries();
  }

  keys(): MapIterator<K> {
    return this.inner.keys();
  }

  values(): MapIterator<V> {
    return this.inner.values();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.inner[Symbol.iterator]();
  }
}
