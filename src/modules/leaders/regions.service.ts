import { asc } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { regions } from './leaders.tables.js';

export async function listRegions(db: Db) {
  const rows = await db.select().from(regions).orderBy(asc(regions.sortOrder), asc(regions.code));
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}
