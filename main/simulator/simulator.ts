import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Channel } from '../../common/protocol/channels';
import type { ClientInfo, ConnectionRecord, SessionTarget } from './client-session';
import { createFaultControls, type FaultControls } from './faults';
import { HttpRouter, sendJson } from './http-router';
import type { MarketModel } from './market-model';
import { createMarketScenario } from './market-scenario';
import type { ChangeEvent } from './model-types';
import { changedFieldsOnly } from './outgoing-frames';
import { mountRestApi, type RestControls } from './rest';
import type { Scenario, ScenarioControl } from './scenario';
import {
  resolveSimulatorOptions,
  type SimulatorKey,
  type SimulatorOptions,
} from './simulator-options';
import { type EndpointEvents, SubscriptionEndpoint } from './subscription-endpoint';

export const WS_PATH = '/ws/subscribe';

/** A running MM API simulator. Emits the EndpointEvents ('client-connected', ...). */
export interface Simulator extends EventEmitter<EndpointEvents> {
  /** ws://host:port/ws/subscribe */
  readonly url: string;
  /** http://host:port; the REST API lives under /api/v1 here. */
  readonly httpUrl: string;
  readonly host: string;
  readonly port: number;
  /** The first configured key: the one to print and to use in demo mode. */
  readonly demoKey: string;
  readonly keys: readonly SimulatorKey[];
  readonly options: Readonly<SimulatorOptions>;
  /** The simulated business state; its changes are broadcast. */
  readonly model: MarketModel;
  readonly scenario: ScenarioControl;
  readonly faults: FaultControls;
  /** The HTTP side: the REST API's routes and the WebSocket upgrade. */
  readonly router: HttpRouter;
  /** The REST API's test hooks: engine-wide states, rate limit, faults, request log. */
  readonly rest: RestControls;
  /**
   * Sends a broadcast to every subscriber of the channel, or only those the target
   * matches (client: that client's keys). Returns the connections reached.
   */
  broadcast(
    channel: Channel,
    event: ChangeEvent,
    payload: Record<string, unknown>,
    old?: Record<string, unknown>,
    target?: SessionTarget,
  ): number;
  /** Sends text as it is to every open connection (subscribed or not) the target matches. */
  sendRaw(text: string, target?: SessionTarget): number;
  /** Open connections. */
  clients(): ClientInfo[];
  /** Open and recently closed connections, with the frames each client sent and how it closed. */
  connections(): ConnectionRecord[];
  connection(id: number): ConnectionRecord | undefined;
  /** Subscribed connections holding one of the key's slots. */
  connectionCount(apiKey: string): number;
  /** Closes every socket and the server and clears every timer. Safe to call twice. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

class RunningSimulator extends EventEmitter<EndpointEvents> implements Simulator {
  readonly router = new HttpRouter();
  readonly model: MarketModel;
  readonly scenario: Scenario;
  readonly faults: FaultControls;
  readonly rest: RestControls;
  readonly keys: readonly SimulatorKey[];
  private readonly endpoint: SubscriptionEndpoint;
  private readonly server: Server;
  private readonly stopBroadcasting: () => void;
  private closing: Promise<void> | null = null;
  private boundPort = 0;

  constructor(readonly options: SimulatorOptions) {
    super();
    this.keys = options.keys.map((k) => ({ ...k }));
    const market = createMarketScenario(options.keys, options.scenario || {});
    this.model = market.model;
    this.scenario = market.scenario;
    this.endpoint = new SubscriptionEndpoint(options, this);
    this.faults = createFaultControls(this.endpoint);
    const shape = options.updatePayloads === 'changed-only' ? changedFieldsOnly : <T>(c: T) => c;
    this.stopBroadcasting = this.model.onChange((change) => this.endpoint.broadcast(shape(change)));
    this.router
      .get(WS_PATH, (_req, res) =>
        sendJson(
          res,
          426,
          { detail: 'Upgrade Required: this endpoint speaks WebSocket only' },
          { upgrade: 'websocket', connection: 'Upgrade' },
        ),
      )
      .upgrade(WS_PATH, this.endpoint.handleUpgrade);
    this.rest = mountRestApi(this.router, this.model, this.keys, {
      rateLimit: options.restRateLimit,
    });
    this.server = createServer(this.router.handleRequest);
    this.server.on('upgrade', this.router.handleUpgrade);
  }

  get host(): string {
    return urlHost(this.options.host);
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `ws://${this.host}:${this.port}${WS_PATH}`;
  }

  get httpUrl(): string {
    return `http://${this.host}:${this.port}`;
  }

  get demoKey(): string {
    return this.keys[0]!.apiKey;
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        this.boundPort = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  broadcast(
    channel: Channel,
    event: ChangeEvent,
    payload: Record<string, unknown>,
    old?: Record<string, unknown>,
    target?: SessionTarget,
  ): number {
    return this.endpoint.broadcast({ channel, event, payload, ...(old ? { old } : {}) }, target);
  }

  sendRaw(text: string, target?: SessionTarget): number {
    return this.endpoint.sendRaw(text, target);
  }

  clients(): ClientInfo[] {
    return this.endpoint.clients();
  }

  connections(): ConnectionRecord[] {
    return this.endpoint.connections();
  }

  connection(id: number): ConnectionRecord | undefined {
    return this.endpoint.connection(id);
  }

  connectionCount(apiKey: string): number {
    return this.endpoint.connectionCount(apiKey);
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.scenario.stop();
    this.stopBroadcasting();
    const serverClosed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.endpoint.close();
    this.server.closeAllConnections();
    await serverClosed;
  }
}

export async function startSimulator(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  const simulator = new RunningSimulator(resolveSimulatorOptions(options));
  try {
    await simulator.listen();
  } catch (error) {
    await simulator.close();
    throw error;
  }
  const { scenario } = simulator.options;
  if (scenario !== false && scenario.autoStart) simulator.scenario.start();
  return simulator;
}
