import { and, eq, lte, max } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { announceCampaignEdited } from './campaign-edits.js';
import { catchUp } from './campaign-transitions.service.js';
import type { CampaignItemInput } from './campaign-validation.js';
import { campaignsError } from './campaigns.errors.js';
import { detailOf, loadItems } from './campaigns.queries.js';
import { loadFacts, lockCampaign, throwFirst } from './campaigns.service.js';
import { campaignItems, campaigns } from './campaigns.tables.js';
import type { CampaignItemRow, CampaignRow } from './campaigns.view.js';
import {
  addItemsProblems,
  capProblems,
  extendCutoff,
  liveEditProblems,
  priceProblems,
} from './live-edits.js';
import { liveHubFor } from './live-hub.js';

/**
 * The changes an operator may make to a published campaign while it sells (修改限量 / 改价 / 添加商品 /
 * 延长截单). Each is one named use-case: the campaign row is locked, the change is one guarded
 * UPDATE (or INSERT), audited and announced (outbox) in the same transaction. After commit the live
 * view re-reads the campaign and the order routes of this process drop their cached copy.
 */
type TxDeps = Pick<Deps, 'clock' | 'bus'>;

/**
 * Locks the campaign, brings its stored state up to the clock (as the system, like the operators'
 * transitions), and refuses unless it is scheduled or live: a campaign past its cutoff is closed
 * here and then refused, never edited.
 */
async function lockSelling(deps: TxDeps, tx: Tx, id: string): Promise<CampaignRow> {
  const row = await catchUp(deps, tx, await lockCampaign(tx, id));
  throwFirst(liveEditProblems(row.state));
  return row;
}

async function findItem(tx: Tx, campaignId: string, itemId: string): Promise<CampaignItemRow> {
  const [item] = await tx
    .select()
    .from(campaignItems)
    .where(and(eq(campaignItems.id, itemId), eq(campaignItems.campaignId, campaignId)));
  if (!item) throw campaignsError('campaigns.item_not_found', { field: 'params.itemId', detail: itemId });
  return item;
}

/** Audits and announces one edit in the caller's transaction. */
async function record(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  row: CampaignRow,
  change: { action: string; event: string; before: object; after: object },
): Promise<void> {
  await recordAudit(tx, deps.clock, actor, {
    action: change.action,
    entityType: 'campaign',
    entityId: row.id,
    before: change.before,
    after: change.after,
  });
  await deps.bus.publish(
    tx,
    {
      type: change.event,
      aggregateType: 'campaign',
      aggregateId: row.id,
      payload: { code: row.code, before: change.before, after: change.after },
    },
    actor.requestId,
  );
}

/** Runs an edit in its own transaction, then tells the live view and this process's order cache. */
async function edit<T>(deps: Deps, campaignId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction(fn);
  liveHubFor(deps).markDirty(campaignId);
  announceCampaignEdited(deps, campaignId);
  return result;
}

/** 修改限量: a new cap for one item, never below what it has sold. */
export function changeItemCap(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  itemId: string,
  stockCap: number,
) {
  return edit(deps, campaignId, (tx) => changeItemCapTx(deps, tx, actor, campaignId, itemId, stockCap));
}

export async function changeItemCapTx(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  campaignId: string,
  itemId: string,
  stockCap: number,
) {
  const row = await lockSelling(deps, tx, campaignId);
  const item = await findItem(tx, campaignId, itemId);
  throwFirst(capProblems(item.sold, stockCap));
  // Sales do not take the campaign's lock, so one may land between the read above and this update:
  // the guard decides with the row as it is then (the DB CHECK sold <= cap stays the last line).
  const [after] = await tx
    .update(campaignItems)
    .set({ stockCap, updatedAt: deps.clock.now() })
    .where(and(eq(campaignItems.id, itemId), lte(campaignItems.sold, stockCap)))
    .returning();
  if (!after) {
    const [again] = await tx
      .select({ sold: campaignItems.sold })
      .from(campaignItems)
      .where(eq(campaignItems.id, itemId));
    throw campaignsError('campaigns.cap_below_sold', {
      field: 'body.stockCap',
      detail: `${stockCap} < sold ${again?.sold ?? '?'}`,
    });
  }
  await record(deps, tx, actor, row, {
    action: 'campaign.item_cap_change',
    event: 'campaign.item_cap_changed',
    before: { itemId, skuId: item.skuId, stockCap: item.stockCap },
    after: { itemId, skuId: item.skuId, stockCap: after.stockCap, sold: after.sold },
  });
  return detailOf(tx, deps.clock, row);
}

