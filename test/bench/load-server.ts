import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';
import { flood, paced } from './load-streams';
import type { LoadServerConfig, LoadServerMessage, StreamMode } from './messages';
import { describeFrames, ScenarioFrames } from './scenario-frames';
import { packFrames } from './ws-wire';

/**
 * The benchmark's load server, run as its own process: a minimal MM endpoint on loopback
 * that answers subscribe with subscribed and ping with pong, then, by the query string of
 * the URL, stays idle with heartbeats (no query), floods pre-serialised frames
 * (?mode=flood), or paces stamped frames (?mode=paced&rate=1000&seconds=10).
 */

const WS_PATH = '/ws/subscribe';
const CHUNK_BYTES = 64 * 1024;
const HEARTBEAT = '{"type":"heartbeat"}';
const PONG = '{"type":"pong"}';

function report(message: LoadServerMessage): void {
  process.send?.(message);
}

const config = JSON.parse(process.argv[2] ?? '{}') as LoadServerConfig;
const generateStart = performance.now();
const texts = new ScenarioFrames().take(config.frames);
const chunks = packFrames(texts, CHUNK_BYTES);
const generateMs = performance.now() - generateStart;

function modeOf(req: IncomingMessage): { mode: StreamMode; query: URLSearchParams } {
  const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
  const mode = query.get('mode');
  return { mode: mode === 'flood' || mode === 'paced' ? mode : 'idle', query };
}

function serve(ws: WebSocket, socket: Socket, req: IncomingMessage): void {
  const { mode, query } = modeOf(req);
  const openedAt = performance.now();
  let subscribed = false;
  let pings = 0;
  let heartbeats = 0;
  let stop = () => {};

  const start = () => {
    if (mode === 'flood') {
      flood(ws, socket, chunks, (stats) =>
        report({ type: 'flood-done', frames: texts.length, ...stats }),
      );
    } else if (mode === 'paced') {
      const rate = Number(query.get('rate') ?? 1000);
      const seconds = Number(query.get('seconds') ?? 10);
      stop = paced(ws, texts, rate, seconds, (frames, elapsedMs) =>
        report({ type: 'paced-done', frames, elapsedMs }),
      );
    } else {
      const timer = setInterval(() => {
        heartbeats++;
        ws.send(HEARTBEAT);
      }, config.heartbeatMs);
      stop = () => clearInterval(timer);
    }
  };

  ws.on('message', (data) => {
    let frame: { type?: unknown; channels?: unknown };
    try {
      frame = JSON.parse(data.toString('utf8'));
    } catch {
      return;
    }
    if (frame.type === 'ping') {
      pings++;
      ws.send(PONG);
    } else if (frame.type === 'subscribe' && !subscribed) {
      subscribed = true;
      ws.send(JSON.stringify({ type: 'subscribed', subscriptionId: 1, channels: frame.channels }));
      start();
    } else if (frame.type === 'unsubscribe') {
      stop();
    }
  });
  ws.on('error', () => {});
  ws.on('close', () => {
    stop();
    if (mode === 'idle' && subscribed)
      report({ type: 'idle-closed', pings, heartbeats, openMs: performance.now() - openedAt });
  });
}

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
const server = createServer((_req, res) => {
  res.writeHead(426).end();
});
server.on('upgrade', (req, socket, head) => {
  if (!req.url?.startsWith(WS_PATH)) {
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => serve(ws, socket as Socket, req));
});

server.listen(0, '127.0.0.1', () => {
  const { frameBytesAvg, channelMix } = describeFrames(texts);
  report({
    type: 'ready',
    port: (server.address() as AddressInfo).port,
    frameCount: texts.length,
    frameBytesAvg,
    channelMix,
    generateMs,
  });
});

function shutDown(): void {
  server.closeAllConnections();
  server.close();
  process.exit(0);
}
process.on('message', (message: { type?: string }) => {
  if (message.type === 'stop') shutDown();
});
process.on('disconnect', shutDown);
