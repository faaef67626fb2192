export type { ValidationIssue } from './http-problem';
export { DOCUMENTED_RATE_LIMIT, type RateLimit } from './rate-limiter';
export {
  API_PREFIX,
  mountRestApi,
  type RestApiOptions,
  type RestControls,
  type RestRequestRecord,
} from './rest-api';
export type { RestFaults } from './rest-faults';
