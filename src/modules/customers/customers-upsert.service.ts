import { eq, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.js';
import { combineParts, cte, NO_PARTS, type StatementParts } from '../../platform/db/statement-parts.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { customersError } from './customers.errors.js';
import { customers } from './customers.tables.js';
import { maskPhone, normalizePhone } from './phone.js';

export interface CustomerUpsertInput {
  phone: string;
  /** Null or absent keeps the stored name; a non-blank value replaces it (the latest name wins). */
  name?: string | null;
  /** Null or absent keeps the stored default pickup point; a value replaces it. */
  pickupPointId?: string | null;
  /** `crypto.hash` of the normalised phone, when the caller has it already (the order intake does). */
  phoneHash?: string;
}

export interface CustomerUpsertResult {
  customerId: string;
  /** True when this call (or, in a batch, the statement) made the row; false when it existed. */
  created: boolean;
}

type UpsertDeps = Pick<Deps, 'clock' | 'crypto' | 'bus'>;

interface PreparedRow {
  id: string;
  phoneEnc: string;
  phoneHash: string;
  name: string | null;
  defaultPickupPointId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function prepare(deps: UpsertDeps, input: CustomerUpsertInput, field: string, now: Date): PreparedRow {
  const phone = normalizePhone(input.phone);
  if (!phone) throw customersError('customers.invalid_phone', { field, detail: maskPhone(input.phone) });
  const name = input.name?.trim() || null;
  return {
    id: newId('customer', now.getTime()),
    phoneEnc: deps.crypto.encrypt(phone),
    phoneHash: input.phoneHash ?? deps.crypto.hash(phone),
    name,
    defaultPickupPointId: input.pickupPointId || null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Inserts the rows or, for phones that already have a customer, refreshes name and pickup point, in
 * one statement. The unique index on phone_hash decides who creates a row, so concurrent orders from
 * one phone end with one customer. `xmax = 0` is true only for a row this statement inserted.
 * `updated_at` moves only when something changed, so repeat orders do not churn the row's history.
 * Returns `id`, `phone_hash` and `created` for every row.
 */
function upsertSql(rows: readonly PreparedRow[]): SQL {
  // Array parameters and unnest: one statement whatever the batch size, and no SQL text to build
  // per row (a flash-sale batch upserts hundreds of customers).
  const col = <K extends keyof PreparedRow>(k: K) => sql.param(rows.map((r) => r[k]));
  const at = rows[0]?.createdAt.toISOString() ?? new Date(0).toISOString();
  return sql`
    INSERT INTO ${customers} AS c (id, phone_enc, phone_hash, name, default_pickup_point_id, created_at, updated_at)
    SELECT i, e, h, n, p, ${at}::timestamptz, ${at}::timestamptz
    FROM unnest(${col('id')}::text[], ${col('phoneEnc')}::text[], ${col('phoneHash')}::text[], ${col('name')}::text[],
                ${col('defaultPickupPointId')}::text[]) AS v(i, e, h, n, p)
    ON CONFLICT (phone_hash) DO UPDATE SET
      name = coalesce(excluded.name, c.name),
      default_pickup_point_id = coalesce(excluded.default_pickup_point_id, c.default_pickup_point_id),
      updated_at = case when (excluded.name is not null and excluded.name is distinct from c.name)
          or (excluded.default_pickup_point_id is not null
            and excluded.default_pickup_point_id is distinct from c.default_pickup_point_id)
        then excluded.updated_at else c.updated_at end
    RETURNING c.id, c.phone_hash, (c.xmax = 0) AS created`;
}

async function upsertRows(tx: Tx, rows: PreparedRow[]) {
  const result = await tx.execute<{ id: string; phone_hash: string; created: boolean }>(upsertSql(rows));
  return result.rows.map((r) => ({ id: r.id, phoneHash: r.phone_hash, created: r.created }));
}

/** The customer of `input.phone`, made if new; for the order intake, inside the order's transaction. */
export async function upsertCustomerByPhoneTx(
  deps: UpsertDeps,
  tx: Tx,
  input: CustomerUpsertInput,
): Promise<CustomerUpsertResult> {
  const [result] = await upsertCustomersByPhoneTx(deps, tx, [input]);
  if (!result) throw new Error('customer upsert returned no row');
  return result;
}

/**
 * Each input prepared (a malformed phone throws, naming `inputs[i].phone`), and the rows to write:
 * inputs with the same phone merged (PostgreSQL refuses to update one row twice in a statement; the
 * later input's name and pickup point win), in phone-hash order so that two batches sharing phones
 * lock them in the same order and cannot deadlock.
 */
function prepareMerged(deps: UpsertDeps, inputs: readonly CustomerUpsertInput[]) {
  const now = deps.clock.now();
  const field = (i: number) => (inputs.length === 1 ? 'phone' : `inputs[${i}].phone`);
  const prepared = inputs.map((input, i) => prepare(deps, input, field(i), now));
  const byHash = new Map<string, PreparedRow>();
  for (const row of prepared) {
    const seen = byHash.get(row.phoneHash);
    if (!seen) byHash.set(row.phoneHash, { ...row });
    else {
      seen.name = row.name ?? seen.name;
      seen.defaultPickupPointId = row.defaultPickupPointId ?? seen.defaultPickupPointId;
    }
  }
  const rows = [...byHash.values()].sort((a, b) => (a.phoneHash < b.phoneHash ? -1 : 1));
  return { prepared, rows };
}

/**
 * `upsertCustomersByPhoneTx` as parts of a bigger statement (see `StatementParts`), for the order
 * intake's one-statement batches: the CTE `name` upserts the customers and returns `id`,
 * `phone_hash` and `created` for each distinct phone (`phones` of them); the `customer.created`
 * events of the rows it made are written by the same statement. A malformed phone throws before
 * anything is built, naming `inputs[i].phone`.
 */
export function upsertCustomersParts(
  deps: UpsertDeps,
  inputs: readonly CustomerUpsertInput[],
  name = 'customers',
): { parts: StatementParts; phones: number } {
  if (inputs.length === 0) return { parts: NO_PARTS, phones: 0 };
  const { rows } = prepareMerged(deps, inputs);
  const made = deps.bus.publishFromParts(
    'customer.created',
    'customer',
    sql`SELECT v.e AS id, c.id AS aggregate_id
        FROM ${sql.identifier(name)} c
        JOIN unnest(${sql.param(rows.map((r) => r.phoneHash))}::text[], ${sql.param(rows.map(() => newId('event')))}::text[])
          AS v(h, e) ON v.h = c.phone_hash
        WHERE c.created`,
    `${name}_created`,
  );
  return {
    parts: combineParts({ ctes: [cte(name, upsertSql(rows))], outputs: [] }, made),
    phones: rows.length,
  };
}

/**
 * The batched form for the group-commit flusher: one INSERT ... ON CONFLICT for the whole batch (see
 * `prepareMerged`), and the `customer.created` events. Results are in the order of `inputs`.
 */
export async function upsertCustomersByPhoneTx(
  deps: UpsertDeps,
  tx: Tx,
  inputs: readonly CustomerUpsertInput[],
): Promise<CustomerUpsertResult[]> {
  if (inputs.length === 0) return [];
  const { prepared, rows } = prepareMerged(deps, inputs);
  const returned = await upsertRows(tx, rows);
  const result = new Map(returned.map((r) => [r.phoneHash, { customerId: r.id, created: r.created }]));
  const created = returned.filter((r) => r.created);
  if (created.length > 0) {
    // The event carries no phone: outbox payloads are copied to other systems and kept for long.
    await deps.bus.publishMany(
      tx,
      created.map((r) => ({
        type: 'customer.created',
        aggregateType: 'customer',
        aggregateId: r.id,
        payload: {},
      })),
    );
  }
  return prepared.map((row) => {
    const r = result.get(row.phoneHash);
    if (!r) throw new Error('customer upsert lost a row');
    return r;
  });
}

export interface CustomerByPhone {
  customerId: string;
  name: string | null;
  defaultPickupPointId: string | null;
  phoneMasked: string;
  createdAt: Date;
}

/** Looks a customer up by phone through the keyed hash; null for an unknown or malformed number. */
export async function findCustomerByPhone(
  deps: Pick<Deps, 'crypto'>,
  db: Executor,
  phone: string,
): Promise<CustomerByPhone | null> {
  const p = normalizePhone(phone);
  if (!p) return null;
  const [row] = await db
    .select({
      customerId: customers.id,
      name: customers.name,
      defaultPickupPointId: customers.defaultPickupPointId,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .where(eq(customers.phoneHash, deps.crypto.hash(p)));
  return row ? { ...row, phoneMasked: maskPhone(p) } : null;
}
