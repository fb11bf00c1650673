import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import {
  clearThrottle,
  recordFailure,
  type ThrottleKey,
  throttledError,
  throttleWait,
} from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { DomainError } from '../../platform/errors.js';
import { ErrorBodySchema } from '../../platform/http/schemas.js';
import {
  buyableNow,
  campaignStorefrontText,
  campaigns,
  getCampaignForOrdering,
  isOpenForOrders,
  maySellIn,
} from '../campaigns/index.js';
import { findSkus, products } from '../catalog/index.js';
import { customers, normalizePhone } from '../customers/index.js';
import { shippingStock } from '../inventory/index.js';
import { findLeaderByCode, pickupPoints } from '../leaders/index.js';
import { ordersError } from './orders.errors.js';
import { orderLines, orders } from './orders.tables.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const StorefrontView = Type.Object({
  campaign: Type.Object({
    id: Type.String(),
    name: Type.String(),
    coverUrl: Type.String(),
    description: Type.String(),
    startsAt: Type.String(),
    cutoffAt: Type.String(),
    deliveryDate: Type.String(),
    state: Type.String(),
    openForOrders: Type.Boolean(),
    serverNow: Type.String(),
  }),
  leader: Type.Object({ name: Type.String(), code: Type.String() }),
  pickupPoints: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      address: Type.String(),
      openingHours: Type.String(),
    }),
  ),
  items: Type.Array(
    Type.Object({
      itemId: Type.String(),
      productName: Type.String(),
      spec: Type.String(),
      unit: Type.String(),
      image: Nullable(Type.String()),
      priceFen: Type.Integer(),
      listPriceFen: Type.Integer(),
      perCustomerLimit: Type.Integer(),
      remaining: Type.Integer(),
    }),
  ),
});

const MyOrders = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      campaignId: Type.String(),
      campaignName: Type.String(),
      status: Type.String(),
      totalFen: Type.Integer(),
      itemCount: Type.Integer(),
      pickupCode: Type.String(),
      pickupPointName: Type.String(),
      pickupPointAddress: Type.String(),
      placedAt: Type.String(),
      paymentDueAt: Type.String(),
      lines: Type.Array(
        Type.Object({
          productName: Type.String(),
          spec: Type.String(),
          quantity: Type.Integer(),
          unitPriceFen: Type.Integer(),
          amountFen: Type.Integer(),
        }),
      ),
    }),
  ),
});

const MY_ORDERS_PHONE = 'my_orders.phone';

/**
 * The throttle on the order look-up by phone and pickup code. An address gets 10 free misses, then
 * waits 1 s, 2 s, 4 s ... up to 15 minutes; a phone is locked for 30 minutes after 5 misses, and
 * again after every further miss, until a day without misses. So one phone's code can be guessed
 * at most about 50 times a day, from however many addresses: one chance in 20,000.
 */
export function myOrdersThrottleKeys(address: string, phoneHash: string | null): ThrottleKey[] {
  const day = 86_400_000;
  const keys: ThrottleKey[] = [
    {
      scope: 'my_orders.address',
      key: address,
      policy: { freeFailures: 10, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: day },
    },
  ];
  if (phoneHash) {
    keys.push({
      scope: MY_ORDERS_PHONE,
      key: phoneHash,
      policy: { freeFailures: 5, baseDelayMs: 30 * 60_000, maxDelayMs: 30 * 60_000, forgetAfterMs: day },
    });
  }
  return keys;
}

