import { redactSecrets } from '../../common/redact';

/** One entry of a 422 answer's detail list (FastAPI style). */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/**
 * Anything a REST call can fail with. `request` names the call ("POST /trading/stop"),
 * never the key; every message is passed through redactSecrets as well.
 */
export abstract class RestError extends Error {
  abstract readonly kind: string;

  constructor(
    readonly request: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(redactSecrets(message), options);
    this.name = new.target.name;
  }
}

/** 401: the server does not know the key, or the client is inactive. Like a refused key on the socket. */
export class KeyRefusedError extends RestError {
  readonly kind = 'key-refused';
  readonly status = 401;

  constructor(
    request: string,
    readonly detail: string,
  ) {
    super(request, `the server refused the API key (${detail})`);
  }
}

/**
 * The server understood and refused or failed: 409 (blocked by the trading state) or
 * 502 (a cancel that partly failed at the exchanges). `detail` is the server's own text.
 */
export class ServerRefusedError extends RestError {
  readonly kind = 'server-refused';

  constructor(
    request: string,
    readonly status: 409 | 502,
    readonly detail: string,
  ) {
    super(request, detail);
  }
}

/** 422: the server rejected the request's parameters; the message summarises the list. */
export class RequestInvalidError extends RestError {
  readonly kind = 'request-invalid';
  readonly status = 422;

  constructor(
    request: string,
    readonly issues: ValidationIssue[],
    summary: string,
  ) {
    super(request, `the server rejected the request: ${summary}`);
  }
}

/** 429 on every attempt: the rate limit held through all the back-off. */
export class RateLimitedError extends RestError {
  readonly kind = 'rate-limited';
  readonly status = 429;

  constructor(
    request: string,
    readonly attempts: number,
  ) {
    super(request, `rate limited: still refused after ${attempts} attempts; try again later`);
  }
}

/** The server could not be reached, or the connection broke before an answer. */
export class NetworkError extends RestError {
  readonly kind: 'network' | 'timeout' = 'network';
}

/** No complete answer within the timeout. */
export class RestTimeoutError extends NetworkError {
  override readonly kind = 'timeout';

  constructor(
    request: string,
    readonly timeoutMs: number,
  ) {
    super(request, `no answer from the server within ${timeoutMs / 1000} s`);
  }
}

/** Any other status (404, 500, 503...), or a 2xx whose body is not what was documented. */
export class UnexpectedResponseError extends RestError {
  readonly kind = 'unexpected-response';

  constructor(
    request: string,
    /** The HTTP status; 2xx when the body was the problem. */
    readonly status: number,
    readonly detail: string,
  ) {
    super(request, detail);
  }
}

export type RestErrorKind =
  | KeyRefusedError['kind']
  | ServerRefusedError['kind']
  | RequestInvalidError['kind']
  | RateLimitedError['kind']
  | NetworkError['kind']
  | UnexpectedResponseError['kind'];
