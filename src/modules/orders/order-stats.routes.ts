import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, count, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import { dayBounds, localDate } from '../../platform/business-time.js';
import type { Executor } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { standardErrors } from '../../platform/http/schemas.js';
import { leaderInScope, type RegionScope, regionScopeOf } from '../leaders/index.js';
import { orders } from './orders.tables.js';

/** The business day that contains `at`, as [start, end). */
export function businessDay(at: Date): { day: string; start: Date; end: Date } {
  const day = localDate(at);
  const { from, to } = dayBounds(day);
  return { day, start: from, end: to };
}

/** Today's order counters for the order center, optionally for one campaign. */
export async function orderStats(
  db: Executor,
  now: Date,
  campaignId: string | undefined,
  scope: RegionScope = null,
) {
  const { day, start, end } = businessDay(now);
  const where: SQL[] = [gte(orders.placedAt, start), lt(orders.placedAt, end)];
  if (campaignId) where.push(eq(orders.campaignId, campaignId));
  // A region manager's counters cover their regions' leaders only.
  if (scope) where.push(leaderInScope(orders.leaderId, scope));
  const byStatus = (s: string) => sql<number>`count(*) filter (where ${orders.status} = ${s})::int`;
  const [row] = await db
    .select({
      orders: count(),
      gmvFen: sql<string>`coalesce(sum(${orders.totalFen}) filter (where ${orders.status} <> 'cancelled'), 0)`,
      pendingPayment: byStatus('pending_payment'),
      paid: byStatus('paid'),
      confirmed: byStatus('confirmed'),
      cancelled: byStatus('cancelled'),
    })
    .from(orders)
    .where(and(...where));
  return {
    day,
    orders: row?.orders ?? 0,
    gmvFen: Number(row?.gmvFen ?? 0),
    pendingPayment: row?.pendingPayment ?? 0,
    paid: row?.paid ?? 0,
    confirmed: row?.confirmed ?? 0,
    cancelled: row?.cancelled ?? 0,
  };
}

export const orderStatsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/orders/stats',
    {
      config: { access: { permission: PERMISSIONS.ordersRead } },
      schema: {
        tags: ['orders'],
        summary: 'Today’s order counters (今日订单统计), for one campaign or all',
        description:
          'Orders placed today (Asia/Shanghai day), by their current status. gmvFen sums the totals of orders not cancelled.',
        querystring: Type.Object({ campaignId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) }),
        response: {
          200: Type.Object({
            day: Type.String({ format: 'date' }),
            orders: Type.Integer(),
            gmvFen: Type.Integer(),
            pendingPayment: Type.Integer(),
            paid: Type.Integer(),
            confirmed: Type.Integer(),
            cancelled: Type.Integer(),
          }),
          ...standardErrors,
        },
      },
    },
    async (req) =>
      orderStats(
        deps.db,
        deps.clock.now(),
        req.query.campaignId,
        await regionScopeOf(deps.db, req.auth?.user),
      ),
  );
};
