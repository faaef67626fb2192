import { useEffect, useRef, useState } from 'react';

/**
 * What a live region should say about `value`: the value after a change worth saying
 * (`worthSaying(before, now)`), null after any other change, which empties the region so
 * that saying the same again later is heard. Nothing for the value the page opened with,
 * nor when a reload brings the same value back.
 */
export function useAnnouncement<T>(
  value: T,
  worthSaying: (before: T, now: T) => boolean,
): T | null {
  const [announced, setAnnounced] = useState<T | null>(null);
  const previous = useRef(value);
  const worthSayingRef = useRef(worthSaying);
  worthSayingRef.current = worthSaying;
  useEffect(() => {
    const before = previous.current;
    if (Object.is(before, value)) return;
    previous.current = value;
    setAnnounced(worthSayingRef.current(before, value) ? value : null);
  }, [value]);
  return announced;
}
