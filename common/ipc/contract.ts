import { z } from 'zod';
import type { KeyStatus } from '../domain/key-status';
import type { NotificationTarget } from '../domain/notifications';
import {
  MAX_DATE_MS,
  type Settings,
  settingsPatchSchema,
  settingsSchema,
} from '../settings/schema';
import { isUuid } from '../uuid';
import type { AppSnapshot } from './app-snapshot';
import type { IpcChannel, PushChannel, RequestChannel } from './channels';
import type { PushBatch } from './push-batch';
import {
  type ConfirmationFacts,
  TRADING_ACTIONS,
  type TradingActionOutcome,
  type TradingView,
} from './trading';

/**
 * The IPC contract shared by main, preload and renderer: for every channel in
 * channels.ts, what a request must look like (a zod schema main checks) and what comes
 * back, or what a push carries. A request is at most one argument; channels that take
 * none have the schema `noRequest`.
 */

declare const carries: unique symbol;
/** A type carried by the contract for the compiler only; at run time an empty object. */
export interface Carries<T> {
  readonly [carries]?: T;
}

export interface RequestContract<S extends z.ZodType, R> {
  kind: 'request';
  request: S;
  response: Carries<R>;
}

export interface PushContract<P> {
  kind: 'push';
  payload: Carries<P>;
}

function request<S extends z.ZodType>(schema: S) {
  return {
    returns: <R>(): RequestContract<S, R> => ({ kind: 'request', request: schema, response: {} }),
  };
}

function push<P>(): PushContract<P> {
  return { kind: 'push', payload: {} };
}

export const noRequest = z.undefined();

/** An MM API key: a UUID. The message never repeats the input. */
export const apiKeySchema = z
  .string()
  .max(100)
  .trim()
  .refine(isUuid, { message: 'not an API key: expected a UUID (8-4-4-4-12 hex digits)' });

/** Links the app may open in the user's browser: https, without credentials. */
export const externalUrlSchema = z
  .string()
  .max(2048)
  .pipe(z.url({ protocol: /^https$/, normalize: true, error: 'only https links are opened' }))
  .refine((url) => !URL.canParse(url) || !hasCredentials(new URL(url)), {
    message: 'links with a user name or password are not opened',
  });

function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

const endpointSchema = settingsSchema.shape.endpoint.unwrap();

export interface KeyTestResult {
  ok: boolean;
  /** What happened, for a person; never contains the key. */
  message: string;
}

export const ipcContract = {
  'app:snapshot': request(noRequest).returns<AppSnapshot>(),
  'settings:get': request(noRequest).returns<Settings>(),
  'settings:update': request(settingsPatchSchema).returns<Settings>(),
  'key:status': request(noRequest).returns<KeyStatus>(),
  'key:set': request(
    z.strictObject({ key: apiKeySchema, sessionOnly: z.boolean().optional() }),
  ).returns<KeyStatus>(),
  'key:clear': request(noRequest).returns<KeyStatus>(),
  /**
   * Tries a key against an endpoint (the configured one when absent). Without a key, the
   * stored one, and then only against the configured endpoint: it goes nowhere else.
   */
  'key:test': request(
    z.strictObject({ key: apiKeySchema.optional(), endpoint: endpointSchema.optional() }),
  ).returns<KeyTestResult>(),
  'feed:reconnect': request(noRequest).returns<void>(),
  /** Mute notifications but emergencies until `until` (epoch ms); null resumes them. */
  'notifications:pause': request(
    z.strictObject({ until: z.number().int().nonnegative().max(MAX_DATE_MS).nullable() }),
  ).returns<void>(),
  'demo:set': request(z.strictObject({ enabled: z.boolean() })).returns<void>(),
  'shell:open-external': request(z.strictObject({ url: externalUrlSchema })).returns<void>(),
  'logs:open-folder': request(noRequest).returns<void>(),
  /** Reads trading/status now; answers the trading view after the read. */
  'trading:status': request(noRequest).returns<TradingView>(),
  /**
   * Runs a trading action. The page asks the user first for stop and cancel-all (they
   * cancel orders); `confirmed` must say it did, or main refuses.
   */
  'trading:act': request(
    z.strictObject({ action: z.enum(TRADING_ACTIONS), confirmed: z.boolean().optional() }),
  ).returns<TradingActionOutcome>(),
  /**
   * Counts open orders fresh for the question before a stop or cancel-all (the server's
   * answer within a few seconds, else main's own count). Never fails for want of an answer.
   */
  'trading:confirmation-facts': request(noRequest).returns<ConfirmationFacts>(),

  'push:batch': push<PushBatch>(),
  /** Show this item (a notification or tray item was clicked). */
  'push:navigate': push<NotificationTarget>(),
  'push:settings': push<Settings>(),
  'push:key-status': push<KeyStatus>(),
  /** The trading status, P&L and last reconciliation changed. */
  'push:trading': push<TradingView>(),
} satisfies {
  // Fails to compile when a channel in channels.ts has no contract, or the contract
  // names a channel that is not there.
  [C in IpcChannel]: C extends RequestChannel
    ? RequestContract<z.ZodType, unknown>
    : PushContract<unknown>;
};

type Contract = typeof ipcContract;

/** The schema main checks a request on channel C against. */
export type RequestSchemaOf<C extends RequestChannel> = Contract[C]['request'];
/** What the renderer sends on channel C. */
export type RequestInputOf<C extends RequestChannel> = z.input<RequestSchemaOf<C>>;
/** What main's handler for C receives: the request after validation. */
export type RequestOf<C extends RequestChannel> = z.output<RequestSchemaOf<C>>;
/** What a request on C resolves to. */
export type ResponseOf<C extends RequestChannel> =
  Contract[C] extends RequestContract<z.ZodType, infer R> ? R : never;
/** What a push on C carries. */
export type PushPayloadOf<C extends PushChannel> =
  Contract[C] extends PushContract<infer P> ? P : never;

/** Sends a push to every open window (the root binds it to webContents.send). */
export type PushSender = <C extends PushChannel>(channel: C, payload: PushPayloadOf<C>) => void;
