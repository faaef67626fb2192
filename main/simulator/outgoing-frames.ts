import type { Channel } from '../../common/protocol/channels';
import type { ChangeEvent } from './model-types';

/** Frames the server sends, in the current (camelCase) or the pre-April-2026 (snake_case) naming. */
export type Naming = 'current' | 'legacy';

export interface BroadcastSpec {
  channel: Channel;
  event: ChangeEvent;
  payload: Record<string, unknown>;
  old?: Record<string, unknown>;
}

export const PONG = '{"type":"pong"}';
export const HEARTBEAT = '{"type":"heartbeat"}';
export const UNSUBSCRIBED = '{"type":"unsubscribed"}';

export function subscribedFrame(
  subscriptionId: number,
  channels: readonly Channel[],
  naming: Naming,
): string {
  return naming === 'legacy'
    ? JSON.stringify({ type: 'subscribed', subscription_id: subscriptionId, channels })
    : JSON.stringify({ type: 'subscribed', subscriptionId, channels });
}

export function errorFrame(message: string): string {
  return JSON.stringify({ type: 'error', message });
}

/** Order records were keyed `id` before they were keyed `orderId`. */
function legacyOrderFields(record: Record<string, unknown>): Record<string, unknown> {
  if (!('orderId' in record)) return record;
  const renamed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record))
    renamed[field === 'orderId' ? 'id' : field] = value;
  return renamed;
}

export function broadcastFrame(spec: BroadcastSpec, naming: Naming): string {
  const legacyOrder = naming === 'legacy' && spec.channel === 'orders';
  const frame: Record<string, unknown> = {
    type: 'broadcast',
    channel: spec.channel,
    event: spec.event,
    payload: legacyOrder ? legacyOrderFields(spec.payload) : spec.payload,
  };
  if (spec.old) frame.old = legacyOrder ? legacyOrderFields(spec.old) : spec.old;
  return JSON.stringify(frame);
}

/** The fields that say which record an UPDATE is about. */
const IDENTITY_FIELDS: Record<Channel, readonly string[]> = {
  orders: ['orderId'],
  bets: ['betId', 'orderId'],
  accounts: ['username', 'exchange'],
  scores: ['fixtureId'],
  emergency: ['emergency', 'reason', 'triggeredAt'],
};

/**
 * The other reading of the documentation: an UPDATE's payload carries only the
 * record's identity and the fields that changed (the documented order example does).
 */
export function changedFieldsOnly<T extends BroadcastSpec>(spec: T): T {
  if (spec.event !== 'UPDATE' || !spec.old) return spec;
  const keep = new Set([...IDENTITY_FIELDS[spec.channel], ...Object.keys(spec.old)]);
  const payload = Object.fromEntries(
    Object.entries(spec.payload).filter(([field]) => keep.has(field)),
  );
  return { ...spec, payload };
}

export type ErrorText =
  | 'apiKey required'
  | 'Invalid apiKey format'
  | 'Invalid API key'
  | 'Connection limit exceeded';

/** The documented error strings; the two about the key's field were spelled api_key before April 2026. */
export function errorText(text: ErrorText, naming: Naming): string {
  if (naming === 'current') return text;
  return text.replace('apiKey', 'api_key');
}
