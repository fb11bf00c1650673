import { Ajv } from 'ajv';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import {
  INT4_MAX,
  INT4_MIN,
  withInputLimits,
  withIntegerBounds,
  withNonEmptyPatch,
} from './schema-limits.js';

const ajv = new Ajv({ strict: false, coerceTypes: 'array' });

describe('withIntegerBounds', () => {
  it('gives an unbounded integer int4 bounds and keeps bounds a schema declares', () => {
    const schema = Type.Object({
      version: Type.Integer(),
      page: Type.Integer({ minimum: 1, maximum: 100 }),
      total: Type.Integer({ maximum: Number.MAX_SAFE_INTEGER }),
      ratio: Type.Number(),
    });
    const out = withIntegerBounds(schema) as { properties: Record<string, Record<string, unknown>> };
    expect(out.properties.version).toMatchObject({ minimum: INT4_MIN, maximum: INT4_MAX });
    expect(out.properties.page).toMatchObject({ minimum: 1, maximum: 100 });
    expect(out.properties.total).toMatchObject({ minimum: INT4_MIN, maximum: Number.MAX_SAFE_INTEGER });
    expect(out.properties.ratio).not.toHaveProperty('maximum');
  });

  it('reaches integers inside arrays, unions, records and nullable types', () => {
    const schema = Type.Object({
      lines: Type.Array(Type.Object({ quantity: Type.Integer({ minimum: 1 }) })),
      maybe: Type.Union([Type.Integer(), Type.Null()]),
      byKey: Type.Record(Type.String(), Type.Integer()),
      both: { type: ['integer', 'null'] },
    });
    const validate = ajv.compile(withIntegerBounds(schema) as object);
    const ok = { lines: [{ quantity: 2 }], maybe: null, byKey: { a: 1 }, both: null };
    expect(validate(ok)).toBe(true);
    for (const bad of [
      { ...ok, lines: [{ quantity: 1e18 }] },
      { ...ok, maybe: 2 ** 53 },
      { ...ok, byKey: { a: -1e18 } },
      { ...ok, both: INT4_MAX + 1 },
    ]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('leaves the original schema as it was (it is shared with the OpenAPI document)', () => {
    const schema = Type.Object({ n: Type.Integer() });
    withIntegerBounds(schema);
    expect(schema.properties.n).not.toHaveProperty('maximum');
  });

  it('refuses 1e400 in a query string (it coerces to Infinity, which passes as an integer)', () => {
    const validate = ajv.compile(withIntegerBounds(Type.Object({ v: Type.Integer() })) as object);
    expect(validate({ v: '1e400' })).toBe(false);
    expect(validate({ v: '7' })).toBe(true);
  });
});

describe('withNonEmptyPatch', () => {
  const body = Type.Object({ name: Type.Optional(Type.String()) });

  it('makes a PATCH body name at least one field', () => {
    const validate = ajv.compile(withNonEmptyPatch(body, 'PATCH', 'body') as object);
    expect(validate({})).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('');
    expect(validate({ name: 'x' })).toBe(true);
  });

  it('leaves other methods, other parts and explicit minProperties alone', () => {
    expect(withNonEmptyPatch(body, 'POST', 'body')).toBe(body);
    expect(withNonEmptyPatch(body, 'PATCH', 'querystring')).toBe(body);
    const explicit = Type.Object({}, { minProperties: 0 });
    expect(withNonEmptyPatch(explicit, 'PATCH', 'body')).toBe(explicit);
    // A required field refuses {} by itself, and names the field.
    const required = Type.Object({ threshold: Type.Integer() });
    expect(withNonEmptyPatch(required, 'PATCH', 'body')).toBe(required);
  });

  it('is applied with the integer bounds by withInputLimits', () => {
    const out = withInputLimits(Type.Object({ n: Type.Optional(Type.Integer()) }), 'PATCH', 'body');
    const validate = ajv.compile(out as object);
    expect(validate({})).toBe(false);
    expect(validate({ n: 1e18 })).toBe(false);
    expect(validate({ n: 3 })).toBe(true);
  });
});
