import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import { pgErrorOf } from '../../platform/db/pg-error.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { findSkus } from '../catalog/index.js';
import { warehouses } from '../inventory/index.js';
import { regions } from '../leaders/index.js';
import {
  type CampaignInput,
  type CampaignItemInput,
  type Problem,
  type SkuFacts,
  validateCampaign,
} from './campaign-validation.js';
import { campaignsError } from './campaigns.errors.js';
import { detailOf, loadItems } from './campaigns.queries.js';
import { campaignItems, campaigns, DEFAULT_PAYMENT_MINUTES } from './campaigns.tables.js';
import { auditView, type CampaignRow } from './campaigns.view.js';

type ServiceDeps = Pick<Deps, 'clock' | 'bus' | 'db'>;
type TxDeps = Pick<Deps, 'clock' | 'bus'>;

/** Turns the first validation problem into the error the request answers with. */
export function throwFirst(problems: readonly Problem[], stripBody = false): void {
  const p = problems[0];
  if (!p) return;
  const field = stripBody ? p.field.replace(/^body\./, '') : p.field;
  throw campaignsError(p.code, { field, detail: p.detail });
}

/**
 * Looks up what validation needs: the catalog's view of the SKUs, which region ids exist, and
 * whether the chosen warehouse is active.
 */
export async function loadFacts(
  db: Executor,
  skuIds: readonly string[],
  regionIds: readonly string[],
  warehouseId: string | null | undefined,
) {
  const found = await findSkus(db, [...new Set(skuIds)]);
  const skus = new Map<string, SkuFacts>(found.map((s) => [s.skuId, s]));
  const known =
    regionIds.length === 0
      ? []
      : await db
          .select({ id: regions.id })
          .from(regions)
          .where(inArray(regions.id, [...regionIds]));
  const active = warehouseId
    ? await db
        .select({ id: warehouses.id })
        .from(warehouses)
        .where(and(eq(warehouses.id, warehouseId), eq(warehouses.status, 'active')))
    : [];
  return {
    skus,
    knownRegionIds: new Set(known.map((r) => r.id)),
    activeWarehouseIds: new Set(active.map((w) => w.id)),
  };
}

/** Trims text and drops a repeated region id; the content is otherwise stored as given. */
function normalise(input: CampaignInput): CampaignInput {
  return {
    ...input,
    code: input.code.trim(),
    name: input.name.trim(),
    coverUrl: input.coverUrl?.trim() ?? '',
    description: input.description?.trim() ?? '',
    // Selling to everyone needs no list; a leftover one from the form would only confuse readers.
    regionIds: input.sellTo === 'all' ? [] : [...new Set(input.regionIds)],
    warehouseId: input.warehouseId?.trim() || null,
  };
}

async function validateInTx(tx: Tx, input: CampaignInput): Promise<void> {
  const facts = await loadFacts(
    tx,
    input.items.map((i) => i.skuId),
    input.regionIds,
    input.warehouseId,
  );
  throwFirst(validateCampaign(input, facts));
}

function columnsOf(input: CampaignInput) {
  return {
    code: input.code,
    name: input.name,
    coverUrl: input.coverUrl ?? '',
    description: input.description ?? '',
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    cutoffAt: input.cutoffAt,
    deliveryDate: input.deliveryDate,
    sellTo: input.sellTo,
    regionIds: input.regionIds,
    warehouseId: input.warehouseId ?? null,
    paymentMinutes: input.paymentMinutes ?? DEFAULT_PAYMENT_MINUTES,
  };
}

function itemColumns(item: CampaignItemInput, index: number) {
  return {
    skuId: item.skuId,
    priceFen: item.priceFen,
    stockCap: item.stockCap,
    perCustomerLimit: item.perCustomerLimit,
    // Without an explicit order, items keep the order the operator listed them in.
    sortOrder: item.sortOrder ?? index,
  };
}

function isCodeConflict(err: unknown): boolean {
  const pg = pgErrorOf(err);
  return pg?.code === '23505' && pg.constraint === 'campaigns_code_unique';
}

export async function createCampaign(deps: ServiceDeps, actor: Actor, input: CampaignInput) {
  return deps.db.transaction((tx) => createCampaignTx(deps, tx, actor, input));
}

