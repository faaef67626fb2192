import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { repairWithDefaults } from '../../../main/settings/repair';

const schema = z.object({
  name: z.string().default('anon'),
  size: z.number().min(1).default(3),
  inner: z
    .object({ on: z.boolean().default(true), level: z.enum(['a', 'b']).default('a') })
    .default({ on: true, level: 'a' }),
});

describe('repairWithDefaults', () => {
  it('returns a valid value untouched', () => {
    const value = { name: 'x', size: 2, inner: { on: false, level: 'b' } };
    expect(repairWithDefaults(schema, value)).toEqual({ value, replaced: [] });
  });

  it('replaces only the invalid fields, at any depth', () => {
    const result = repairWithDefaults(schema, {
      name: 7,
      size: 2,
      inner: { on: false, level: 'z' },
    });
    expect(result).toEqual({
      value: { name: 'anon', size: 2, inner: { on: false, level: 'a' } },
      replaced: ['name', 'inner.level'],
    });
  });

  it('replaces a nested object that is not an object at all', () => {
    expect(repairWithDefaults(schema, { inner: 'on' })).toEqual({
      value: { name: 'anon', size: 3, inner: { on: true, level: 'a' } },
      replaced: ['inner'],
    });
  });

  it('fails when an invalid part has no default', () => {
    expect(() => repairWithDefaults(z.object({ id: z.string() }), { id: 1 })).toThrow(
      /at id has no default/,
    );
  });
});
