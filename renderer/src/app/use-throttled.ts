import { useEffect, useReducer, useRef } from 'react';

/**
 * `value`, changing at most once every `intervalMs`: a change after a quiet spell shows at
 * once (in the same render); changes in quick succession show together when the interval
 * is over.
 */
export function useThrottled<T>(value: T, intervalMs: number): T {
  const state = useRef({ shown: value, at: Number.NEGATIVE_INFINITY });
  const [, renderAgain] = useReducer((n: number) => n + 1, 0);
  const now = performance.now();
  if (!Object.is(value, state.current.shown) && now - state.current.at >= intervalMs) {
    // Idempotent within a render pass, so safe to do while rendering.
    state.current = { shown: value, at: now };
  }
  useEffect(() => {
    if (Object.is(value, state.current.shown)) return;
    const timer = setTimeout(
      renderAgain,
      Math.max(0, state.current.at + intervalMs - performance.now()),
    );
    return () => clearTimeout(timer);
  });
  return state.current.shown;
}
