import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Db, Executor, Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { riskError } from './risk.errors.js';
import { type BlockKind, riskBlocklist, riskPolicy } from './risk.tables.js';
import { announceRiskPolicyChange, reloadRiskPolicyCaches } from './risk-policy-cache.js';
import { checkBlockValue, checkPolicy, type PolicyInput } from './risk-rules.js';

export interface PolicyView extends PolicyInput {
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Nothing configured yet: the checks are on but every limit is off, so nothing is held. */
const UNCONFIGURED: PolicyView = {
  enabled: true,
  maxQuantityPerOrder: null,
  maxOrdersPerPhonePerCampaign: null,
  version: 0,
  updatedAt: null,
  updatedBy: null,
};

export async function getRiskPolicy(db: Executor): Promise<PolicyView> {
  const [row] = await db.select().from(riskPolicy).where(eq(riskPolicy.id, 1));
  if (!row) return UNCONFIGURED;
  return {
    enabled: row.enabled,
    maxQuantityPerOrder: row.maxQuantityPerOrder,
    maxOrdersPerPhonePerCampaign: row.maxOrdersPerPhonePerCampaign,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/**
 * Every change (policy or blocklist) goes through here: the policy row is locked and its version
 * raised (created with the defaults if missing), which also serialises concurrent changes, and the
 * change is announced to the other processes on commit.
 */
async function bumpVersion(deps: Deps, tx: Tx, actor: Actor, patch: Partial<PolicyInput> = {}) {
  const now = deps.clock.now();
  const [row] = await tx
    .insert(riskPolicy)
    .values({ id: 1, ...patch, version: 1, updatedAt: now, updatedBy: actor.actorName })
    .onConflictDoUpdate({
      target: riskPolicy.id,
      set: { ...patch, version: sql`${riskPolicy.version} + 1`, updatedAt: now, updatedBy: actor.actorName },
    })
    .returning();
  await announceRiskPolicyChange(tx);
  return row;
}

/** Runs a change in one transaction, then reloads this process's caches before answering. */
async function change<T>(deps: Deps, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction(fn);
  await reloadRiskPolicyCaches(deps.db).catch((err: unknown) =>
    deps.log.error({ err }, 'risk policy reload after a change failed; the periodic check will retry'),
  );
  return result;
}

/** Sets the whole policy (风控规则). Limits: null (off) or 1..1,000,000; anything else names its field. */
export async function updateRiskPolicy(deps: Deps, actor: Actor, input: PolicyInput): Promise<PolicyView> {
  const checked = checkPolicy(input);
  if (!checked.ok) throw riskError(checked.code, { field: checked.field, detail: checked.detail });
  await change(deps, async (tx) => {
    const before = await getRiskPolicy(tx);
    const patch = {
      enabled: input.enabled,
      maxQuantityPerOrder: input.maxQuantityPerOrder,
      maxOrdersPerPhonePerCampaign: input.maxOrdersPerPhonePerCampaign,
    };
    await bumpVersion(deps, tx, actor, patch);
    await recordAudit(tx, deps.clock, actor, {
      action: 'risk.policy.update',
      entityType: 'risk_policy',
      entityId: '1',
      before: {
        enabled: before.enabled,
        maxQuantityPerOrder: before.maxQuantityPerOrder,
        maxOrdersPerPhonePerCampaign: before.maxOrdersPerPhonePerCampaign,
      },
      after: patch,
    });
  });
  return getRiskPolicy(deps.db);
}

export interface BlockView {
  id: string;
  kind: BlockKind;
  /** Masked phone or the address as entered: the full number is never shown or stored. */
  display: string;
  reason: string;
  createdBy: string | null;
  createdAt: string;
}

const toView = (r: typeof riskBlocklist.$inferSelect): BlockView => ({
  id: r.id,
  kind: r.kind,
  display: r.display,
  reason: r.reason,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});

/** The live blocklist entries, newest first. */
export async function listBlocklist(
  db: Db,
  q: { kind?: BlockKind | undefined; page: number; pageSize: number },
): Promise<{ items: BlockView[]; total: number }> {
  const where: SQL[] = [isNull(riskBlocklist.removedAt)];
  if (q.kind) where.push(eq(riskBlocklist.kind, q.kind));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(riskBlocklist)
      .where(cond)
      .orderBy(desc(riskBlocklist.createdAt), desc(riskBlocklist.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(riskBlocklist).where(cond),
  ]);
  return { items: rows.map(toView), total: total?.n ?? 0 };
}

/**
 * Blocks a phone number (stored as the customers module's keyed hash, so it matches the hash the
 * intake computes, plus the masked number) or an address fragment (normalized). A value already
 * blocked is a 409.
 */
export async function addBlock(
  deps: Deps,
  actor: Actor,
  input: { kind: BlockKind; value: string; reason: string },
): Promise<BlockView> {
  const checked = checkBlockValue(input.kind, input.value);
  if (!checked.ok) throw riskError(checked.code, { field: checked.field, detail: checked.detail });
  const value = input.kind === 'phone' ? deps.crypto.hash(checked.value.normal) : checked.value.normal;
  return change(deps, async (tx) => {
    await bumpVersion(deps, tx, actor);
    const [row] = await tx
      .insert(riskBlocklist)
      .values({
        id: newId('riskBlock'),
        kind: input.kind,
        value,
        display: checked.value.display,
        valueEnc: input.kind === 'phone' ? deps.crypto.encrypt(checked.value.normal) : null,
        reason: input.reason.trim(),
        createdById: actor.actorId,
        createdBy: actor.actorName,
        createdAt: deps.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw riskError('risk.blocklist_duplicate', { field: 'body.value', detail: checked.value.display });
    const view = toView(row);
    await recordAudit(tx, deps.clock, actor, {
      action: 'risk.blocklist.add',
      entityType: 'risk_blocklist',
      entityId: row.id,
      after: { kind: view.kind, display: view.display, reason: view.reason },
    });
    return view;
  });
}

/** Takes an entry off the blocklist; the row stays, marked with who removed it, when and why. */
export async function removeBlock(deps: Deps, actor: Actor, id: string, reason: string): Promise<void> {
  await change(deps, async (tx) => {
    // The policy row first, as every change takes it: concurrent changes queue in one order.
    await bumpVersion(deps, tx, actor);
    const [row] = await tx.select().from(riskBlocklist).where(eq(riskBlocklist.id, id)).for('update');
    if (!row) throw riskError('risk.blocklist_not_found', { field: 'params.id', detail: id });
    if (row.removedAt) throw riskError('risk.blocklist_already_removed', { field: 'params.id', detail: id });
    await tx
      .update(riskBlocklist)
      .set({ removedAt: deps.clock.now(), removedBy: actor.actorName, removedReason: reason.trim() })
      .where(eq(riskBlocklist.id, id));
    await recordAudit(tx, deps.clock, actor, {
      action: 'risk.blocklist.remove',
      entityType: 'risk_blocklist',
      entityId: id,
      before: { kind: row.kind, display: row.display, reason: row.reason },
      after: { removed: true, reason: reason.trim() },
    });
  });
}
