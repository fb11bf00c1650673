import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { canonicalJson } from '../../platform/audit/canonical-json.js';
import type { Deps } from '../../platform/deps.js';
import { DomainError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema } from '../../platform/http/schemas.js';
import {
  type CampaignForOrdering,
  getCampaignForOrdering,
  isOpenForOrders,
  liveHubFor,
  maySellIn,
  onCampaignEdited,
} from '../campaigns/index.js';
import { normalizePhone } from '../customers/index.js';
import { shippingWarehouses } from '../inventory/index.js';
import {
  findLeaderByCode,
  getPickupPoint,
  type LeaderForOrdering,
  type PickupPointForOrdering,
} from '../leaders/index.js';
import { RISK_POLICY_OFF, RiskPolicyCache } from '../risk/index.js';
import { priceOrder } from './domain/price-order.js';
import type { IntakeWriter } from './intake/intake-writer.js';
import { type IntakeStats, OrderIntake } from './intake/order-intake.js';
import { storedAnswer } from './intake/replay.js';
import { TtlCache } from './intake/ttl-cache.js';
import { orderCenterRoutes } from './order-center.routes.js';
import { orderStatsRoutes } from './order-stats.routes.js';
import { ordersError } from './orders.errors.js';
import { paymentsRoutes } from './payments/payments.routes.js';
import { storefrontRoutes } from './storefront.routes.js';

const PlaceOrderBody = Type.Object({
  campaignId: Type.String({ minLength: 1, maxLength: 64 }),
  leaderCode: Type.String({ minLength: 1, maxLength: 16 }),
  pickupPointId: Type.String({ minLength: 1, maxLength: 64 }),
  customer: Type.Object({
    phone: Type.String({ minLength: 1, maxLength: 32 }),
    name: Type.Optional(Type.String({ maxLength: 32 })),
  }),
  // Extra properties (a price a client sends, say) are allowed and never read: the server prices.
  items: Type.Array(
    Type.Object({
      itemId: Type.String({ minLength: 1, maxLength: 64 }),
      quantity: Type.Integer({ minimum: 1, maximum: 999 }),
    }),
    { minItems: 1, maxItems: 50 },
  ),
});

const OrderPlaced = Type.Object({
  order: Type.Object({
    id: Type.String(),
    status: Type.String(),
    campaignId: Type.String(),
    pickupPointId: Type.String(),
    totalFen: Type.Integer(),
    itemCount: Type.Integer(),
    pickupCode: Type.String(),
    placedAt: Type.String(),
    paymentDueAt: Type.String(),
    lines: Type.Array(
      Type.Object({
        itemId: Type.String(),
        skuId: Type.String(),
        quantity: Type.Integer(),
        unitPriceFen: Type.Integer(),
        amountFen: Type.Integer(),
      }),
    ),
  }),
});

/**
 * What a benchmark changes in the order routes (bench/ supplies it; the product's is empty): another
 * way to write the intake's batches, and a look at how the intake's batches went.
 */
export interface IntakeSetup {
  writer?: IntakeWriter;
  /** Given the intake's live counters once the intake exists. */
  onIntake?: (stats: Readonly<IntakeStats>) => void;
}

/** The order routes with a benchmark's `setup`; `ordersRoutes` is the product's. */
export function ordersRoutesWith(setup: IntakeSetup): FastifyPluginAsyncTypebox<{ deps: Deps }> {
  return async (app, { deps }) => orderRoutesOf(app, deps, setup);
}

export const ordersRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) =>
  orderRoutesOf(app, deps, {});

