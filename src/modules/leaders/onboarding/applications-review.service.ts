import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, escapeLike, recordAudit } from '../../../platform/audit/index.js';
import { createUserTx, hashPassword, users } from '../../../platform/auth/index.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { maskPhone, normalizePhone } from '../../customers/index.js';
import { freeLeaderCode, freeLeaderUsername } from '../leader-login-names.js';
import { listPickupPointsOfLeader } from '../leaders.queries.js';
import { createLeaderTx } from '../leaders.service.js';
import { leaders } from '../leaders.tables.js';
import { regionNames } from '../leaders-console.queries.js';
import { mapUniqueViolation } from '../leaders-shared.js';
import { type RegionScope, regionInScope } from '../regions/region-scope.js';
import {
  type ApplicationRow,
  applicationAuditView,
  applicationDetailView,
  applicationListView,
  type ReferrerInfo,
} from './applications.view.js';
import { maskIdNumber, normalizeIdNumber } from './id-number.js';
import { generateInitialPassword } from './initial-login.js';
import { onboardingError } from './onboarding.errors.js';
import { type ApplicationStatus, leaderApplications } from './onboarding.tables.js';
import { type OnboardingDeps, type OnboardingTxDeps, sha256Hex } from './onboarding-shared.js';

export interface ApplicationListQuery {
  status?: ApplicationStatus | undefined;
  /** This region and every region below it. */
  regionId?: string | undefined;
  /** Name or application number contains, or a full phone or ID number (matched by keyed hash). */
  q?: string | undefined;
  page: number;
  pageSize: number;
  /** Only these regions (a region manager's first-review queue); null or absent for all. */
  scope?: RegionScope | undefined;
}

function regionAndBelow(regionId: string): SQL {
  return sql`${leaderApplications.regionId} in (
    with recursive down(id, depth) as (
      select id, 0 from regions where id = ${regionId}
      union all
      select r.id, down.depth + 1 from regions r join down on r.parent_id = down.id where down.depth < 32
    )
    select id from down)`;
}

