/**
 * Limits every request schema gets at compile time, so that no route has to remember them. The
 * route's own schema object is left as written (it is shared with the OpenAPI document and other
 * routes); the validator compiles a copy with the limits added.
 */

/** PostgreSQL's `integer` (int4): the column type most integer inputs end up in. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasType(schema: Schema, type: string): boolean {
  const t = schema.type;
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** Keywords whose value is one schema, and those whose value is a list or a map of schemas. */
const ONE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
const MANY = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions'];

/**
 * A copy of `schema` in which every integer without its own bounds gets int4's: a number PostgreSQL
 * would refuse (`?version=1e18` became "integer out of range", a 500) is a 400 naming the field. A
 * schema for a wider column (bigint money totals) declares its own `maximum`, which is kept.
 */
export function withIntegerBounds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withIntegerBounds);
  if (!isSchema(schema)) return schema;
  const out: Schema = { ...schema };
  if (hasType(out, 'integer')) {
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = INT4_MAX;
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = INT4_MIN;
  }
  for (const key of ONE) if (key in out) out[key] = withIntegerBounds(out[key]);
  for (const key of MANY)
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(withIntegerBounds);
  for (const key of MAP) {
    const map = out[key];
    if (isSchema(map)) {
      out[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, withIntegerBounds(v)]));
    }
  }
  return out;
}

/**
 * A PATCH changes the fields its body names, so a body naming none is a mistake: `{}` is refused
 * as a 400 naming the body (it reached the database as an UPDATE with nothing to set, a 500).
 */
export function withNonEmptyPatch(
  schema: unknown,
  method: string | undefined,
  httpPart: string | undefined,
): unknown {
  if (method !== 'PATCH' || httpPart !== 'body' || !isSchema(schema)) return schema;
  if (!hasType(schema, 'object') || schema.minProperties !== undefined) return schema;
  // A body with a required field already refuses `{}`, naming that field, which says more.
  if (Array.isArray(schema.required) && schema.required.length > 0) return schema;
  return { ...schema, minProperties: 1 };
}

/** Every limit above, for one part of one route. */
export function withInputLimits(
  schema: unknown,
  method: string | undefined,
  httpPart: string | undefined,
): unknown {
  return withNonEmptyPatch(withIntegerBounds(schema), method, httpPart);
}
