import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import type { ConnectionStatus } from '../../../common/domain/connection';
import type { ErrorRecord } from '../../../common/domain/events';
import { testKey } from '../../../main/app/key-tester';
import { FeedConnection } from '../../../main/feed/connection';
import { waitFor } from '../../support/wait';

const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
const ANY_UUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;

/** How the server answers a subscribe: it echoes the key it was sent back in its text. */
type Answer = (socket: WebSocket, sentKey: string) => void;

const servers: WebSocketServer[] = [];

/** A real WebSocket server on the loopback interface that answers every subscribe the same way. */
async function echoingServer(answer: Answer): Promise<string> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; apiKey?: string };
      if (frame.type === 'subscribe') answer(socket, frame.apiKey ?? '');
    });
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws/subscribe`;
}

function watch(url: string) {
  const connection = new FeedConnection({
    url,
    apiKey: KEY,
    channels: ['orders'],
    backoff: { baseMs: 60_000, capMs: 60_000 },
    random: () => 1,
  });
  const statuses: ConnectionStatus[] = [];
  const errors: ErrorRecord[] = [];
  connection.on('status', (status) => statuses.push(status));
  connection.on('error', (error) => errors.push(error));
  connection.start();
  return { connection, statuses, errors };
}

function expectNoKey(value: unknown): void {
  const text = JSON.stringify(value);
  expect(text).not.toMatch(ANY_UUID);
  expect(text.toLowerCase()).not.toContain(KEY.replaceAll('-', ''));
}

const connections: FeedConnection[] = [];

afterEach(async () => {
  await Promise.all(connections.splice(0).map((c) => c.stop()));
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          for (const client of server.clients) client.terminate();
          server.close(() => resolve());
        }),
    ),
  );
});

describe('server text that echoes the key never reaches statuses or error records', () => {
  it('a refusal as an error frame: the reason and the error record keep the words, not the key', async () => {
    const url = await echoingServer((socket, sentKey) =>
      socket.send(JSON.stringify({ type: 'error', message: `Invalid API key: ${sentKey}` })),
    );
    const { connection, statuses, errors } = watch(url);
    connections.push(connection);
    await waitFor(() => connection.status.state === 'auth-failed', 'the refusal');
    expect(connection.status.reason).toBe('Invalid API key: [redacted]');
    expect(errors.map((e) => e.message)).toContain('server: Invalid API key: [redacted]');
    expectNoKey({ statuses, errors });
  });

  it('a refusal as a close reason, the key in capitals and without dashes', async () => {
    const url = await echoingServer((socket, sentKey) =>
      socket.close(4001, `Invalid API key ${sentKey.toUpperCase().replaceAll('-', '')}`),
    );
    const { connection, statuses, errors } = watch(url);
    connections.push(connection);
    await waitFor(() => connection.status.state === 'auth-failed', 'the refusal');
    expect(connection.status.reason).toBe('Invalid API key [redacted]');
    expectNoKey({ statuses, errors });
  });

  it('other server errors, close reasons and unreadable frames that carry the key', async () => {
    const url = await echoingServer((socket, sentKey) => {
      socket.send(JSON.stringify({ type: 'error', message: `slow down, ${sentKey}` }));
      socket.send(JSON.stringify({ type: 'mystery', apiKey: sentKey, note: sentKey }));
      socket.close(4000, `going away, ${sentKey}`);
    });
    const { connection, statuses, errors } = watch(url);
    connections.push(connection);
    await waitFor(() => connection.status.state === 'reconnecting', 'the reconnect');
    expect(connection.status.reason).toBe('closed by the server (4000: going away, [redacted])');
    expect(errors.map((e) => e.source)).toEqual(['server', 'bad-frame']);
    expect(errors[0]!.message).toBe('server: slow down, [redacted]');
    expectNoKey({ statuses, errors });
  });
});

describe('the key test reply never carries the key', () => {
  it('when the server echoes it in an error frame or a close reason', async () => {
    const inFrame = await echoingServer((socket, sentKey) =>
      socket.send(JSON.stringify({ type: 'error', message: `Invalid API key ${sentKey}` })),
    );
    const inClose = await echoingServer((socket, sentKey) =>
      socket.close(4000, `no room for ${sentKey}`),
    );
    const refused = await testKey({ url: inFrame, apiKey: KEY, timeoutMs: 5_000 });
    expect(refused).toEqual({
      ok: false,
      message: 'the server refused the key: Invalid API key [redacted]',
    });
    const closed = await testKey({ url: inClose, apiKey: KEY, timeoutMs: 5_000 });
    expect(closed).toEqual({
      ok: false,
      message: 'could not connect: closed by the server (4000: no room for [redacted])',
    });
  });

  it('when the endpoint it was given is not a URL and carries the key', async () => {
    const reply = await testKey({ url: `not a url ${KEY}`, apiKey: KEY });
    expect(reply.ok).toBe(false);
    expect(reply.message).toContain('not a valid URL');
    expectNoKey(reply);
  });
});
