import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  type CampaignForOrdering,
  campaignItems,
  campaigns,
  DEFAULT_PAYMENT_MINUTES,
  getCampaignForOrdering,
  isOpenForOrders,
} from '../modules/campaigns/index.js';
import { upsertCustomersByPhoneTx } from '../modules/customers/index.js';
import { allocate, shippingWarehouses } from '../modules/inventory/index.js';
import { leaders, pickupPoints } from '../modules/leaders/index.js';
import { customerItemCounts, orderEvents, orderLines, orders, priceOrder } from '../modules/orders/index.js';
import {
  evaluateRisk,
  normalizeAddress,
  type RiskPolicy,
  recordHoldsTx,
  riskBlocklist,
  riskPolicy,
} from '../modules/risk/index.js';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';
import { newId } from '../platform/ids.js';

const MINUTE = 60_000;
const DEMO: Actor = { ...SYSTEM_ACTOR, actorName: 'demo' };

/** A demo customer (customers.seed.ts) on the blocklist: 郑师傅 ordered repeatedly and never paid. */
const BLOCKED_PHONE = '19900010009';
/** A demo customer who places more orders in the live campaign than the policy allows. */
const BUSY_PHONE = '19900010003';

const POLICY = { enabled: true, maxQuantityPerOrder: 50, maxOrdersPerPhonePerCampaign: 5 };

interface DemoOrder {
  key: string;
  phone: string;
  pointId: string;
  leaderId: string;
  itemId: string;
  quantity: number;
  placedAt: Date;
}

/**
 * Risk review demo (风控): a sensible policy (at most 50 units in one order, 5 orders per phone per
 * campaign), a blocked phone and a blocked address, and two orders on hold in the live campaign so
 * the review queue has work at once: one from the blocked phone, and the sixth order of one phone.
 * The orders are written as the intake writes them (customer, lines, timeline, campaign sold count,
 * per-customer counts, stock allocation, audit, `order.placed`), the reasons come from the real
 * `evaluateRisk`, and the held ones get their `risk_holds` rows through `recordHoldsTx`.
 */
export async function seedRiskDemo(deps: Deps, tx: Tx): Promise<{ held: number }> {
  const now = deps.clock.now();
  await tx
    .insert(riskPolicy)
    .values({ id: 1, ...POLICY, version: 1, updatedAt: now, updatedBy: 'demo' })
    .onConflictDoNothing();
  const blockedHash = deps.crypto.hash(BLOCKED_PHONE);
  const blockedAddress = '城西银泰 快递代收点';
  await tx
    .insert(riskBlocklist)
    .values([
      {
        id: newId('riskBlock'),
        kind: 'phone' as const,
        value: blockedHash,
        display: `${BLOCKED_PHONE.slice(0, 3)}****${BLOCKED_PHONE.slice(7)}`,
        valueEnc: deps.crypto.encrypt(BLOCKED_PHONE),
        reason: '多次下单不付款，恶意占用库存',
        createdBy: 'demo',
        createdAt: now,
      },
      {
        id: newId('riskBlock'),
        kind: 'address' as const,
        value: normalizeAddress(blockedAddress),
        display: blockedAddress,
        reason: '疑似黄牛集中收货地址',
        createdBy: 'demo',
        createdAt: now,
      },
    ])
    .onConflictDoNothing();
  await recordAudit(tx, deps.clock, DEMO, {
    action: 'risk.demo.seed',
    entityType: 'risk_policy',
    entityId: '1',
    after: { ...POLICY, blockedPhones: 1, blockedAddresses: 1 },
  });

  const campaign = await openCampaign(tx, now);
  if (!campaign) return { held: 0 };
  const points = await tx
    .select({ pointId: pickupPoints.id, leaderId: leaders.id, address: pickupPoints.address })
    .from(pickupPoints)
    .innerJoin(leaders, eq(leaders.id, pickupPoints.leaderId))
    .where(and(eq(pickupPoints.status, 'active'), eq(leaders.status, 'active')))
    .orderBy(asc(pickupPoints.id));
  const warehouseOf = await shippingWarehouses(
    tx,
    campaign.items.map((i) => i.skuId),
    campaign.warehouseId,
  );
  const items = campaign.items.filter((i) => warehouseOf.has(i.skuId));
  const first = items[0];
  const roomy = [...items].sort((a, b) => b.perCustomerLimit - a.perCustomerLimit)[0];
  const [p1, p2] = [points[0], points[1] ?? points[0]];
  if (!first || !roomy || !p1 || !p2) return { held: 0 };

  const orders: DemoOrder[] = [];
  // Five ordinary orders of one phone, then the sixth, which the orders-per-phone limit holds.
  const busyCount = POLICY.maxOrdersPerPhonePerCampaign + 1;
  if (roomy.perCustomerLimit >= busyCount) {
    for (let n = 0; n < busyCount; n++) {
      orders.push({
        key: `demo-risk-busy-${n}`,
        phone: BUSY_PHONE,
        pointId: p2.pointId,
        leaderId: p2.leaderId,
        itemId: roomy.id,
        quantity: 1,
        placedAt: new Date(now.getTime() - (18 - 3 * n) * MINUTE),
      });
    }
  }
  orders.push({
    key: 'demo-risk-blocked-0',
    phone: BLOCKED_PHONE,
    pointId: p1.pointId,
    leaderId: p1.leaderId,
    itemId: first.id,
    quantity: Math.min(2, first.perCustomerLimit),
    placedAt: new Date(now.getTime() - 2 * MINUTE),
  });

  const policy: RiskPolicy = {
    ...POLICY,
    blockedPhoneHashes: new Set([blockedHash]),
    blockedAddresses: [normalizeAddress(blockedAddress)],
  };
  const addressOf = new Map(points.map((p) => [p.pointId, p.address]));
  const perPhone = new Map<string, number>();
  const holds = [];
  for (const o of orders) {
    const count = (perPhone.get(o.phone) ?? 0) + 1;
    perPhone.set(o.phone, count);
    const reasons = evaluateRisk(policy, {
      totalQuantity: o.quantity,
      phoneHash: deps.crypto.hash(o.phone),
      pickupAddress: addressOf.get(o.pointId) ?? '',
      ordersOfPhoneInCampaign: count,
    });
    const id = await writeOrder(deps, tx, campaign, warehouseOf, o, reasons.length > 0);
    if (reasons.length > 0) holds.push({ orderId: id, campaignId: campaign.id, reasons });
  }
  await recordHoldsTx(tx, deps.clock, holds);
  return { held: holds.length };
}

