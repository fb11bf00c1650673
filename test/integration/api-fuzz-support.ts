import { ID_PREFIXES } from '../../src/platform/ids.js';

/**
 * The pieces of an OpenAPI 3 document the walker reads. @fastify/swagger writes each route's TypeBox
 * schemas into it inline, so a schema here is plain JSON Schema.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
}

export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
}

/** One request the walker sends, and what it is, for the failure message. */
export interface Variant {
  label: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** `undefined` sends no body at all. */
  body?: unknown;
  /** Sent as raw JSON text (bodies that JSON.stringify would not produce, such as a bare string). */
  rawBody?: string;
}

const NUL = 'a\u0000b';
const HUGE_STRING = 'x'.repeat(100 * 1024);
const NUMBERS: Array<[string, number]> = [
  ['1e18', 1e18],
  ['-1', -1],
  ['2^53', 2 ** 53],
  ['1.5', 1.5],
];

/**
 * The id prefix a field or path segment name stands for (`campaignId`, `pickupPoints` → `pp`), or
 * `zzz` when the name names no kind of id.
 */
export function prefixOf(name: string): string {
  const bare = name.replace(/Ids?$/, '');
  const kind = ALIASES[bare] ?? bare;
  const prefixes = ID_PREFIXES as Record<string, string>;
  return prefixes[kind] ?? prefixes[kind.replace(/s$/, '')] ?? prefixes[kind.replace(/es$/, '')] ?? 'zzz';
}

/** Field names that name a kind of id by another word. */
const ALIASES: Record<string, string> = {
  level: 'leaderLevel',
  referrer: 'leader',
  beneficiary: 'leader',
  plan: 'commissionPlan',
  batch: 'payoutBatch',
};

/** A valid-format id no row has, of the kind a prefix names. */
export function unknownId(prefix: string): string {
  return `${prefix}_00000000000000000000000000`;
}

/** Chooses the id put where an id of the kind `prefix` is wanted (an unknown one, or a real one). */
export type IdChooser = (prefix: string) => string;

/** `pickup-points` → `pickupPoint`: the id kind a path segment's `:id` names. */
export function kindOfSegment(segment: string): string {
  return segment.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Strings tried, in order, against a `pattern` until one matches. */
const PATTERN_CANDIDATES = [
  'probe',
  'PROBE',
  'PROBE-1',
  'probe_1',
  '123456',
  '1',
  'a',
  'A',
  '2026-03',
  '2026-03-02',
  '08:00',
  '13800138000',
  '330106',
  '#ff0000',
  '0'.repeat(64),
];

/** Values a field's name asks for, tried before the generic ones (they pass the domain's checks). */
const NAME_HINTS: Array<[RegExp, string]> = [
  [/phone/i, '13800138000'],
  [/(url|image)s?$/i, 'https://example.com/probe.png'],
  [/month/i, '2026-02'],
  [/password/i, 'Walker-fuzz-2026-x'],
  [/^roles?$/, 'operator'],
  [/sha256/i, '0'.repeat(64)],
  [/account/i, 'openid_fuzz_walker_1'],
];

function nonNull(schemas: JsonSchema[]): JsonSchema {
  return schemas.find((s) => s.type !== 'null') ?? schemas[0] ?? {};
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  return schema.type;
}

function exampleString(schema: JsonSchema, name: string, idOf: IdChooser): string {
  switch (schema.format) {
    case 'date':
      return '2026-03-02';
    case 'date-time':
      return '2026-03-02T08:00:00.000Z';
    case 'time':
      return '08:00:00';
    case 'email':
      return 'probe@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com/probe';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'byte':
      return Buffer.from('probe').toString('base64');
    default:
      break;
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (s: string) =>
    s.length >= min && s.length <= max && (!schema.pattern || new RegExp(schema.pattern, 'u').test(s));
  const hinted = NAME_HINTS.find(([re, value]) => re.test(name) && fits(value));
  if (hinted) return hinted[1];
  if (schema.pattern) {
    const re = new RegExp(schema.pattern, 'u');
    const found = PATTERN_CANDIDATES.find((c) => re.test(c) && fits(c));
    if (found) return found;
  }
  if (/Id$/.test(name)) {
    const id = idOf(prefixOf(name));
    if (fits(id)) return id;
  }
  const word = 'probe';
  if (fits(word)) return word;
  return 'p'.repeat(Math.max(min, 1)).slice(0, Number.isFinite(max) ? max : undefined);
}

function exampleNumber(schema: JsonSchema, integer: boolean): number {
  let n = 1;
  const min =
    schema.minimum ?? (schema.exclusiveMinimum === undefined ? undefined : schema.exclusiveMinimum + 1);
  const max =
    schema.maximum ?? (schema.exclusiveMaximum === undefined ? undefined : schema.exclusiveMaximum - 1);
  if (min !== undefined && n < min) n = min;
  if (max !== undefined && n > max) n = max;
  return integer ? Math.ceil(n) : n;
}

/** A value that passes `schema` (as far as a walker can tell without knowing the domain). */
export function exampleOf(schema: JsonSchema | undefined, name: string, idOf: IdChooser): unknown {
  if (!schema) return 'probe';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.anyOf) return exampleOf(nonNull(schema.anyOf), name, idOf);
  if (schema.oneOf) return exampleOf(nonNull(schema.oneOf), name, idOf);
  if (schema.allOf) return exampleOf(Object.assign({}, ...schema.allOf) as JsonSchema, name, idOf);
  switch (typeOf(schema)) {
    case 'string':
      return exampleString(schema, name, idOf);
    case 'integer':
      return exampleNumber(schema, true);
    case 'number':
      return exampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const n = Math.min(Math.max(schema.minItems ?? 1, 1), schema.maxItems ?? 1);
      return Array.from({ length: n }, () => exampleOf(schema.items, name.replace(/s$/, ''), idOf));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) out[key] = exampleOf(sub, key, idOf);
      return out;
    }
    default:
      return 'probe';
  }
}

