import { z } from 'zod';

/**
 * Payload schemas for the five broadcast channels. Every field is optional except the
 * one that identifies the record: an UPDATE may carry the whole record or only what
 * changed (the documentation shows both), and the server may add fields at any time,
 * so unknown fields are kept (looseObject). A field that fails its type fails the frame,
 * so types are only as strict as the logic needs.
 */

const numeric = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i)
    .transform(Number),
]);
const id = z.union([z.number(), z.string().min(1)]).transform(String);
const text = z.string();
/** Text the logic only shows: a number is as good (a numeric exchange order id). */
const label = z.union([z.string(), z.number()]).transform(String);
const opt = <T extends z.ZodType>(schema: T) => schema.nullish();

export const orderPayloadSchema = z
  .looseObject({
    orderId: opt(id),
    /** Pre-April-2026 spelling of orderId. */
    id: opt(id),
    fixtureId: opt(id),
    outcomeId: opt(id),
    playerId: opt(id),
    exchange: opt(text),
    account: opt(label),
    exchangeOrderId: opt(label),
    orderStatus: opt(text),
    matchedStatus: opt(text),
    orderCents: opt(numeric),
    orderStake: opt(numeric),
    matchedStake: opt(numeric),
    back: opt(z.boolean()),
    side: opt(label),
    settlementStatus: opt(text),
    bookmakerOutcomePrice: opt(numeric),
    createdAt: opt(text),
    matchedAt: opt(text),
    updatedAt: opt(text),
  })
  .refine((o) => o.orderId != null || o.id != null, { message: 'order payload has no orderId' })
  .transform(({ id: legacyId, ...rest }) => ({
    ...rest,
    orderId: (rest.orderId ?? legacyId) as string,
  }));

export const betPayloadSchema = z.looseObject({
  betId: id,
  orderId: opt(id),
  client: opt(text),
  bookmaker: opt(text),
  bookmakerBetId: opt(z.union([text, z.number()])),
  placedPrice: opt(numeric),
  placedStake: opt(numeric),
  betStatus: opt(text),
  settlementStatus: opt(text),
  placedAt: opt(text),
});

export const accountPayloadSchema = z.looseObject({
  username: opt(text),
  exchange: opt(text),
  active: opt(z.boolean()),
  maxOutcomeStake: opt(numeric),
  balance: opt(numeric),
  createdAt: opt(text),
});

export const scorePayloadSchema = z.looseObject({
  fixtureId: id,
  live: opt(z.boolean()),
  statusId: opt(z.union([z.number(), text])),
  currentPeriod: opt(z.union([text, z.number()])),
  currentMinute: opt(numeric),
  scores: opt(z.looseObject({ home: opt(numeric), away: opt(numeric) })),
});

export const emergencyPayloadSchema = z.looseObject({
  emergency: z.boolean(),
  reason: opt(text),
  triggeredAt: opt(text),
});

export type OrderPayload = z.output<typeof orderPayloadSchema>;
export type BetPayload = z.output<typeof betPayloadSchema>;
export type AccountPayload = z.output<typeof accountPayloadSchema>;
export type ScorePayload = z.output<typeof scorePayloadSchema>;
export type EmergencyPayload = z.output<typeof emergencyPayloadSchema>;
