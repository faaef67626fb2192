import { useEffect, useState } from 'react';

/**
 * A setting as the control shows it: changed at once when the user changes it, then
 * replaced by what main stored (the same value, or the old one if the change failed)
 * whenever new settings arrive (`settings`, the object the value was read from).
 */
export function useShownValue<T>(stored: T, settings: object): [T, (value: T) => void] {
  const [shown, setShown] = useState(stored);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new settings object resets the value even when it is unchanged
  useEffect(() => setShown(stored), [stored, settings]);
  return [shown, setShown];
}