/** The schema of the value at `path` inside `schema`, following the branch exampleOf took. */
function schemaAt(
  schema: JsonSchema | undefined,
  path: readonly (string | number)[],
): JsonSchema | undefined {
  let s = schema;
  for (const step of path) {
    while (s && (s.anyOf || s.oneOf)) s = nonNull((s.anyOf ?? s.oneOf) as JsonSchema[]);
    if (!s) return undefined;
    s = typeof step === 'number' ? s.items : s.properties?.[step];
  }
  while (s && (s.anyOf || s.oneOf)) s = nonNull((s.anyOf ?? s.oneOf) as JsonSchema[]);
  return s;
}

/** Every position in a JSON value (object keys and each array's first item), depth first. */
function positions(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) {
    if (value.length > 0) {
      out.push([...path, 0]);
      out.push(...positions(value[0], [...path, 0]));
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      out.push([...path, key]);
      out.push(...positions(v, [...path, key]));
    }
  }
  return out;
}

/** A deep copy of `value` with the value at `path` replaced (or removed when `replacement` is REMOVE). */
const REMOVE = Symbol('remove');
function replaced(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value);
  let parent: unknown = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
  const last = path.at(-1);
  if (last === undefined) return replacement;
  if (replacement === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete (parent as Record<string, unknown>)[String(last)];
  } else {
    (parent as Record<string | number, unknown>)[last] = replacement;
  }
  return copy;
}

/** The bad values tried in place of a value of `schema`: each kind the issue lists. */
function badValuesFor(schema: JsonSchema | undefined): Array<[string, unknown]> {
  const type = schema ? typeOf(schema) : undefined;
  const common: Array<[string, unknown]> = [['missing', REMOVE]];
  switch (type) {
    case 'string':
      return [...common, ['NUL byte', NUL], ['100 KB string', HUGE_STRING], ['number for string', 123]];
    case 'integer':
    case 'number':
      return [...common, ...NUMBERS, ['string for number', '12abc']];
    case 'boolean':
      return [...common, ['string for boolean', 'yes']];
    case 'array':
      return [...common, ['object for array', { a: 1 }], ['string for array', NUL]];
    case 'object':
      return [...common, ['array for object', []], ['string for object', NUL]];
    default:
      return [...common, ['NUL byte', NUL], ['1e18', 1e18], ['array', [NUL]]];
  }
}

