import type { Socket } from 'node:net';
import WebSocket from 'ws';

/** Userland bytes queued on the socket before the flood waits for it to drain. */
const HIGH_WATER_BYTES = 1024 * 1024;

export interface FloodStats {
  bytes: number;
  elapsedMs: number;
  blockedMs: number;
}

/**
 * Writes the pre-built frame chunks as fast as the socket takes them: refill up to the
 * high-water mark, wait for 'drain', repeat. Time spent waiting is time the client was
 * the bottleneck.
 */
export function flood(
  ws: WebSocket,
  socket: Socket,
  chunks: readonly Buffer[],
  done: (stats: FloodStats) => void,
): void {
  const start = performance.now();
  let index = 0;
  let bytes = 0;
  let blockedMs = 0;
  const pump = (blockedSince?: number) => {
    if (blockedSince !== undefined) blockedMs += performance.now() - blockedSince;
    while (index < chunks.length) {
      if (ws.readyState !== WebSocket.OPEN) return;
      const chunk = chunks[index++]!;
      bytes += chunk.length;
      if (index === chunks.length) {
        socket.write(chunk, () => done({ bytes, elapsedMs: performance.now() - start, blockedMs }));
        return;
      }
      socket.write(chunk);
      if (socket.writableLength >= HIGH_WATER_BYTES) {
        const since = performance.now();
        socket.once('drain', () => pump(since));
        return;
      }
    }
  };
  pump();
}

export function nowUs(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

const PAYLOAD_OPENING = '"payload":{';

/** The frame with `sentAtUs` as the payload's first field (clients keep unknown fields). */
export function stampFrame(text: string, sentAtUs: number): string {
  const at = text.indexOf(PAYLOAD_OPENING) + PAYLOAD_OPENING.length;
  return `${text.slice(0, at)}"sentAtUs":${sentAtUs},${text.slice(at)}`;
}

/**
 * Sends `ratePerSec` frames a second for `seconds`, each stamped just before it is sent.
 * Returns a function that stops it early.
 */
export function paced(
  ws: WebSocket,
  texts: readonly string[],
  ratePerSec: number,
  seconds: number,
  done: (frames: number, elapsedMs: number) => void,
): () => void {
  const total = Math.round(ratePerSec * seconds);
  const start = performance.now();
  let sent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    timer = undefined;
    if (ws.readyState !== WebSocket.OPEN) return;
    const due = Math.min(total, Math.floor(((performance.now() - start) * ratePerSec) / 1000) + 1);
    while (sent < due) {
      ws.send(stampFrame(texts[sent % texts.length]!, nowUs()));
      sent++;
    }
    if (sent < total) timer = setTimeout(tick, 1);
    else done(sent, performance.now() - start);
  };
  tick();
  return () => {
    if (timer !== undefined) clearTimeout(timer);
  };
}