/** The customer's H5 storefront API (public: a share link needs no login). */
export const storefrontRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/storefront/campaigns/:id',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['orders'],
        summary:
          'What a leader’s share link shows: campaign, leader, pickup points, items with stock (团员下单页)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({ leader: Type.String({ minLength: 1, maxLength: 16 }) }),
        response: { 200: StorefrontView, 400: ErrorBodySchema, 404: ErrorBodySchema, 422: ErrorBodySchema },
      },
    },
    async (req) => {
      const now = deps.clock.now();
      const campaign = await getCampaignForOrdering(deps.db, req.params.id);
      // A draft is not published yet and a cancelled campaign is gone: neither exists for a customer.
      if (!campaign || campaign.state === 'draft' || campaign.state === 'cancelled') {
        throw ordersError('orders.campaign_not_found', { field: 'params.id' });
      }
      const leader = await findLeaderByCode(deps.db, req.query.leader, deps.clock.now());
      if (leader?.status !== 'active') {
        throw ordersError('orders.storefront_leader_not_found', { field: 'query.leader' });
      }
      if (!maySellIn(campaign, leader.regionPath)) {
        throw ordersError('orders.leader_may_not_sell', { field: 'query.leader' });
      }
      const row = await campaignStorefrontText(deps.db, campaign.id);
      const points = await deps.db
        .select({
          id: pickupPoints.id,
          name: pickupPoints.name,
          address: pickupPoints.address,
          openingHours: pickupPoints.openingHours,
        })
        .from(pickupPoints)
        .where(and(eq(pickupPoints.leaderId, leader.leaderId), eq(pickupPoints.status, 'active')))
        .orderBy(pickupPoints.name, pickupPoints.id);
      const skuList = await findSkus(
        deps.db,
        campaign.items.map((i) => i.skuId),
      );
      const skuById = new Map(skuList.map((s) => [s.skuId, s]));
      const productIds = [...new Set(skuList.map((s) => s.productId))];
      const imageRows = productIds.length
        ? await deps.db
            .select({ id: products.id, images: products.images })
            .from(products)
            .where(inArray(products.id, productIds))
        : [];
      const imageOf = new Map(imageRows.map((p) => [p.id, p.images[0] ?? null]));
      // What can really be bought: the cap left, but never more than the shipping warehouse has.
      const stock = await shippingStock(
        deps.db,
        campaign.items.map((i) => i.skuId),
        campaign.warehouseId,
      );
      const items = [...campaign.items]
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((i) => {
          const sku = skuById.get(i.skuId);
          return {
            itemId: i.id,
            productName: sku?.productName ?? '',
            spec: sku?.spec ?? '',
            unit: sku?.unit ?? '',
            image: sku ? (imageOf.get(sku.productId) ?? null) : null,
            priceFen: i.priceFen,
            listPriceFen: sku?.listPriceFen ?? i.priceFen,
            perCustomerLimit: i.perCustomerLimit,
            remaining: buyableNow({ cap: i.stockCap, sold: i.sold }, stock.get(i.skuId)?.available ?? 0),
          };
        });
      return {
        campaign: {
          id: campaign.id,
          name: campaign.name,
          coverUrl: row?.coverUrl ?? '',
          description: row?.description ?? '',
          startsAt: campaign.startsAt.toISOString(),
          cutoffAt: campaign.cutoffAt.toISOString(),
          deliveryDate: campaign.deliveryDate,
          state: campaign.state,
          openForOrders: isOpenForOrders(campaign, now),
          serverNow: now.toISOString(),
        },
        leader: { name: leader.name, code: leader.code },
        pickupPoints: points,
        items,
      };
    },
  );

  app.post(
    '/api/storefront/my-orders',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['orders'],
        summary: 'A customer’s own orders, by phone plus the pickup code of one of them (我的订单)',
        body: Type.Object(
          {
            phone: Type.String({ minLength: 1, maxLength: 32 }),
            pickupCode: Type.String({ minLength: 1, maxLength: 16 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: MyOrders, 400: ErrorBodySchema, 404: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (req) => {
      // A pickup code is six digits: without a limit, a phone's orders are a million guesses away.
      // Misses are counted per address and per phone (whether or not the phone is a customer's, so
      // the lock says nothing about who exists); see myOrdersThrottleKeys.
      const phone = normalizePhone(req.body.phone);
      const phoneHash = phone ? deps.crypto.hash(phone) : null;
      const keys = myOrdersThrottleKeys(req.ip, phoneHash);
      const now = deps.clock.now();
      const found = await deps.db.transaction(async (tx): Promise<{ customerId: string } | DomainError> => {
        // Look-ups of one phone take turns (a lock held to commit), so a burst of concurrent guesses
        // cannot all be checked before the first miss is counted.
        if (phoneHash) {
          await tx.execute(
            sql`SELECT pg_advisory_xact_lock(hashtextextended(${`my_orders:${phoneHash}`}, 0))`,
          );
        }
        const waitMs = await throttleWait(tx, keys, now);
        if (waitMs > 0) return throttledError(ordersError('orders.my_orders_throttled'), waitMs);
        // One answer for an unknown phone and a wrong code, so neither can be probed on its own.
        const miss = async () => {
          let wait = 0;
          for (const k of keys) wait = Math.max(wait, (await recordFailure(tx, k, now)).waitMs);
          return wait > 0
            ? throttledError(ordersError('orders.my_orders_throttled'), wait)
            : ordersError('orders.my_orders_not_found', { field: 'body.pickupCode' });
        };
        if (!phoneHash) return miss();
        const [customer] = await tx
          .select({ id: customers.id })
          .from(customers)
          .where(eq(customers.phoneHash, phoneHash));
        if (!customer) return miss();
        const [proof] = await tx
          .select({ id: orders.id })
          .from(orders)
          .where(and(eq(orders.customerId, customer.id), eq(orders.pickupCode, req.body.pickupCode.trim())))
          .limit(1);
        if (!proof) return miss();
        // The customer found their code: the misses on this phone were theirs. The address keeps its count.
        await clearThrottle(
          tx,
          keys.filter((k) => k.scope === MY_ORDERS_PHONE),
        );
        return { customerId: customer.id };
      });
      // Returned rather than thrown inside the transaction, so that the counted miss is committed.
      if (found instanceof DomainError) throw found;
      const customer = { id: found.customerId };

      const rows = await deps.db
        .select({
          order: orders,
          campaignName: campaigns.name,
          pickupPointName: pickupPoints.name,
          pickupPointAddress: pickupPoints.address,
        })
        .from(orders)
        .leftJoin(campaigns, eq(campaigns.id, orders.campaignId))
        .leftJoin(pickupPoints, eq(pickupPoints.id, orders.pickupPointId))
        .where(eq(orders.customerId, customer.id))
        .orderBy(desc(orders.placedAt), desc(orders.id))
        .limit(50);
      const ids = rows.map((r) => r.order.id);
      const lines = ids.length
        ? await deps.db.select().from(orderLines).where(inArray(orderLines.orderId, ids))
        : [];
      const skuList = await findSkus(deps.db, [...new Set(lines.map((l) => l.skuId))]);
      const skuById = new Map(skuList.map((s) => [s.skuId, s]));
      return {
        items: rows.map(({ order, campaignName, pickupPointName, pickupPointAddress }) => ({
          id: order.id,
          campaignId: order.campaignId,
          campaignName: campaignName ?? '',
          status: order.status,
          totalFen: order.totalFen,
          itemCount: order.itemCount,
          pickupCode: order.pickupCode,
          pickupPointName: pickupPointName ?? '',
          pickupPointAddress: pickupPointAddress ?? '',
          placedAt: order.placedAt.toISOString(),
          paymentDueAt: order.paymentDueAt.toISOString(),
          lines: lines
            .filter((l) => l.orderId === order.id)
            .map((l) => ({
              productName: skuById.get(l.skuId)?.productName ?? '',
              spec: skuById.get(l.skuId)?.spec ?? '',
              quantity: l.quantity,
              unitPriceFen: l.unitPriceFen,
              amountFen: l.amountFen,
            })),
        })),
      };
    },
  );
};
