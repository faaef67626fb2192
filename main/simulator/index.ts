export type {
  ClientInfo,
  CloseInfo,
  ConnectionRecord,
  ReceivedFrame,
  SessionTarget,
} from './client-session';
export {
  type FaultControls,
  type FloodOptions,
  floodPayload,
  type JunkKind,
  junkFrame,
} from './faults';
export {
  HttpRouter,
  type RequestHandler,
  type RouteParams,
  sendJson,
  type UpgradeHandler,
} from './http-router';
export {
  type CancelFilter,
  MarketModel,
  type MarketModelOptions,
  type ModelSizes,
} from './market-model';
export { createMarketScenario, type MarketScenario } from './market-scenario';
export type {
  AccountRecord,
  BetRecord,
  BetStatus,
  ChangeEvent,
  ClientSetup,
  EmergencyRecord,
  FixtureRecord,
  MatchedStatus,
  ModelChange,
  OrderRecord,
  OrderStatus,
  SystemTradingFlags,
  TradingFlags,
  TradingStatus,
} from './model-types';
export type { BroadcastSpec, Naming } from './outgoing-frames';
export { broadcastFrame, changedFieldsOnly } from './outgoing-frames';
export { Prng } from './prng';
export {
  API_PREFIX,
  DOCUMENTED_RATE_LIMIT,
  type RateLimit,
  type RestControls,
  type RestFaults,
  type RestRequestRecord,
} from './rest';
export { Scenario, type ScenarioControl, type ScenarioSizes, type ScenarioStats } from './scenario';
export { seedClientSetups } from './scenario-data';
export {
  DEFAULT_SCENARIO_RATES,
  resolveScenarioOptions,
  type ScenarioOptions,
  type ScenarioRates,
} from './scenario-options';
export { SimulatedClock } from './simulated-clock';
export { type Simulator, startSimulator, WS_PATH } from './simulator';
export {
  DEFAULT_SIMULATOR_OPTIONS,
  DEMO_KEY,
  type ErrorStyle,
  SECOND_CLIENT_KEY,
  type SimulatorKey,
  type SimulatorOptions,
} from './simulator-options';
export type { EndpointEvents } from './subscription-endpoint';
