/**
 * Electron's main process has no "network came back" event: poll `net.isOnline()` and
 * report each offline → online transition (the feed then checks its connection at once).
 */
export function watchNetwork(options: {
  isOnline: () => boolean;
  onBackOnline: () => void;
  intervalMs?: number;
}): () => void {
  let online = options.isOnline();
  const timer = setInterval(() => {
    const now = options.isOnline();
    if (now && !online) options.onBackOnline();
    online = now;
  }, options.intervalMs ?? 5_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
