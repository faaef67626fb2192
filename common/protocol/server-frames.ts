import { z } from 'zod';
import { redactSecrets } from '../redact';
import { CHANNELS, type Channel } from './channels';
import { fastPayloadRecord, isPlainRecord } from './payload-fast-path';
import {
  type AccountPayload,
  accountPayloadSchema,
  type BetPayload,
  betPayloadSchema,
  type EmergencyPayload,
  emergencyPayloadSchema,
  type OrderPayload,
  orderPayloadSchema,
  type ScorePayload,
  scorePayloadSchema,
} from './payloads';

export type RawObject = Record<string, unknown>;

const rawObject = z.record(z.string(), z.unknown());

const subscribedSchema = z
  .looseObject({
    type: z.literal('subscribed'),
    subscriptionId: z.union([z.number(), z.string()]).nullish(),
    /** Pre-April-2026 spelling. */
    subscription_id: z.union([z.number(), z.string()]).nullish(),
    channels: z.array(z.string()).nullish(),
  })
  .transform((f) => ({
    type: 'subscribed' as const,
    subscriptionId: f.subscriptionId ?? f.subscription_id ?? null,
    channels: (f.channels ?? []).filter((c): c is Channel =>
      (CHANNELS as readonly string[]).includes(c),
    ),
  }));

const broadcastEnvelopeSchema = z.looseObject({
  type: z.literal('broadcast'),
  channel: z.enum(CHANNELS),
  event: z.enum(['INSERT', 'UPDATE']),
  payload: rawObject,
  old: rawObject.nullish(),
});

const errorTextFields = ['message', 'error', 'reason', 'detail'] as const;

type BroadcastOf<C extends Channel, R> = {
  type: 'broadcast';
  channel: C;
  event: 'INSERT' | 'UPDATE';
  /** The payload exactly as the server sent it. */
  payload: RawObject;
  old?: RawObject;
  /**
   * The payload validated and normalised (legacy names mapped, numbers coerced). It may be
   * the payload object itself, or share nested objects with it (payload-fast-path.ts): treat
   * both as immutable.
   */
  record: R;
};

export type OrderBroadcast = BroadcastOf<'orders', OrderPayload>;
export type BetBroadcast = BroadcastOf<'bets', BetPayload>;
export type AccountBroadcast = BroadcastOf<'accounts', AccountPayload>;
export type ScoreBroadcast = BroadcastOf<'scores', ScorePayload>;
export type EmergencyBroadcast = BroadcastOf<'emergency', EmergencyPayload>;
export type Broadcast =
  | OrderBroadcast
  | BetBroadcast
  | AccountBroadcast
  | ScoreBroadcast
  | EmergencyBroadcast;

export type ServerFrame =
  | { type: 'subscribed'; subscriptionId: number | string | null; channels: Channel[] }
  | Broadcast
  | { type: 'pong' }
  | { type: 'heartbeat' }
  | { type: 'unsubscribed' }
  | { type: 'error'; message: string };

export type FrameResult = { ok: true; frame: ServerFrame } | { ok: false; error: string };

const payloadSchemas = {
  orders: orderPayloadSchema,
  bets: betPayloadSchema,
  accounts: accountPayloadSchema,
  scores: scorePayloadSchema,
  emergency: emergencyPayloadSchema,
} as const;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

const EXCERPT_CHARS = 120;

function excerpt(text: string): string {
  // The whole text is redacted before it is cut: redacting only a window past the excerpt
  // is not enough, since each secret redacted before the cut shortens the text and pulls
  // whatever the window's edge cut in two (part of a key) into the excerpt.
  const redacted = redactSecrets(text);
  return redacted.length > EXCERPT_CHARS ? `${redacted.slice(0, EXCERPT_CHARS)}…` : redacted;
}

function errorText(frame: RawObject): string | undefined {
  for (const field of errorTextFields) {
    const value = frame[field];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

/** The zod schemas alone: the specification of a broadcast, and the path for anything unusual. */
function parseBroadcastBySchemas(frame: RawObject): FrameResult {
  const envelope = broadcastEnvelopeSchema.safeParse(frame);
  if (!envelope.success)
    return { ok: false, error: `invalid broadcast: ${describeIssues(envelope.error)}` };
  const { channel, event, payload, old } = envelope.data;
  const record = payloadSchemas[channel].safeParse(payload);
  if (!record.success) {
    return { ok: false, error: `invalid ${channel} payload: ${describeIssues(record.error)}` };
  }
  const broadcast = {
    type: 'broadcast',
    channel,
    event,
    payload,
    record: record.data,
  } as Broadcast;
  if (old) broadcast.old = old;
  return { ok: true, frame: broadcast };
}

/**
 * The common, well-formed broadcast without zod's copies (payload-fast-path.ts): the same
 * result the schemas give, or undefined to let them decide. `payload` and `old` are the
 * objects JSON.parse made, not copies.
 */
function parseBroadcastFast(frame: RawObject): FrameResult | undefined {
  const { channel, event, payload, old } = frame;
  if ((event !== 'INSERT' && event !== 'UPDATE') || !(old == null || isPlainRecord(old))) {
    return undefined;
  }
  // Undefined for anything but the five channels and a plain object payload, too.
  const record = fastPayloadRecord(channel, payload);
  if (record === undefined) return undefined;
  const broadcast = (
    old
      ? { type: 'broadcast', channel, event, payload, record, old }
      : { type: 'broadcast', channel, event, payload, record }
  ) as Broadcast;
  return { ok: true, frame: broadcast };
}

function parseBroadcast(frame: RawObject): FrameResult {
  return parseBroadcastFast(frame) ?? parseBroadcastBySchemas(frame);
}

function parseFrame(text: string, broadcast: (frame: RawObject) => FrameResult): FrameResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `frame is not JSON: ${excerpt(text)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: `frame is not a JSON object: ${excerpt(text)}` };
  }
  const frame = value as RawObject;
  switch (frame.type) {
    case 'broadcast':
      return broadcast(frame);
    case 'subscribed': {
      const parsed = subscribedSchema.safeParse(frame);
      return parsed.success
        ? { ok: true, frame: parsed.data }
        : { ok: false, error: `invalid subscribed frame: ${describeIssues(parsed.error)}` };
    }
    case 'pong':
    case 'heartbeat':
    case 'unsubscribed':
      return { ok: true, frame: { type: frame.type } };
    case 'error':
      return {
        ok: true,
        frame: { type: 'error', message: errorText(frame) ?? 'unspecified server error' },
      };
    case undefined: {
      // Some servers send a bare {"error": "..."} without a type.
      const message = errorText(frame);
      if (message !== undefined) return { ok: true, frame: { type: 'error', message } };
      return { ok: false, error: `frame has no type: ${excerpt(text)}` };
    }
    default:
      return {
        ok: false,
        error: `unknown frame type ${JSON.stringify(frame.type)}: ${excerpt(text)}`,
      };
  }
}

/**
 * Parses one text frame from the server. Never throws: bad input is an error result.
 * Broadcasts, nearly every frame, take a fast path where they can; the result is always
 * what parseServerFrameBySchemas gives.
 */
export function parseServerFrame(text: string): FrameResult {
  return parseFrame(text, parseBroadcast);
}

/**
 * parseServerFrame by the zod schemas alone, without the fast path: the specification that
 * parseServerFrame is tested against.
 */
export function parseServerFrameBySchemas(text: string): FrameResult {
  return parseFrame(text, parseBroadcastBySchemas);
}
