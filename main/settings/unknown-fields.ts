import type { z } from 'zod';
import { isPlainObject, objectShape } from './repair';

/** Fields of an object, at any depth, that an object schema does not declare. */
export type UnknownFields = Record<string, unknown>;

/**
 * The fields of the value the schema does not know (a newer version's), nested as in the
 * value: within a known object field they sit under its name. Empty when there are none.
 */
export function unknownFields(schema: z.ZodType, value: unknown): UnknownFields {
  const shape = objectShape(schema);
  const unknown: UnknownFields = {};
  if (!shape || !isPlainObject(value)) return unknown;
  for (const [key, inner] of Object.entries(value)) {
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (field === undefined) {
      unknown[key] = inner;
      continue;
    }
    const nested = unknownFields(field, inner);
    if (Object.keys(nested).length > 0) unknown[key] = nested;
  }
  return unknown;
}

/** The value with the unknown fields put back; a field of the value wins over one of theirs. */
export function withUnknownFields(
  value: Record<string, unknown>,
  unknown: UnknownFields,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...value };
  for (const [key, inner] of Object.entries(unknown)) {
    const own = result[key];
    if (own === undefined) result[key] = inner;
    else if (isPlainObject(own) && isPlainObject(inner))
      result[key] = withUnknownFields(own, inner);
  }
  return result;
}
