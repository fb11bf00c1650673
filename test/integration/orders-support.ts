import { scheduleCampaign } from '../../src/modules/campaigns/index.js';
import { receiveStock } from '../../src/modules/inventory/index.js';
import {
  findLeaderByCode,
  generateLeaderCode,
  leaders,
  pickupPoints,
  regions,
} from '../../src/modules/leaders/index.js';
import type { PendingOrder } from '../../src/modules/orders/intake/flush-batch.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { newId } from '../../src/platform/ids.js';
import type { TestDb } from '../helpers/test-db.js';
import { createCampaignDirect, makeSku } from './campaigns-support.js';
import { makeWarehouse } from './inventory-support.js';

let n = 0;

export interface Sale {
  campaignId: string;
  itemId: string;
  skuId: string;
  warehouseId: string;
  leaderCode: string;
  pickupPointId: string;
}

/**
 * A live campaign with one item (cap, per-customer limit), stock in a warehouse, and a leader with a
 * pickup point: everything an order needs. The test clock is moved into the sale window.
 */
export async function arrangeSale(
  tdb: TestDb,
  opts: { cap?: number; limit?: number; stock?: number; priceFen?: number } = {},
): Promise<Sale> {
  n += 1;
  const { deps } = tdb;
  const now = deps.clock.now();
  const regionId = newId('region');
  await deps.db.insert(regions).values({
    id: regionId,
    code: `R${n}${Math.random().toString(36).slice(2, 6)}`,
    name: '西湖区',
    level: 'district',
    createdAt: now,
  });
  const leaderId = newId('leader');
  const leaderCode = generateLeaderCode();
  const phone = `139${String(10_000_000 + n * 7919).slice(-8)}`;
  await deps.db.insert(leaders).values({
    id: leaderId,
    code: leaderCode,
    name: `团长${n}`,
    phoneEnc: deps.crypto.encrypt(phone),
    phoneHash: deps.crypto.hash(`${phone}-${Math.random()}`),
    regionId,
    createdAt: now,
    updatedAt: now,
  });
  const pickupPointId = newId('pickupPoint');
  await deps.db.insert(pickupPoints).values({
    id: pickupPointId,
    leaderId,
    name: '西湖花园 3 幢',
    address: '西湖区文三路 1 号',
    regionId,
    createdAt: now,
    updatedAt: now,
  });
  const sku = await makeSku(tdb);
  const warehouseId = await makeWarehouse(tdb);
  await receiveStock(deps, SYSTEM_ACTOR, { skuId: sku.id, warehouseId, quantity: opts.stock ?? 1000 });
  const campaign = await createCampaignDirect(tdb, [sku.id], {
    items: [
      {
        skuId: sku.id,
        priceFen: opts.priceFen ?? 990,
        stockCap: opts.cap ?? 100,
        perCustomerLimit: opts.limit ?? 5,
      },
    ],
  });
  await scheduleCampaign(deps, SYSTEM_ACTOR, campaign.id);
  deps.clock.advance(61 * 60_000);
  const itemId = campaign.items[0]?.id ?? '';
  return { campaignId: campaign.id, itemId, skuId: sku.id, warehouseId, leaderCode, pickupPointId };
}

let phoneSeq = 0;
/** A fresh valid mainland mobile number per call. */
export function newPhone(): string {
  phoneSeq += 1;
  return `138${String(phoneSeq + Math.floor(Math.random() * 1e6) * 100)
    .padStart(8, '0')
    .slice(-8)}`;
}

export function orderBody(sale: Sale, phone: string, quantity = 1, extra: Record<string, unknown> = {}) {
  return {
    campaignId: sale.campaignId,
    leaderCode: sale.leaderCode,
    pickupPointId: sale.pickupPointId,
    customer: { phone, name: '小陈' },
    items: [{ itemId: sale.itemId, quantity }],
    ...extra,
  };
}

let pendingSeq = 0;
/**
 * An order as the intake receives it after validation and pricing (one line of the sale's item at
 * 1 yuan a unit), for tests that drive the intake or `flushBatch` directly.
 */
export async function pendingOrder(
  tdb: TestDb,
  sale: Sale,
  opts: { phone?: string; quantity?: number } = {},
): Promise<PendingOrder> {
  const leader = await findLeaderByCode(tdb.deps.db, sale.leaderCode, tdb.deps.clock.now());
  if (!leader) throw new Error('no leader');
  const phone = opts.phone ?? newPhone();
  const quantity = opts.quantity ?? 1;
  pendingSeq += 1;
  return {
    key: `pending-${Date.now()}-${pendingSeq}`,
    requestHash: `h-${pendingSeq}`,
    campaignId: sale.campaignId,
    leaderId: leader.leaderId,
    pickupPointId: sale.pickupPointId,
    phone,
    phoneHash: tdb.deps.crypto.hash(phone),
    customerName: null,
    pickupAddress: '西湖区文三路 1 号',
    lines: [
      {
        itemId: sale.itemId,
        skuId: sale.skuId,
        warehouseId: sale.warehouseId,
        quantity,
        unitPriceFen: 100,
        amountFen: 100 * quantity,
      },
    ],
    totalFen: 100 * quantity,
    itemCount: quantity,
    actor: { actorId: null, actorName: 'customer', requestId: null, ip: null },
  };
}
