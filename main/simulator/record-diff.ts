function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return false;
}

/**
 * Applies `changes` to `record` in place and returns the previous values of the fields
 * that really changed (the `old` of an UPDATE), or null when nothing changed.
 */
export function applyChanges<T extends object>(
  record: T,
  changes: Partial<T>,
): Record<string, unknown> | null {
  const target = record as Record<string, unknown>;
  const old: Record<string, unknown> = {};
  let changed = false;
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined || sameValue(target[field], value)) continue;
    old[field] = target[field] ?? null;
    target[field] = value;
    changed = true;
  }
  return changed ? old : null;
}
