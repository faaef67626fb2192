/** Sets a value, then forgets the oldest entries (first inserted) beyond `limit`. */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.set(key, value);
  while (map.size > limit) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
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
