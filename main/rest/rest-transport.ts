import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import { readErrorBody } from './error-body';
import {
  KeyRefusedError,
  NetworkError,
  RateLimitedError,
  RequestInvalidError,
  RestTimeoutError,
  ServerRefusedError,
  UnexpectedResponseError,
} from './rest-errors';
import { retryAfterMs, retryDelayMs } from './retry-delay';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
export type Fetch = typeof fetch;
export type Query = Record<string, string | number | boolean | null | undefined>;
export type Method = 'GET' | 'POST';

/** Extra per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Per attempt, answer body included, in place of the client's timeoutMs. */
  timeoutMs?: number;
}

export interface RetryInfo {
  /** e.g. "GET /trading/status". */
  request: string;
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
}

export interface RestTransportOptions {
  /** e.g. https://mmapi.55-tech.com/api/v1 */
  baseUrl: string;
  apiKey: string;
  /** Per attempt, answer body included, unless a call says otherwise. */
  timeoutMs: number;
  /** Attempts per call when the server answers 429 (the first one included). */
  maxAttempts: number;
  /** Longest wait between two attempts, whatever Retry-After says. */
  maxRetryDelayMs: number;
  sleep: Sleep;
  fetch: Fetch;
  now: () => number;
  onRetry?: (retry: RetryInfo) => void;
}

export const defaultSleep: Sleep = (ms, signal) =>
  delay(ms, undefined, signal ? { signal } : undefined);

interface Answer {
  status: number;
  statusText: string;
  retryAfter: string | null;
  text: string;
  json: unknown;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/**
 * One HTTP exchange with the MM REST API: the key header, a timeout per attempt, the
 * documented back-off on 429, and every failure turned into a typed RestError.
 */
export class RestTransport {
  private readonly host: string;

  constructor(private readonly options: RestTransportOptions) {
    this.host = new URL(options.baseUrl).host;
  }

  url(path: string, query: Query = {}): string {
    const url = new URL(this.options.baseUrl + path);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  /** Sends the request and returns the validated 2xx body. */
  async call<T>(
    method: Method,
    path: string,
    query: Query,
    schema: z.ZodType<T>,
    options: CallOptions = {},
  ): Promise<T> {
    const request = `${method} ${path}`;
    const json = await this.exchange(method, path, query, request, options);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new UnexpectedResponseError(
        request,
        200,
        `unexpected answer to ${request}: ${at}${issue?.message ?? 'invalid'}`,
      );
    }
    return parsed.data;
  }

  private async exchange(
    method: Method,
    path: string,
    query: Query,
    request: string,
    options: CallOptions,
  ): Promise<unknown> {
    const { maxAttempts } = this.options;
    const { signal } = options;
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    for (let attempt = 1; ; attempt++) {
      const answer = await this.attempt(method, this.url(path, query), request, {
        timeoutMs,
        signal,
      });
      if (answer.status >= 200 && answer.status < 300) return answer.json;
      if (answer.status === 429 && attempt < Math.max(1, maxAttempts)) {
        const delayMs = retryDelayMs(attempt, retryAfterMs(answer.retryAfter, this.options.now()), {
          maxMs: this.options.maxRetryDelayMs,
        });
        this.options.onRetry?.({ request, retry: attempt, delayMs });
        await this.options.sleep(delayMs, signal);
        continue;
      }
      throw this.failure(request, answer, attempt);
    }
  }

  private async attempt(
    method: Method,
    url: string,
    request: string,
    { timeoutMs, signal }: { timeoutMs: number; signal: AbortSignal | undefined },
  ): Promise<Answer> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const response = await this.options.fetch(url, {
        method,
        headers: { 'X-API-Key': this.options.apiKey, accept: 'application/json' },
        signal: combined,
        redirect: 'error',
      });
      const text = await response.text();
      return {
        status: response.status,
        statusText: response.statusText,
        retryAfter: response.headers.get('retry-after'),
        text,
        json: parseJson(text),
      };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) throw new RestTimeoutError(request, timeoutMs);
      const code = causeCode(error);
      throw new NetworkError(
        request,
        `could not reach ${this.host}${code ? ` (${code})` : ''}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  private failure(request: string, answer: Answer, attempts: number): Error {
    const { detail, issues } = readErrorBody(
      answer.json,
      answer.text,
      answer.status,
      answer.statusText,
    );
    switch (answer.status) {
      case 401:
        return new KeyRefusedError(request, detail);
      case 409:
      case 502:
        return new ServerRefusedError(request, answer.status, detail);
      case 422:
        return new RequestInvalidError(request, issues, detail);
      case 429:
        return new RateLimitedError(request, attempts);
      default:
        return new UnexpectedResponseError(
          request,
          answer.status,
          `${request} answered ${answer.status}: ${detail}`,
        );
    }
  }
}
