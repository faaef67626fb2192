import { z } from 'zod';

export interface Repaired<T> {
  value: T;
  /** Dotted paths of the values that were invalid and replaced by their defaults. */
  replaced: string[];
}

/**
 * Parses the value, replacing each invalid field with its default instead of rejecting
 * the whole: objects are repaired field by field, anything else that does not parse
 * takes the schema's default. Throws only when an invalid part has no default.
 */
export function repairWithDefaults<S extends z.ZodType>(
  schema: S,
  value: unknown,
): Repaired<z.output<S>> {
  const replaced: string[] = [];
  const repaired = repair(schema, value, [], replaced) as z.output<S>;
  return { value: repaired, replaced };
}

function repair(schema: z.ZodType, value: unknown, path: string[], replaced: string[]): unknown {
  const direct = schema.safeParse(value);
  if (direct.success) return direct.data;

  const shape = objectShape(schema);
  if (shape && isPlainObject(value)) {
    const fields: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      fields[key] = repair(field, value[key], [...path, key], replaced);
    }
    const rebuilt = schema.safeParse(fields);
    if (rebuilt.success) return rebuilt.data;
  }

  const fallback = schema.safeParse(undefined);
  if (!fallback.success) {
    throw new Error(`invalid value at ${path.join('.') || 'the top level'} has no default`);
  }
  replaced.push(path.join('.'));
  return fallback.data;
}

/** The fields of an object schema (through defaults and optionals); undefined for any other. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
