import { useEffect, useRef } from 'react';

/**
 * Once per navigation request (its serial), as soon as the requested item is known, hands
 * it to `reveal`: the view clears the filters that would hide it. Later filter changes by
 * the user are left alone.
 */
export function useRevealOnce<Item>(
  serial: number | undefined,
  item: Item | undefined,
  reveal: (item: Item) => void,
): void {
  const revealedSerial = useRef<number | null>(null);
  const revealRef = useRef(reveal);
  revealRef.current = reveal;
  useEffect(() => {
    if (serial === undefined || item === undefined || revealedSerial.current === serial) return;
    revealedSerial.current = serial;
    revealRef.current(item);
  }, [serial, item]);
}
