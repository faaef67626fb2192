export { EndpointError } from '../feed/endpoint';
export { REST_PATH, restBaseUrl } from './base-url';
export type { CancelResult } from './cancel-result';
export {
  type BetQuery,
  type CancelAllFilter,
  CONTROL_TIMEOUT_MS,
  type DateRange,
  type OpenOrderFilter,
  type OrderQuery,
  type Page,
  type PageQuery,
  RestClient,
  type RestClientOptions,
} from './rest-client';
export {
  KeyRefusedError,
  NetworkError,
  RateLimitedError,
  RequestInvalidError,
  RestError,
  type RestErrorKind,
  RestTimeoutError,
  ServerRefusedError,
  UnexpectedResponseError,
  type ValidationIssue,
} from './rest-errors';
export type { CallOptions, Fetch, RetryInfo, Sleep } from './rest-transport';
export { backoffDelayMs, retryAfterMs, retryDelayMs } from './retry-delay';