/** The transactional half of createCampaign, for callers that already hold a transaction (the demo seed). */
export async function createCampaignTx(deps: TxDeps, tx: Tx, actor: Actor, raw: CampaignInput) {
  const input = normalise(raw);
  await validateInTx(tx, input);
  const now = deps.clock.now();
  const [row] = await tx
    .insert(campaigns)
    .values({
      id: newId('campaign'),
      ...columnsOf(input),
      state: 'draft',
      createdBy: actor.actorId,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: campaigns.code })
    .returning();
  if (!row) throw campaignsError('campaigns.code_taken', { field: 'body.code', detail: input.code });
  if (input.items.length > 0) {
    await tx.insert(campaignItems).values(
      input.items.map((item, i) => ({
        id: newId('campaignItem'),
        campaignId: row.id,
        ...itemColumns(item, i),
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  await recordAudit(tx, deps.clock, actor, {
    action: 'campaign.create',
    entityType: 'campaign',
    entityId: row.id,
    after: auditView(row, await loadItems(tx, row.id)),
  });
  await deps.bus.publish(
    tx,
    {
      type: 'campaign.created',
      aggregateType: 'campaign',
      aggregateId: row.id,
      payload: { code: row.code, name: row.name, itemCount: input.items.length },
    },
    actor.requestId,
  );
  return detailOf(tx, deps.clock, row);
}

export async function lockCampaign(tx: Tx, id: string): Promise<CampaignRow> {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
  if (!row) throw campaignsError('campaigns.not_found', { field: 'params.id', detail: id });
  return row;
}

/**
 * Replaces a draft's content. Items are matched by SKU so that an edited item keeps its id; items
 * no longer listed are deleted, which is safe only because a draft has never sold anything.
 */
export async function updateDraftCampaign(deps: ServiceDeps, actor: Actor, id: string, raw: CampaignInput) {
  const input = normalise(raw);
  try {
    return await deps.db.transaction(async (tx) => {
      const before = await lockCampaign(tx, id);
      if (before.state !== 'draft')
        throw campaignsError('campaigns.not_editable', { detail: `state is ${before.state}` });
      await validateInTx(tx, input);
      const beforeItems = await loadItems(tx, id);
      const now = deps.clock.now();
      const [after] = await tx
        .update(campaigns)
        .set({ ...columnsOf(input), updatedAt: now })
        .where(eq(campaigns.id, id))
        .returning();
      if (!after) throw campaignsError('campaigns.not_found', { field: 'params.id', detail: id });

      const existing = new Map(beforeItems.map((i) => [i.skuId, i]));
      const keep = new Set(input.items.map((i) => i.skuId));
      const gone = beforeItems.filter((i) => !keep.has(i.skuId)).map((i) => i.id);
      if (gone.length > 0) await tx.delete(campaignItems).where(inArray(campaignItems.id, gone));
      for (const [i, item] of input.items.entries()) {
        const current = existing.get(item.skuId);
        if (current) {
          await tx
            .update(campaignItems)
            .set({ ...itemColumns(item, i), updatedAt: now })
            .where(eq(campaignItems.id, current.id));
        } else {
          await tx.insert(campaignItems).values({
            id: newId('campaignItem'),
            campaignId: id,
            ...itemColumns(item, i),
            createdAt: now,
            updatedAt: now,
          });
        }
      }
      await recordAudit(tx, deps.clock, actor, {
        action: 'campaign.update',
        entityType: 'campaign',
        entityId: id,
        before: auditView(before, beforeItems),
        after: auditView(after, await loadItems(tx, id)),
      });
      await deps.bus.publish(
        tx,
        {
          type: 'campaign.updated',
          aggregateType: 'campaign',
          aggregateId: id,
          payload: { code: after.code, itemCount: input.items.length },
        },
        actor.requestId,
      );
      return detailOf(tx, deps.clock, after);
    });
  } catch (err) {
    // A code taken by another campaign: the unique index decides, so two edits cannot both win.
    if (isCodeConflict(err))
      throw campaignsError('campaigns.code_taken', { field: 'body.code', detail: input.code });
    throw err;
  }
}
