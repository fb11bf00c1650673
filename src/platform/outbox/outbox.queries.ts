import { and, count, desc, eq, exists, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { eventDeliveries, outboxEvents } from './outbox.tables.js';

export interface EventQuery {
  type?: string | undefined;
  status?: 'pending' | 'delivered' | 'dead' | undefined;
  page: number;
  pageSize: number;
}

/** The operator's view of the outbox: events newest first, each with its deliveries. */
export async function listEvents(db: Db, q: EventQuery) {
  const where: SQL[] = [];
  if (q.type) where.push(eq(outboxEvents.type, q.type));
  if (q.status) {
    where.push(
      exists(
        db
          .select({ one: eventDeliveries.eventId })
          .from(eventDeliveries)
          .where(and(eq(eventDeliveries.eventId, outboxEvents.id), eq(eventDeliveries.status, q.status))),
      ),
    );
  }
  const cond = where.length ? and(...where) : undefined;
  const [events, [total]] = await Promise.all([
    db
      .select()
      .from(outboxEvents)
      .where(cond)
      .orderBy(desc(outboxEvents.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(outboxEvents).where(cond),
  ]);
  const ids = events.map((e) => e.id);
  const deliveries = ids.length
    ? await db.select().from(eventDeliveries).where(inArray(eventDeliveries.eventId, ids))
    : [];
  return {
    items: events.map((e) => ({
      ...e,
      createdAt: e.createdAt.toISOString(),
      deliveries: deliveries
        .filter((d) => d.eventId === e.id)
        .map((d) => ({
          subscriber: d.subscriber,
          status: d.status,
          attempts: d.attempts,
          nextAttemptAt: d.nextAttemptAt.toISOString(),
          lastError: d.lastError,
          deliveredAt: d.deliveredAt?.toISOString() ?? null,
        })),
    })),
    total: total?.n ?? 0,
  };
}
