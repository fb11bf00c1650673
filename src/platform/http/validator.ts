import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { withInputLimits } from './schema-limits.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Query strings, params and headers arrive as text, so they are coerced (`?page=2` → 2); JSON
 * bodies are not, so `roles: "admin"` is refused instead of quietly becoming `["admin"]`.
 */
const strict = makeAjv(false);
const coercing = makeAjv(true);

/** Each part is compiled with the limits every route gets (see schema-limits.ts). */
export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, method, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(withInputLimits(schema, method, httpPart) as object);