/**
 * 改价: a corrected campaign price for one item. Orders already placed keep the price they were
 * placed at (their lines store it); orders priced from now on get the new one.
 */
export function changeItemPrice(
  deps: Deps,
  actor: Actor,
  campaignId: string,
  itemId: string,
  priceFen: number,
) {
  return edit(deps, campaignId, (tx) => changeItemPriceTx(deps, tx, actor, campaignId, itemId, priceFen));
}

export async function changeItemPriceTx(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  campaignId: string,
  itemId: string,
  priceFen: number,
) {
  const row = await lockSelling(deps, tx, campaignId);
  throwFirst(priceProblems(priceFen));
  const item = await findItem(tx, campaignId, itemId);
  await tx
    .update(campaignItems)
    .set({ priceFen, updatedAt: deps.clock.now() })
    .where(eq(campaignItems.id, itemId));
  await record(deps, tx, actor, row, {
    action: 'campaign.item_price_change',
    event: 'campaign.item_price_changed',
    before: { itemId, skuId: item.skuId, priceFen: item.priceFen },
    after: { itemId, skuId: item.skuId, priceFen },
  });
  return detailOf(tx, deps.clock, row);
}

/** 添加商品: new items for a selling campaign, listed after the ones it has. */
export function addCampaignItems(deps: Deps, actor: Actor, campaignId: string, items: CampaignItemInput[]) {
  return edit(deps, campaignId, (tx) => addCampaignItemsTx(deps, tx, actor, campaignId, items));
}

export async function addCampaignItemsTx(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  campaignId: string,
  items: CampaignItemInput[],
) {
  const row = await lockSelling(deps, tx, campaignId);
  const existing = await loadItems(tx, campaignId);
  const facts = await loadFacts(
    tx,
    items.map((i) => i.skuId),
    [],
    null,
  );
  throwFirst(addItemsProblems(items, new Set(existing.map((i) => i.skuId)), facts.skus));
  const [last] = await tx
    .select({ n: max(campaignItems.sortOrder) })
    .from(campaignItems)
    .where(eq(campaignItems.campaignId, campaignId));
  const next = (last?.n ?? -1) + 1;
  const now = deps.clock.now();
  const added = await tx
    .insert(campaignItems)
    .values(
      items.map((item, i) => ({
        id: newId('campaignItem'),
        campaignId,
        skuId: item.skuId,
        priceFen: item.priceFen,
        stockCap: item.stockCap,
        perCustomerLimit: item.perCustomerLimit,
        sortOrder: item.sortOrder ?? next + i,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
  await record(deps, tx, actor, row, {
    action: 'campaign.items_add',
    event: 'campaign.items_added',
    before: { itemCount: existing.length },
    after: {
      itemCount: existing.length + added.length,
      added: added.map((i) => ({
        itemId: i.id,
        skuId: i.skuId,
        priceFen: i.priceFen,
        stockCap: i.stockCap,
        perCustomerLimit: i.perCustomerLimit,
      })),
    },
  });
  return detailOf(tx, deps.clock, row);
}

export interface ExtendCutoffInput {
  cutoffAt: Date;
  endsAt?: Date | undefined;
  deliveryDate?: string | undefined;
}

/**
 * 延长截单: a later cutoff. The `campaigns-tick` job reads each campaign's cutoff from its row every
 * minute, so the stored cutoff is the schedule: nothing else needs moving.
 */
export function extendCampaignCutoff(deps: Deps, actor: Actor, campaignId: string, input: ExtendCutoffInput) {
  return edit(deps, campaignId, (tx) => extendCampaignCutoffTx(deps, tx, actor, campaignId, input));
}

export async function extendCampaignCutoffTx(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  campaignId: string,
  input: ExtendCutoffInput,
) {
  const row = await lockSelling(deps, tx, campaignId);
  const r = extendCutoff(row, input, deps.clock.now());
  if (!r.ok) {
    throwFirst(r.problems);
    throw new Error('unreachable: problems without a first');
  }
  const [after] = await tx
    .update(campaigns)
    .set({ ...r.times, updatedAt: deps.clock.now() })
    .where(eq(campaigns.id, campaignId))
    .returning();
  if (!after) throw campaignsError('campaigns.not_found', { field: 'params.id', detail: campaignId });
  const times = (c: { cutoffAt: Date; endsAt: Date; deliveryDate: string }) => ({
    cutoffAt: c.cutoffAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    deliveryDate: c.deliveryDate,
  });
  await record(deps, tx, actor, row, {
    action: 'campaign.cutoff_extend',
    event: 'campaign.cutoff_extended',
    before: times(row),
    after: times(after),
  });
  return detailOf(tx, deps.clock, after);
}