async function openCampaign(tx: Tx, now: Date): Promise<CampaignForOrdering | null> {
  const open = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(inArray(campaigns.state, ['scheduled', 'live']))
    .orderBy(asc(campaigns.startsAt));
  for (const c of open) {
    const candidate = await getCampaignForOrdering(tx, c.id);
    if (candidate && isOpenForOrders(candidate, now)) return candidate;
  }
  return null;
}

/** One order as the intake's batch writes it, pending payment or on hold. */
async function writeOrder(
  deps: Deps,
  tx: Tx,
  campaign: CampaignForOrdering,
  warehouseOf: Map<string, string>,
  o: DemoOrder,
  held: boolean,
): Promise<string> {
  const priced = priceOrder(campaign.items, [{ itemId: o.itemId, quantity: o.quantity }]);
  if (!priced.ok) throw new Error(`demo risk order ${o.key} does not price: ${priced.code}`);
  const [customer] = await upsertCustomersByPhoneTx(deps, tx, [
    { phone: o.phone, name: null, pickupPointId: o.pointId },
  ]);
  if (!customer) throw new Error('customer upsert returned no row');
  const id = newId('order', o.placedAt.getTime());
  const status = held ? ('on_hold' as const) : ('pending_payment' as const);
  await tx.insert(orders).values({
    id,
    campaignId: campaign.id,
    leaderId: o.leaderId,
    customerId: customer.customerId,
    pickupPointId: o.pointId,
    status,
    totalFen: priced.totalFen,
    itemCount: priced.itemCount,
    pickupCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    idempotencyKey: o.key,
    placedAt: o.placedAt,
    paymentDueAt: new Date(o.placedAt.getTime() + DEFAULT_PAYMENT_MINUTES * MINUTE),
    updatedAt: o.placedAt,
  });
  const lines = priced.lines.map((l) => ({ ...l, warehouseId: warehouseOf.get(l.skuId) ?? '' }));
  await tx.insert(orderLines).values(
    lines.map((l) => ({
      id: newId('orderLine'),
      orderId: id,
      campaignItemId: l.itemId,
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      amountFen: l.amountFen,
    })),
  );
  await tx.insert(orderEvents).values({
    id: newId('orderEvent'),
    orderId: id,
    fromStatus: null,
    toStatus: status,
    at: o.placedAt,
    actorName: 'customer',
    note: held ? 'placed; held for risk review' : 'placed',
  });
  for (const l of lines) {
    const moved = await tx.execute(sql`
      UPDATE ${campaignItems} SET sold = sold + ${l.quantity}
      WHERE id = ${l.itemId} AND sold + ${l.quantity} <= stock_cap`);
    if (moved.rowCount !== 1) throw new Error(`demo risk order ${o.key}: campaign item ${l.itemId} sold out`);
    await tx.execute(sql`
      INSERT INTO ${customerItemCounts} (phone_hash, campaign_item_id, bought)
      VALUES (${deps.crypto.hash(o.phone)}, ${l.itemId}, ${l.quantity})
      ON CONFLICT (phone_hash, campaign_item_id) DO UPDATE SET bought = ${customerItemCounts}.bought + excluded.bought`);
  }
  const stock = await allocate(
    deps,
    tx,
    DEMO,
    lines.map((l) => ({
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      quantity: l.quantity,
      referenceType: 'order',
      referenceId: id,
    })),
    { reason: 'order intake' },
  );
  if (!stock.ok) throw new Error(`demo risk order ${o.key}: ${JSON.stringify(stock.shortage)}`);
  await recordAudit(tx, deps.clock, DEMO, {
    action: 'order.place',
    entityType: 'order',
    entityId: id,
    after: { campaignId: campaign.id, leaderId: o.leaderId, totalFen: priced.totalFen, status },
  });
  await deps.bus.publish(tx, {
    type: 'order.placed',
    aggregateType: 'order',
    aggregateId: id,
    payload: {
      campaignId: campaign.id,
      leaderId: o.leaderId,
      totalFen: priced.totalFen,
      itemCount: priced.itemCount,
      status,
    },
  });
  return id;
}
