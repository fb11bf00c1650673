import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { escapeLike } from '../../platform/audit/index.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { Executor } from '../../platform/db/database.js';
import { forEachKeysetPage } from '../../platform/db/keyset.js';
import { normalizePhone } from '../customers/index.js';
import { leadersError } from './leaders.errors.js';
import {
  type LeaderStatus,
  leaders,
  type PickupPointStatus,
  pickupPoints,
  regions,
} from './leaders.tables.js';
import { type LeaderRow, leaderView, pickupPointView } from './leaders.view.js';
import { type RegionScope, regionInScope } from './regions/region-scope.js';

/** Region names by id, for showing rows; one query for a page of rows. */
export async function regionNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(inArray(regions.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The region and every region below it: filtering by 杭州市 shows the leaders of 西湖区 too. */
function regionAndBelow(regionId: string): SQL {
  return sql`${leaders.regionId} in (
    with recursive down(id, depth) as (
      select id, 0 from regions where id = ${regionId}
      union all
      select r.id, down.depth + 1 from regions r join down on r.parent_id = down.id where down.depth < 32
    )
    select id from down)`;
}

/** The leaders list's filters (the list and the export). */
export interface LeaderFilter {
  regionId?: string | undefined;
  status?: LeaderStatus | undefined;
  /** Name or code contains, or a full phone number (matched through its keyed hash). */
  q?: string | undefined;
  /** Direct recruits of this leader (直推). */
  referrerId?: string | undefined;
  /** Leaders currently at this level (团长等级). */
  levelId?: string | undefined;
  /** A region manager's regions (null or absent: every leader). */
  regionScope?: RegionScope | undefined;
}

export interface LeaderListQuery extends LeaderFilter {
  page: number;
  pageSize: number;
}

/** The filter as one condition (undefined: every leader). */
function leaderCondition(crypto: FieldCrypto, q: LeaderFilter): SQL | undefined {
  const where: SQL[] = [];
  if (q.regionId) where.push(regionAndBelow(q.regionId));
  if (q.status) where.push(eq(leaders.status, q.status));
  if (q.referrerId) where.push(eq(leaders.referrerId, q.referrerId));
  if (q.levelId) where.push(eq(leaders.levelId, q.levelId));
  if (q.regionScope) where.push(regionInScope(leaders.regionId, q.regionScope));
  const text = q.q?.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    const phone = normalizePhone(text);
    const m = or(
      ilike(leaders.name, like),
      ilike(leaders.code, like),
      ...(phone ? [eq(leaders.phoneHash, crypto.hash(phone))] : []),
    );
    if (m) where.push(m);
  }
  return where.length ? and(...where) : undefined;
}

/** Leaders with their pickup point counts and referrer, newest first. */
function selectLeaders(db: Executor, cond: SQL | undefined) {
  const counts = db
    .select({
      leaderId: pickupPoints.leaderId,
      all: sql<number>`count(*)::int`.as('pp_all'),
      active: sql<number>`(count(*) filter (where ${pickupPoints.status} = 'active'))::int`.as('pp_active'),
    })
    .from(pickupPoints)
    .groupBy(pickupPoints.leaderId)
    .as('pp_counts');
  const referrer = alias(leaders, 'referrer');
  return db
    .select({
      leader: leaders,
      // The exact timestamp (microseconds), for the export's keyset: a JS Date keeps milliseconds.
      createdAtExact: sql<string>`${leaders.createdAt}::text`,
      all: counts.all,
      active: counts.active,
      referrerCode: referrer.code,
      referrerName: referrer.name,
    })
    .from(leaders)
    .leftJoin(counts, eq(counts.leaderId, leaders.id))
    .leftJoin(referrer, eq(referrer.id, leaders.referrerId))
    .where(cond)
    .orderBy(desc(leaders.createdAt), desc(leaders.id))
    .$dynamic();
}

type SelectedLeader = Awaited<ReturnType<typeof selectLeaders>>[number];

/** A page of leaders as the list shows them (one query for their region names). */
async function leaderItems(db: Executor, crypto: FieldCrypto, rows: readonly SelectedLeader[]) {
  const names = await regionNames(
    db,
    rows.map((r) => r.leader.regionId),
  );
  return rows.map((r) => ({
    ...leaderView(crypto, r.leader, names.get(r.leader.regionId) ?? null),
    pickupPointCount: r.all ?? 0,
    activePickupPointCount: r.active ?? 0,
    referrerCode: r.referrerCode,
    referrerName: r.referrerName,
  }));
}

export type LeaderListItem = Awaited<ReturnType<typeof leaderItems>>[number];

export async function listLeaders(db: Executor, crypto: FieldCrypto, q: LeaderListQuery) {
  const cond = leaderCondition(crypto, q);
  const [rows, [total]] = await Promise.all([
    selectLeaders(db, cond)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(leaders).where(cond),
  ]);
  return { items: await leaderItems(db, crypto, rows), total: total?.n ?? 0 };
}

/**
 * Every leader the filter matches, in the list's order, `pageSize` at a time, each page after the
 * last row of the one before (created_at, id): the export of 100,000 leaders holds one page in
 * memory. Run the returned function in a repeatable-read transaction for one consistent snapshot.
 */
export function leaderPages(
  crypto: FieldCrypto,
  q: LeaderFilter,
  pageSize: number,
): (db: Executor, onPage: (items: LeaderListItem[]) => Promise<void>) => Promise<void> {
  const cond = leaderCondition(crypto, q);
  return (db, onPage) =>
    forEachKeysetPage(
      pageSize,
      (after) =>
        selectLeaders(
          db,
          and(
            cond,
            after
              ? sql`(${leaders.createdAt}, ${leaders.id}) < (${after.at}::timestamptz, ${after.id})`
              : undefined,
          ),
        ).limit(pageSize),
      (r) => ({ at: r.createdAtExact, id: r.leader.id }),
      async (rows) => onPage(await leaderItems(db, crypto, rows)),
    );
}

export async function findLeaderRow(db: Executor, id: string): Promise<LeaderRow | undefined> {
  const [row] = await db.select().from(leaders).where(eq(leaders.id, id));
  return row;
}

/** A leader with all their pickup points, as the console's edit form shows them. */
export async function leaderDetailOf(db: Executor, crypto: FieldCrypto, row: LeaderRow) {
  const points = await db
    .select()
    .from(pickupPoints)
    .where(eq(pickupPoints.leaderId, row.id))
    .orderBy(asc(pickupPoints.status), asc(pickupPoints.createdAt), asc(pickupPoints.id));
  const names = await regionNames(db, [row.regionId, ...points.map((p) => p.regionId)]);
  return {
    ...leaderView(crypto, row, names.get(row.regionId) ?? null),
    pickupPoints: points.map((p) => pickupPointView(p, names.get(p.regionId) ?? null)),
  };
}

export async function getLeaderDetail(
  db: Executor,
  crypto: FieldCrypto,
  id: string,
  scope: RegionScope = null,
) {
  const row = await findLeaderRow(db, id);
  // Outside a region manager's regions a leader does not exist for them: the same 404 as a wrong id.
  if (!row || (scope && !scope.has(row.regionId)))
    throw leadersError('leaders.not_found', { field: 'params.id', detail: id });
  return leaderDetailOf(db, crypto, row);
}

export interface PickupPointListQuery {
  leaderId?: string | undefined;
  status?: PickupPointStatus | undefined;
  q?: string | undefined;
  /** A region manager's regions, by the leader's region (null or absent: every pickup point). */
  regionScope?: RegionScope | undefined;
  page: number;
  pageSize: number;
}

/** Pickup points across leaders with their leader's code and name: for pickers and name look-ups. */
export async function listPickupPoints(db: Executor, q: PickupPointListQuery) {
  const where: SQL[] = [];
  if (q.leaderId) where.push(eq(pickupPoints.leaderId, q.leaderId));
  if (q.status) where.push(eq(pickupPoints.status, q.status));
  if (q.regionScope) where.push(regionInScope(leaders.regionId, q.regionScope));
  const text = q.q?.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    const m = or(
      ilike(pickupPoints.name, like),
      ilike(pickupPoints.address, like),
      ilike(leaders.name, like),
      ilike(leaders.code, like),
    );
    if (m) where.push(m);
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ point: pickupPoints, leaderCode: leaders.code, leaderName: leaders.name })
      .from(pickupPoints)
      .innerJoin(leaders, eq(leaders.id, pickupPoints.leaderId))
      .where(cond)
      .orderBy(asc(leaders.code), asc(pickupPoints.name), asc(pickupPoints.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(pickupPoints)
      .innerJoin(leaders, eq(leaders.id, pickupPoints.leaderId))
      .where(cond),
  ]);
  const names = await regionNames(
    db,
    rows.map((r) => r.point.regionId),
  );
  return {
    items: rows.map((r) => ({
      ...pickupPointView(r.point, names.get(r.point.regionId) ?? null),
      leaderCode: r.leaderCode,
      leaderName: r.leaderName,
    })),
    total: total?.n ?? 0,
  };
}
