import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { type Actor, escapeLike, recordAudit } from '../../platform/audit/index.js';
import type { PublicUser } from '../../platform/auth/index.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { Executor } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { customersError } from './customers.errors.js';
import { customers } from './customers.tables.js';
import { maskPhone, normalizePhone } from './phone.js';

type CustomerRow = typeof customers.$inferSelect;

function decryptPhone(crypto: FieldCrypto, row: CustomerRow): string {
  try {
    return crypto.decrypt(row.phoneEnc);
  } catch {
    // A row the key cannot open means the key file was replaced or lost: say so, never guess.
    throw customersError('customers.phone_unreadable', { detail: row.id });
  }
}

/** A customer as lists and detail show them: the phone always masked. */
function customerView(crypto: FieldCrypto, row: CustomerRow) {
  let phoneMasked: string;
  try {
    phoneMasked = maskPhone(crypto.decrypt(row.phoneEnc));
  } catch {
    phoneMasked = '***********';
  }
  return {
    id: row.id,
    phoneMasked,
    name: row.name,
    defaultPickupPointId: row.defaultPickupPointId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface CustomerListQuery {
  /** A full phone number (matched exactly through its keyed hash) or part of a name. */
  q?: string | undefined;
  pickupPointId?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * Which customers a user may see (数据范围): null for all, or a condition on the `customers` table.
 * The customers module knows nothing of regions; the application passes in the rule that does.
 */
export type CustomerScopeOf = (user: PublicUser | undefined) => Promise<SQL | null>;

/**
 * Lists customers within `scope` (a condition from `CustomerScopeOf`). A search that is a full
 * mobile number matches by keyed hash; anything else searches names. Partial numbers cannot be
 * searched: only the hash of the whole number is stored.
 */
export async function listCustomers(
  db: Executor,
  crypto: FieldCrypto,
  q: CustomerListQuery,
  scope: SQL | null = null,
) {
  const where: SQL[] = scope ? [scope] : [];
  const text = q.q?.trim();
  if (text) {
    const phone = normalizePhone(text);
    where.push(
      phone ? eq(customers.phoneHash, crypto.hash(phone)) : ilike(customers.name, `%${escapeLike(text)}%`),
    );
  }
  if (q.pickupPointId) where.push(eq(customers.defaultPickupPointId, q.pickupPointId));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(customers)
      .where(cond)
      .orderBy(desc(customers.createdAt), desc(customers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(customers).where(cond),
  ]);
  return { items: rows.map((r) => customerView(crypto, r)), total: total?.n ?? 0 };
}

async function findRow(db: Executor, id: string, scope: SQL | null = null): Promise<CustomerRow> {
  const [row] = await db
    .select()
    .from(customers)
    .where(scope ? and(eq(customers.id, id), scope) : eq(customers.id, id));
  if (!row) throw customersError('customers.not_found', { field: 'params.id', detail: id });
  return row;
}

/** One customer; one outside `scope` is not found, as if it did not exist. */
export async function getCustomerDetail(
  db: Executor,
  crypto: FieldCrypto,
  id: string,
  scope: SQL | null = null,
) {
  return customerView(crypto, await findRow(db, id, scope));
}

/**
 * The full phone number, for those whose work needs it (delivery, payouts). Reading it is recorded
 * in the audit log as `customer.phone_viewed`, in the same transaction: no record, no number. The
 * record names the customer but not the number, so the audit log itself holds no personal data.
 */
export async function revealCustomerPhone(
  deps: Pick<Deps, 'db' | 'clock' | 'crypto'>,
  actor: Actor,
  id: string,
) {
  return deps.db.transaction(async (tx) => {
    const row = await findRow(tx, id);
    const phone = decryptPhone(deps.crypto, row);
    await recordAudit(tx, deps.clock, actor, {
      action: 'customer.phone_viewed',
      entityType: 'customer',
      entityId: id,
      after: { phoneMasked: maskPhone(phone) },
    });
    return { id, phone };
  });
}
