import { describe, expect, it } from 'vitest';
import { RestClient, RestTimeoutError } from '../../../main/rest';
import { rejection } from '../../support/rejection';
import { type Answer, hangingAnswer, KEY, STATUS_BODY, scriptedFetch, WS_URL } from './fake-fetch';

// A call may wait longer than the client's timeout (a kill switch cancelling hundreds of
// orders), per attempt, and a POST is still sent once unless the server answers 429.

/** Answers 200 with `body` after `ms`; rejects when aborted first, as fetch does. */
const slowAnswer =
  (ms: number, body: unknown): Answer =>
  (_request, signal) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => resolve(new Response(JSON.stringify(body), { status: 200 })),
        ms,
      );
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    });

function client(...answers: Answer[]) {
  const { fetch, seen } = scriptedFetch(...answers);
  const delays: number[] = [];
  const rest = new RestClient({
    url: WS_URL,
    apiKey: KEY,
    fetch,
    timeoutMs: 20,
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  return { rest, seen, delays };
}

describe('RestClient: a call’s own timeout', () => {
  it('waits for a slow stop and a slow cancel-all as long as the call asks', async () => {
    const { rest, seen } = client(
      slowAnswer(100, { ...STATUS_BODY, status: 'manual_stopped', result: 'stop_applied' }),
      slowAnswer(100, { cancelled: 250 }),
    );
    const stopped = await rest.stop({ timeoutMs: 5_000 });
    const cancelled = await rest.cancelAll({}, { timeoutMs: 5_000 });
    expect(stopped).toMatchObject({ status: 'manual_stopped', result: 'stop_applied' });
    expect(cancelled).toMatchObject({ cancelled: 250 });
    expect(seen.map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('keeps the client’s timeout for a call that asks none', async () => {
    const { rest } = client(slowAnswer(100, STATUS_BODY));
    const error = await rejection(rest.pause());
    expect(error).toBeInstanceOf(RestTimeoutError);
    expect((error as RestTimeoutError).timeoutMs).toBe(20);
  });

  it('gives up after the call’s timeout, says so, and sends the POST once', async () => {
    const { rest, seen, delays } = client(hangingAnswer);
    const error = await rejection(rest.stop({ timeoutMs: 60 }));
    expect(error).toBeInstanceOf(RestTimeoutError);
    expect(error.message).toBe('no answer from the server within 0.06 s');
    expect(seen).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('gives each attempt after a 429 the call’s timeout', async () => {
    const { rest, seen, delays } = client(
      { status: 429 },
      slowAnswer(100, { ...STATUS_BODY, status: 'manual_stopped', result: 'stop_applied' }),
    );
    expect(await rest.stop({ timeoutMs: 5_000 })).toMatchObject({ result: 'stop_applied' });
    expect(seen).toHaveLength(2);
    expect(delays).toEqual([1000]);
  });
});
