import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../../main/simulator';

let simulator: Simulator | undefined;

afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

/** Sends the request line and headers as they are (no client tidies them) and reads the answer. */
function rawRequest(
  sim: Simulator,
  requestLine: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(sim.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const status = Number(head.split(' ')[1]);
      resolve({ status, body: body ? JSON.parse(body) : null });
    });
    const lines = Object.entries({ host: 'localhost', connection: 'close', ...headers }).map(
      ([name, value]) => `${name}: ${value}`,
    );
    socket.write(`${requestLine}\r\n${lines.join('\r\n')}\r\n\r\n`);
  });
}

async function tradingStatusWorks(sim: Simulator): Promise<void> {
  const response = await fetch(`${sim.httpUrl}/api/v1/trading/status`, {
    headers: { 'X-API-Key': sim.demoKey },
  });
  expect(response.status).toBe(200);
}

describe('simulator HTTP side: malformed requests get an answer, and the server goes on', () => {
  it('answers 422, as FastAPI would, for a path parameter that is not valid percent-encoding', async () => {
    simulator = await startSimulator({ scenario: false });
    const answer = await rawRequest(simulator, 'POST /api/v1/orders/%E0%A4%A/cancel HTTP/1.1', {
      'x-api-key': simulator.demoKey,
      'content-length': '0',
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      detail: [expect.objectContaining({ type: 'int_parsing', loc: ['path', 'order_id'] })],
    });
    await tradingStatusWorks(simulator);
  });

  it('answers 401 for it without a key, and goes on', async () => {
    simulator = await startSimulator({ scenario: false });
    const answer = await rawRequest(simulator, 'POST /api/v1/orders/%ZZ%/cancel HTTP/1.1', {
      'content-length': '0',
    });
    expect(answer.status).toBe(401);
    await tradingStatusWorks(simulator);
  });

  it('answers 400 for a request target that is no URL', async () => {
    simulator = await startSimulator({ scenario: false });
    const answer = await rawRequest(simulator, 'GET http://[::1/api/v1/trading/status HTTP/1.1');
    expect(answer).toEqual({ status: 400, body: { detail: 'Bad Request' } });
    await tradingStatusWorks(simulator);
  });

  it('refuses a WebSocket upgrade whose target is no URL with 400', async () => {
    simulator = await startSimulator({ scenario: false });
    const answer = await rawRequest(simulator, 'GET http://[::1/ws/subscribe HTTP/1.1', {
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-version': '13',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    });
    expect(answer).toEqual({ status: 400, body: { detail: 'Bad Request' } });
    await tradingStatusWorks(simulator);
  });

  it('answers 500 when a route handler throws, synchronously or not', async () => {
    simulator = await startSimulator({ scenario: false });
    simulator.router
      .get('/boom/sync', () => {
        throw new Error('sync');
      })
      .get('/boom/async', async () => {
        throw new Error('async');
      });
    for (const path of ['/boom/sync', '/boom/async']) {
      const answer = await rawRequest(simulator, `GET ${path} HTTP/1.1`);
      expect(answer).toEqual({ status: 500, body: { detail: 'Internal Server Error' } });
    }
    await tradingStatusWorks(simulator);
  });
});