async function orderRoutesOf(app: Parameters<FastifyPluginAsyncTypebox>[0], deps: Deps, setup: IntakeSetup) {
  await app.register(orderCenterRoutes, { deps });
  await app.register(orderStatsRoutes, { deps });
  await app.register(storefrontRoutes, { deps });
  await app.register(paymentsRoutes, { deps });
  // The risk policy lives in memory (reloaded on change, across processes): no query per order.
  // It starts with the server; if the first load fails (an unmigrated database answers /readyz
  // 503) it keeps retrying, and until it has a policy no order is held: risk checks hold orders for
  // review, they do not guard the stock, which the batch's own checks do.
  const risk = new RiskPolicyCache(deps);
  app.addHook('onReady', async () => {
    await risk.start().catch((err: unknown) => deps.log.error({ err }, 'risk policy not loaded yet'));
  });
  const intake = new OrderIntake(deps, deps.log, {
    ...(setup.writer ? { writer: setup.writer } : {}),
    riskPolicy: () => (risk.loaded() ? risk.get() : RISK_POLICY_OFF),
    onSold: (campaignIds) => {
      const hub = liveHubFor(deps);
      for (const id of campaignIds) hub.markDirty(id);
    },
  });
  setup.onIntake?.(intake.stats);
  app.addHook('onClose', async () => {
    await intake.close();
    await risk.stop();
  });
  const now = () => deps.clock.now().getTime();
  const campaignCache = new TtlCache<CampaignForOrdering | null>(1000, now);
  const leaderCache = new TtlCache<LeaderForOrdering | null>(5000, now);
  const pickupCache = new TtlCache<PickupPointForOrdering | null>(5000, now);
  const warehouseCache = new TtlCache<string | null>(5000, now);
  // A published campaign's cap, price, items or cutoff changed in this process: the next order reads
  // it afresh (an order already priced keeps the price it was shown; see docs/campaigns.md), and a
  // raised cap is not refused from the sold-out memory.
  const stopListening = onCampaignEdited(deps, (campaignId) => {
    campaignCache.delete(campaignId);
    intake.forgetSoldOut();
  });
  app.addHook('onClose', async () => stopListening());
  // A campaign's items come from its warehouse (发货仓) when it names one (a SKU it does not stock is
  // out of stock there); otherwise each from the first active warehouse (by code) that stocks it.
  const warehouseFor = (campaign: CampaignForOrdering, skuId: string) =>
    warehouseCache.get(
      `${campaign.warehouseId ?? ''}|${skuId}`,
      async () => (await shippingWarehouses(deps.db, [skuId], campaign.warehouseId)).get(skuId) ?? null,
    );

  app.post(
    '/api/orders',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['orders'],
        summary: 'Place an order through a leader’s link (下单); needs an Idempotency-Key header',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: PlaceOrderBody,
        response: {
          201: OrderPlaced,
          400: ErrorBodySchema,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
          422: ErrorBodySchema,
          503: ErrorBodySchema,
        },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || key.length < 8 || key.length > 128) {
        throw ordersError('orders.idempotency_key_required', { field: 'headers.idempotency-key' });
      }
      const body = req.body;
      const phone = normalizePhone(body.customer.phone);
      if (!phone) throw ordersError('orders.phone_invalid', { field: 'body.customer.phone' });
      const code = body.leaderCode.trim().toUpperCase();
      const name = body.customer.name?.trim() || null;
      const requestHash = createHash('sha256')
        .update(
          canonicalJson({
            campaignId: body.campaignId,
            leaderCode: code,
            pickupPointId: body.pickupPointId,
            phone,
            name,
            items: body.items.map((i) => ({ itemId: i.itemId, quantity: i.quantity })),
          }),
        )
        .digest('hex');

      let admitted: Awaited<ReturnType<typeof admit>>;
      try {
        admitted = await admit(body, code);
      } catch (err) {
        // Every refusal before the intake claims the key reads the world as it is now (an item sold
        // out a moment ago, a campaign past its cutoff, a leader suspended since): a retry of an order
        // answered earlier gets that answer instead (a different request under the key, the
        // "different request" refusal). Only refusals pay for the look-up, never an order that passes.
        if (!(err instanceof DomainError)) throw err;
        const replay =
          (await intake.waitingAnswer(key, requestHash)) ??
          (await storedAnswer(deps.db, key, requestHash, req.id));
        if (!replay) throw err;
        return reply.status(replay.statusCode as 201).send(replay.body as never);
      }
      const { campaign, leader, point, priced, lines, itemLabels } = admitted;
      const actor = { ...actorOf(req), actorName: 'customer' };
      const answer = await intake.submit({
        key,
        requestHash,
        campaignId: campaign.id,
        leaderId: leader.leaderId,
        pickupPointId: point.id,
        phone,
        phoneHash: deps.crypto.hash(phone),
        customerName: name,
        pickupAddress: point.address,
        lines,
        totalFen: priced.totalFen,
        itemCount: priced.itemCount,
        actor,
        itemLabels,
      });
      // The answer was built (and stored for replays) by the batch: success or a refusal body.
      return reply.status(answer.statusCode as 201).send(answer.body as never);
    },
  );

  /**
   * The checks an order passes before it joins the intake's queue, each from memory or a short-lived
   * cache: the campaign is open, the leader may sell it at this pickup point, the items price, none is
   * known to be sold out, and each has a warehouse. A refusal here throws (the key is not claimed).
   */
  async function admit(body: Static<typeof PlaceOrderBody>, code: string) {
    const campaign = await campaignCache.get(body.campaignId, () =>
      getCampaignForOrdering(deps.db, body.campaignId),
    );
    if (!campaign) throw ordersError('orders.campaign_not_found', { field: 'body.campaignId' });
    if (!isOpenForOrders(campaign, deps.clock.now()))
      throw ordersError('orders.campaign_not_open', { field: 'body.campaignId' });
    const leader = await leaderCache.get(code, () => findLeaderByCode(deps.db, code, deps.clock.now()));
    if (leader?.status !== 'active')
      throw ordersError('orders.leader_not_found', { field: 'body.leaderCode' });
    // A leader sells only once they have signed the current agreement (电子签约).
    if (!leader.agreementSigned)
      throw ordersError('orders.leader_agreement_unsigned', { field: 'body.leaderCode' });
    if (!maySellIn(campaign, leader.regionPath))
      throw ordersError('orders.leader_may_not_sell', { field: 'body.leaderCode' });
    const point = await pickupCache.get(body.pickupPointId, () =>
      getPickupPoint(deps.db, body.pickupPointId),
    );
    if (!point || point.leaderId !== leader.leaderId || point.status !== 'active') {
      throw ordersError('orders.pickup_point_invalid', { field: 'body.pickupPointId' });
    }
    const priced = priceOrder(campaign.items, body.items);
    if (!priced.ok) throw ordersError(priced.code, { field: priced.field });
    // Refusals name the product (name and spec), never an item or SKU id: a customer reads them.
    const itemLabels = Object.fromEntries(
      priced.lines.map((l) => [l.itemId, campaign.items.find((i) => i.id === l.itemId)?.label ?? '']),
    );
    const named = (itemId: string) => (itemLabels[itemId] ? { detail: itemLabels[itemId] } : {});
    const soldOut = priced.lines.find((l) => intake.isSoldOut(l.itemId));
    if (soldOut) throw ordersError('orders.sold_out', { field: 'body.items', ...named(soldOut.itemId) });
    const lines = [];
    for (const [n, l] of priced.lines.entries()) {
      const warehouseId = await warehouseFor(campaign, l.skuId);
      if (!warehouseId) {
        throw ordersError('orders.out_of_stock', { field: `body.items.${n}.itemId`, ...named(l.itemId) });
      }
      lines.push({ ...l, warehouseId });
    }
    return { campaign, leader, point, priced, lines, itemLabels };
  }
}