/** Query and path values are text: the bad ones are text too. */
function badTextFor(schema: JsonSchema | undefined): Array<[string, string | undefined]> {
  const type = schema ? typeOf(schema) : undefined;
  const out: Array<[string, string | undefined]> = [
    ['missing', undefined],
    ['NUL byte', NUL],
    ['100 KB string', HUGE_STRING],
  ];
  if (type === 'integer' || type === 'number') {
    for (const [label, n] of NUMBERS) out.push([label, String(n)]);
    out.push(['1e400', '1e400'], ['not a number', 'abc']);
  }
  if (type === 'boolean') out.push(['not a boolean', 'maybe']);
  return out;
}

/** At most this many body positions are mutated per operation (the first ones, depth first). */
const MAX_BODY_POSITIONS = 40;

/** The requests the walker sends to one operation. */
export function variantsOf(
  op: Operation,
  pathTemplate: string,
  chooseId: IdChooser,
  idsAre: string,
): Variant[] {
  const params = op.parameters ?? [];
  // An id whose name says no kind (`parentId`) is taken to be of the path's own resource.
  const resource =
    pathTemplate
      .split('/')
      .filter((s) => s && !s.startsWith('{'))
      .at(-1) ?? '';
  const idOf: IdChooser = (prefix) => chooseId(prefix === 'zzz' ? prefixOf(kindOfSegment(resource)) : prefix);
  const base: Variant = { label: `valid shape, ${idsAre} ids`, path: {}, query: {}, headers: {} };
  const segments = pathTemplate.split('/');
  for (const p of params) {
    if (p.in === 'path') {
      const before = segments[segments.indexOf(`{${p.name}}`) - 1] ?? '';
      base.path[p.name] = idOf(prefixOf(p.name === 'id' ? kindOfSegment(before) : p.name));
    } else if (p.in === 'query' && p.required) {
      base.query[p.name] = String(exampleOf(p.schema, p.name, idOf));
    } else if (p.in === 'header' && /idempotency/i.test(p.name)) {
      base.headers[p.name] = `fuzz-${Math.random().toString(36).slice(2)}`;
    }
  }
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  if (bodySchema) base.body = exampleOf(bodySchema, '', idOf);

  const out: Variant[] = [base];
  const derive = (label: string, change: Partial<Variant>): Variant => ({
    ...base,
    path: { ...base.path },
    query: { ...base.query },
    headers: { ...base.headers },
    ...change,
    label,
  });

  for (const p of params) {
    const target =
      p.in === 'path' ? 'path' : p.in === 'query' ? 'query' : p.in === 'header' ? 'headers' : null;
    if (!target) continue;
    for (const [what, value] of badTextFor(p.schema)) {
      // A path parameter cannot be missing, and a header cannot carry NUL over HTTP (Node refuses it).
      if (target === 'path' && value === undefined) continue;
      if (target === 'headers' && value === NUL) continue;
      const part: Record<string, string> = { ...base[target] };
      if (value === undefined) delete part[p.name];
      else part[p.name] = target === 'headers' && value === HUGE_STRING ? 'k'.repeat(8000) : value;
      out.push(derive(`${p.in} ${p.name}: ${what}`, { [target]: part }));
    }
  }

  if (bodySchema) {
    out.push(derive('body: none', { body: undefined }));
    out.push(derive('body: empty object', { body: {} }));
    out.push(derive('body: array for object', { body: [base.body] }));
    out.push(derive('body: string', { body: undefined, rawBody: JSON.stringify(NUL) }));
    out.push(derive('body: null', { body: undefined, rawBody: 'null' }));
    for (const pos of positions(base.body).slice(0, MAX_BODY_POSITIONS)) {
      const where = pos.join('.');
      for (const [what, value] of badValuesFor(schemaAt(bodySchema, pos))) {
        out.push(derive(`body.${where}: ${what}`, { body: replaced(base.body, pos, value) }));
      }
    }
  }
  return out;
}

/** `/api/x/{id}` with the variant's path values, percent-encoded, and its query string. */
export function urlOf(pathTemplate: string, v: Variant): string {
  const path = pathTemplate.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(v.path[name] ?? ''),
  );
  const query = new URLSearchParams(v.query).toString();
  return query ? `${path}?${query}` : path;
}
