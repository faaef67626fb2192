import type {
  AccountPayload,
  BetPayload,
  EmergencyPayload,
  OrderPayload,
  ScorePayload,
} from './payloads';

/**
 * Hand-written fast paths for the payload schemas in payloads.ts, for the common,
 * well-formed case only. The zod schemas stay the specification: each function here either
 * declines (returns undefined, and the caller runs the zod schema) or returns a record
 * deep-equal to what the schema returns for the same input. It declines whenever the schema
 * would have anything to do beyond copying: a legacy `id`, a number sent as a string, a
 * field of the wrong type, an own `__proto__` key (zod leaves it out of its copy).
 * test/unit/protocol/payload-fast-path.test.ts checks the equivalence with generated input.
 *
 * Input is what JSON.parse produced. Where no field needs converting, the record is the
 * payload object itself; otherwise a shallow copy with ids and labels turned into strings.
 * Either way, unknown fields are kept and nothing is copied deeply, so the record must be
 * treated as immutable, like the payload it may share objects with.
 */

export type FastPayloadParser<R> = (payload: Record<string, unknown>) => R | undefined;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `id`: a non-empty string, or a number (which the schema turns into a string). */
function isId(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || isFiniteNumber(value);
}

function optId(value: unknown): boolean {
  return value == null || isId(value);
}

function optText(value: unknown): boolean {
  return value == null || typeof value === 'string';
}

/** `label` and the text-or-number unions. */
function optTextOrNumber(value: unknown): boolean {
  return value == null || typeof value === 'string' || isFiniteNumber(value);
}

/** `numeric`, but only an actual number: a numeric string is the schema's to convert. */
function optNumber(value: unknown): boolean {
  return value == null || isFiniteNumber(value);
}

function optBoolean(value: unknown): boolean {
  return value == null || typeof value === 'boolean';
}

/** A JSON object the schemas copy key for key (no own `__proto__`, which they drop). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !Object.hasOwn(value, '__proto__')
  );
}

export const fastOrderPayload: FastPayloadParser<OrderPayload> = (p) => {
  const { orderId, fixtureId, outcomeId, playerId, account, exchangeOrderId, side } = p;
  if (
    'id' in p ||
    !isId(orderId) ||
    !optId(fixtureId) ||
    !optId(outcomeId) ||
    !optId(playerId) ||
    !optText(p.exchange) ||
    !optTextOrNumber(account) ||
    !optTextOrNumber(exchangeOrderId) ||
    !optText(p.orderStatus) ||
    !optText(p.matchedStatus) ||
    !optNumber(p.orderCents) ||
    !optNumber(p.orderStake) ||
    !optNumber(p.matchedStake) ||
    !optBoolean(p.back) ||
    !optTextOrNumber(side) ||
    !optText(p.settlementStatus) ||
    !optNumber(p.bookmakerOutcomePrice) ||
    !optText(p.createdAt) ||
    !optText(p.matchedAt) ||
    !optText(p.updatedAt)
  ) {
    return undefined;
  }
  if (
    typeof orderId === 'string' &&
    typeof fixtureId !== 'number' &&
    typeof outcomeId !== 'number' &&
    typeof playerId !== 'number' &&
    typeof account !== 'number' &&
    typeof exchangeOrderId !== 'number' &&
    typeof side !== 'number'
  ) {
    return p as OrderPayload;
  }
  const record = { ...p };
  if (typeof orderId === 'number') record.orderId = String(orderId);
  if (typeof fixtureId === 'number') record.fixtureId = String(fixtureId);
  if (typeof outcomeId === 'number') record.outcomeId = String(outcomeId);
  if (typeof playerId === 'number') record.playerId = String(playerId);
  if (typeof account === 'number') record.account = String(account);
  if (typeof exchangeOrderId === 'number') record.exchangeOrderId = String(exchangeOrderId);
  if (typeof side === 'number') record.side = String(side);
  return record as OrderPayload;
};

export const fastBetPayload: FastPayloadParser<BetPayload> = (p) => {
  const { betId, orderId } = p;
  if (
    !isId(betId) ||
    !optId(orderId) ||
    !optText(p.client) ||
    !optText(p.bookmaker) ||
    !optTextOrNumber(p.bookmakerBetId) ||
    !optNumber(p.placedPrice) ||
    !optNumber(p.placedStake) ||
    !optText(p.betStatus) ||
    !optText(p.settlementStatus) ||
    !optText(p.placedAt)
  ) {
    return undefined;
  }
  if (typeof betId === 'string' && typeof orderId !== 'number') return p as BetPayload;
  const record = { ...p };
  if (typeof betId === 'number') record.betId = String(betId);
  if (typeof orderId === 'number') record.orderId = String(orderId);
  return record as BetPayload;
};

export const fastAccountPayload: FastPayloadParser<AccountPayload> = (p) =>
  optText(p.username) &&
  optText(p.exchange) &&
  optBoolean(p.active) &&
  optNumber(p.maxOutcomeStake) &&
  optNumber(p.balance) &&
  optText(p.createdAt)
    ? (p as AccountPayload)
    : undefined;

function optScores(value: unknown): boolean {
  return value == null || (isPlainRecord(value) && optNumber(value.home) && optNumber(value.away));
}

export const fastScorePayload: FastPayloadParser<ScorePayload> = (p) => {
  const fixtureId = p.fixtureId;
  if (
    !isId(fixtureId) ||
    !optBoolean(p.live) ||
    !optTextOrNumber(p.statusId) ||
    !optTextOrNumber(p.currentPeriod) ||
    !optNumber(p.currentMinute) ||
    !optScores(p.scores)
  ) {
    return undefined;
  }
  if (typeof fixtureId === 'string') return p as ScorePayload;
  return { ...p, fixtureId: String(fixtureId) } as ScorePayload;
};

export const fastEmergencyPayload: FastPayloadParser<EmergencyPayload> = (p) =>
  typeof p.emergency === 'boolean' && optText(p.reason) && optText(p.triggeredAt)
    ? (p as EmergencyPayload)
    : undefined;

/**
 * The fast path of the channel's payload schema, for a payload JSON.parse produced: the
 * record the schema would give, or undefined to leave it to the schema (an unknown channel
 * too).
 */
export function fastPayloadRecord(
  channel: unknown,
  payload: unknown,
): OrderPayload | BetPayload | AccountPayload | ScorePayload | EmergencyPayload | undefined {
  if (!isPlainRecord(payload)) return undefined;
  switch (channel) {
    case 'orders':
      return fastOrderPayload(payload);
    case 'bets':
      return fastBetPayload(payload);
    case 'accounts':
      return fastAccountPayload(payload);
    case 'scores':
      return fastScorePayload(payload);
    case 'emergency':
      return fastEmergencyPayload(payload);
    default:
      return undefined;
  }
}
