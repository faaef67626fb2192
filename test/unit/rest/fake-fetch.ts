import type { Fetch } from '../../../main/rest';

export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
}

export type Answer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | ((request: SeenRequest, signal: AbortSignal | undefined) => Promise<Response>);

/**
 * A fetch that answers from a script, one answer per request (the last one repeats),
 * and remembers what was asked.
 */
export function scriptedFetch(...answers: Answer[]): { fetch: Fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetch: Fetch = async (input, init) => {
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init?.headers),
    };
    seen.push(request);
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!;
    if (typeof answer === 'function') return answer(request, init?.signal ?? undefined);
    const text =
      answer.body === undefined
        ? ''
        : typeof answer.body === 'string'
          ? answer.body
          : JSON.stringify(answer.body);
    return new Response(text, {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  return { fetch, seen };
}

/** Never answers; rejects when the request is aborted, as fetch does. */
export const hangingAnswer: Answer = (_request, signal) =>
  new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

export const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';
export const WS_URL = 'wss://mm.example.com/ws/subscribe';

export const STATUS_BODY = {
  client: 'demo',
  clientName: 'Demo Trading',
  oddsFormat: 'decimal',
  status: 'live',
  tradingActive: true,
  manualPaused: false,
  manualPausedAt: null,
  manualPauseReason: null,
  manualStopped: false,
  manualStoppedAt: null,
  manualStopReason: null,
  systemTradingBlocked: false,
  emergencyActive: false,
  systemStopped: false,
  softPaused: false,
  systemReason: null,
  systemDurationSeconds: 0,
};