async function referrersOf(
  db: Executor,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, ReferrerInfo>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: leaders.id, code: leaders.code, name: leaders.name })
    .from(leaders)
    .where(inArray(leaders.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function listApplications(deps: Pick<OnboardingDeps, 'db' | 'crypto'>, q: ApplicationListQuery) {
  const { db, crypto } = deps;
  const where: SQL[] = [];
  if (q.status) where.push(eq(leaderApplications.status, q.status));
  if (q.regionId) where.push(regionAndBelow(q.regionId));
  if (q.scope !== undefined && q.scope !== null)
    where.push(regionInScope(leaderApplications.regionId, q.scope));
  const text = q.q?.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    const phone = normalizePhone(text);
    const idNumber = normalizeIdNumber(text);
    const m = or(
      ilike(leaderApplications.name, like),
      ilike(leaderApplications.applicationNo, like),
      ...(phone ? [eq(leaderApplications.phoneHash, crypto.hash(phone))] : []),
      ...(idNumber.length === 18 ? [eq(leaderApplications.idNumberHash, crypto.hash(idNumber))] : []),
    );
    if (m) where.push(m);
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(leaderApplications)
      .where(cond)
      .orderBy(desc(leaderApplications.createdAt), desc(leaderApplications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(leaderApplications).where(cond),
  ]);
  const [names, referrers] = await Promise.all([
    regionNames(
      db,
      rows.map((r) => r.regionId),
    ),
    referrersOf(
      db,
      rows.map((r) => r.referrerId),
    ),
  ]);
  return {
    items: rows.map((r) =>
      applicationListView(crypto, r, {
        regionName: names.get(r.regionId) ?? null,
        referrer: r.referrerId ? (referrers.get(r.referrerId) ?? null) : null,
      }),
    ),
    total: total?.n ?? 0,
  };
}

async function findApplication(db: Executor, id: string): Promise<ApplicationRow> {
  const [row] = await db.select().from(leaderApplications).where(eq(leaderApplications.id, id));
  if (!row) throw onboardingError('onboarding.application_not_found', { field: 'params.id', detail: id });
  return row;
}

async function detailOf(deps: Pick<OnboardingDeps, 'crypto'>, db: Executor, row: ApplicationRow) {
  // One query after another: `db` may be a transaction, whose one connection runs one query at a time.
  const names = await regionNames(db, [row.regionId]);
  const referrers = await referrersOf(db, [row.referrerId]);
  let leaderCode: string | null = null;
  let username: string | null = null;
  if (row.leaderId) {
    const [l] = await db.select({ code: leaders.code }).from(leaders).where(eq(leaders.id, row.leaderId));
    leaderCode = l?.code ?? null;
  }
  if (row.userId) {
    const [u] = await db.select({ username: users.username }).from(users).where(eq(users.id, row.userId));
    username = u?.username ?? null;
  }
  return applicationDetailView(deps.crypto, row, {
    regionName: names.get(row.regionId) ?? null,
    referrer: row.referrerId ? (referrers.get(row.referrerId) ?? null) : null,
    leaderCode,
    username,
  });
}

export async function getApplication(deps: Pick<OnboardingDeps, 'db' | 'crypto'>, id: string) {
  return detailOf(deps, deps.db, await findApplication(deps.db, id));
}

/**
 * The full phone and ID number for a reviewer who must check them (e.g. call the applicant). The
 * read is audited in the same transaction (no record, no numbers); the record holds masks only.
 */
export async function revealApplicationPii(deps: OnboardingDeps, actor: Actor, id: string) {
  return deps.db.transaction(async (tx) => {
    const row = await findApplication(tx, id);
    const phone = deps.crypto.decrypt(row.phoneEnc);
    const idNumber = deps.crypto.decrypt(row.idNumberEnc);
    await recordAudit(tx, deps.clock, actor, {
      action: 'leader_application.pii_viewed',
      entityType: 'leader_application',
      entityId: id,
      after: { phone: maskPhone(phone), idNumber: maskIdNumber(idNumber) },
    });
    return { id, phone, idNumber };
  });
}

async function lockPending(tx: Tx, id: string): Promise<ApplicationRow> {
  const [row] = await tx.select().from(leaderApplications).where(eq(leaderApplications.id, id)).for('update');
  if (!row) throw onboardingError('onboarding.application_not_found', { field: 'params.id', detail: id });
  if (row.status !== 'pending')
    throw onboardingError('onboarding.already_decided', {
      field: 'params.id',
      detail: `already ${row.status}`,
    });
  return row;
}

/**
 * Approves an application (审核通过), all in one transaction: the login (role leader, a generated
 * initial password), the leader with their referrer and first pickup point (through createLeaderTx,
 * so the referral tree and its history are bound there), the application's outcome, the audit record
 * and `leader.approved`. The initial password is returned once, for the reviewer to hand over; only
 * its hash is stored, and the leader pages ask for a new one until it is changed.
 */
export async function approveApplication(deps: OnboardingDeps, actor: Actor, id: string) {
  const initialPassword = generateInitialPassword();
  // Hashing is slow on purpose; it happens before the transaction so no row lock waits for it.
  const passwordHash = await hashPassword(initialPassword);
  try {
    return await deps.db.transaction(async (tx) => {
      const app = await lockPending(tx, id);
      const phone = deps.crypto.decrypt(app.phoneEnc);
      const [existing] = await tx
        .select({ id: leaders.id })
        .from(leaders)
        .where(eq(leaders.phoneHash, app.phoneHash));
      if (existing)
        throw onboardingError('onboarding.phone_is_leader', {
          field: 'params.id',
          detail: 'the applicant’s phone number already belongs to a leader',
        });
      const code = await freeLeaderCode(tx);
      const user = await createUserTx(deps, tx, actor, {
        username: await freeLeaderUsername(tx, code),
        displayName: app.name,
        roles: ['leader'],
        passwordHash,
      });
      const leader = await createLeaderTx(
        deps,
        tx,
        actor,
        {
          name: app.name,
          phone,
          regionId: app.regionId,
          userId: user.id,
          referrerId: app.referrerId,
          pickupPoint: {
            name: app.pickupPointName,
            address: app.pickupPointAddress,
            latitude: app.latitude,
            longitude: app.longitude,
            openingHours: app.openingHours,
          },
        },
        { code },
      );
      const [pickupPoint] = await listPickupPointsOfLeader(tx, leader.id);
      const now = deps.clock.now();
      const [after] = await tx
        .update(leaderApplications)
        .set({
          status: 'approved',
          decidedAt: now,
          decidedBy: actor.actorId,
          decidedByName: actor.actorName,
          leaderId: leader.id,
          pickupPointId: pickupPoint?.id ?? null,
          userId: user.id,
          initialPasswordFingerprint: sha256Hex(passwordHash),
          updatedAt: now,
        })
        .where(eq(leaderApplications.id, id))
        .returning();
      if (!after) throw new Error('application vanished under its lock');
      await recordAudit(tx, deps.clock, actor, {
        action: 'leader_application.approve',
        entityType: 'leader_application',
        entityId: id,
        before: applicationAuditView(deps.crypto, app),
        after: {
          ...applicationAuditView(deps.crypto, after),
          username: user.username,
          initialPasswordIssued: true,
        },
      });
      await deps.bus.publish(
        tx,
        {
          type: 'leader.approved',
          aggregateType: 'leader',
          aggregateId: leader.id,
          payload: {
            applicationId: id,
            applicationNo: app.applicationNo,
            leaderId: leader.id,
            code: leader.code,
            userId: user.id,
            referrerId: leader.referrerId ?? null,
            regionId: leader.regionId,
            pickupPointId: pickupPoint?.id ?? null,
          },
        },
        actor.requestId,
      );
      return {
        application: await detailOf(deps, tx, after),
        leader: { id: leader.id, code: leader.code, name: leader.name },
        login: { userId: user.id, username: user.username, initialPassword },
      };
    });
  } catch (err) {
    mapUniqueViolation(err);
  }
}

/** Rejects an application (驳回) inside the caller's transaction; the reason is shown to the applicant. */
export async function rejectApplicationTx(
  deps: OnboardingTxDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  reason: string,
) {
  const why = reason.trim();
  if (!why) throw onboardingError('onboarding.reason_required', { field: 'body.reason' });
  const app = await lockPending(tx, id);
  const now = deps.clock.now();
  const [after] = await tx
    .update(leaderApplications)
    .set({
      status: 'rejected',
      rejectReason: why,
      decidedAt: now,
      decidedBy: actor.actorId,
      decidedByName: actor.actorName,
      updatedAt: now,
    })
    .where(eq(leaderApplications.id, id))
    .returning();
  if (!after) throw new Error('application vanished under its lock');
  await recordAudit(tx, deps.clock, actor, {
    action: 'leader_application.reject',
    entityType: 'leader_application',
    entityId: id,
    before: applicationAuditView(deps.crypto, app),
    after: applicationAuditView(deps.crypto, after),
  });
  await deps.bus.publish(
    tx,
    {
      type: 'leader_application.rejected',
      aggregateType: 'leader_application',
      aggregateId: id,
      payload: { applicationNo: app.applicationNo, reason: why },
    },
    actor.requestId,
  );
  return after;
}

/** Rejects an application (驳回) with the reason the applicant will read on their status page. */
export async function rejectApplication(deps: OnboardingDeps, actor: Actor, id: string, reason: string) {
  if (!reason.trim()) throw onboardingError('onboarding.reason_required', { field: 'body.reason' });
  return deps.db.transaction(async (tx) =>
    detailOf(deps, tx, await rejectApplicationTx(deps, tx, actor, id, reason)),
  );
}

/** Counts per status, for the queue's tabs. */
export async function applicationCounts(db: Executor) {
  const rows = await db
    .select({ status: leaderApplications.status, n: count() })
    .from(leaderApplications)
    .groupBy(leaderApplications.status);
  const out = { pending: 0, approved: 0, rejected: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}
