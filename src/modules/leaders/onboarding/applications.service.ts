import { randomInt } from 'node:crypto';
import { and, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import { throttledError, users } from '../../../platform/auth/index.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { LEADER_CODE_ALPHABET, normalizeLeaderCode } from '../leader-code.js';
import { leaders, pickupPoints, regions } from '../leaders.tables.js';
import { APPLICATION_QUOTAS, applicationQuotaWait } from './application-quota.js';
import { checkApplicationFields } from './application-rules.js';
import { type ApplicationRow, applicationAuditView, maskedPhone } from './applications.view.js';
import { chinaDate } from './id-number.js';
import { onboardingError } from './onboarding.errors.js';
import { leaderApplications } from './onboarding.tables.js';
import {
  LINK_TOKEN_PATTERN,
  newLinkToken,
  type OnboardingDeps,
  type OnboardingTxDeps,
  sha256Hex,
  uniqueViolationOf,
} from './onboarding-shared.js';

export interface ApplicationInput {
  name: string;
  phone: string;
  idNumber: string;
  regionId: string;
  pickupPoint: {
    name: string;
    address: string;
    latitude: number;
    longitude: number;
    openingHours: string;
  };
  referrerCode?: string | null | undefined;
}

export interface SubmitMeta {
  userAgent: string | null;
}

const OPEN_STATUSES = ['pending', 'approved'] as const;

/** `SQ260301-7K3M`: the day of submission in China and four characters of the share-code alphabet. */
export function newApplicationNo(at: Date, random: (max: number) => number = randomInt): string {
  const d = chinaDate(at);
  const day = `${String(d.year % 100).padStart(2, '0')}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
  let tail = '';
  for (let i = 0; i < 4; i += 1) tail += LEADER_CODE_ALPHABET[random(LEADER_CODE_ALPHABET.length)];
  return `SQ${day}-${tail}`;
}

/** The leader a referrer code names, checked for an application: it must exist and be active. */
export async function resolveReferrer(db: Executor, raw: string, field: string) {
  const code = normalizeLeaderCode(raw);
  if (!code) throw onboardingError('onboarding.referrer_not_found', { field, detail: raw.slice(0, 20) });
  const [row] = await db
    .select({ id: leaders.id, code: leaders.code, name: leaders.name, status: leaders.status })
    .from(leaders)
    .where(eq(leaders.code, code));
  if (!row) throw onboardingError('onboarding.referrer_not_found', { field, detail: code });
  if (row.status !== 'active') throw onboardingError('onboarding.referrer_inactive', { field, detail: code });
  return row;
}

/** The duplicate checks; the partial unique indexes repeat them for two submissions racing. */
async function assertNoDuplicate(db: Executor, phoneHash: string, idNumberHash: string) {
  const [leader] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.phoneHash, phoneHash));
  if (leader) throw onboardingError('onboarding.phone_is_leader', { field: 'body.phone' });
  const open = await db
    .select({ phoneHash: leaderApplications.phoneHash })
    .from(leaderApplications)
    .where(
      and(
        inArray(leaderApplications.status, [...OPEN_STATUSES]),
        or(eq(leaderApplications.phoneHash, phoneHash), eq(leaderApplications.idNumberHash, idNumberHash)),
      ),
    );
  if (open.some((r) => r.phoneHash === phoneHash))
    throw onboardingError('onboarding.phone_has_application', { field: 'body.phone' });
  if (open.length > 0)
    throw onboardingError('onboarding.id_number_has_application', { field: 'body.idNumber' });
}

/**
 * The allowance of accepted applications per phone and per client address (application-quota.ts).
 * Runs after every other check, so a refused form never counts; the counts are the application rows
 * themselves, shared by every server process. Transaction-scoped advisory locks on the phone and the
 * address make two submissions racing on one of them count one after the other.
 */
async function assertWithinQuota(tx: Tx, phoneHash: string, ip: string | null, now: Date) {
  const keys = [`phone:${phoneHash}`, ...(ip ? [`ip:${ip}`] : [])].sort();
  for (const k of keys)
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('leader_application'), hashtext(${k}))`);
  const since = (windowMs: number) => new Date(now.getTime() - windowMs);
  const byPhone = await tx
    .select({ at: leaderApplications.createdAt })
    .from(leaderApplications)
    .where(
      and(
        eq(leaderApplications.phoneHash, phoneHash),
        gt(leaderApplications.createdAt, since(APPLICATION_QUOTAS.phone.windowMs)),
      ),
    );
  const phoneWait = applicationQuotaWait(
    byPhone.map((r) => r.at),
    APPLICATION_QUOTAS.phone,
    now,
  );
  if (phoneWait > 0)
    throw throttledError(
      onboardingError('onboarding.too_many_applications', { field: 'body.phone' }),
      phoneWait,
    );
  if (!ip) return;
  const byAddress = await tx
    .select({ at: leaderApplications.createdAt })
    .from(leaderApplications)
    .where(
      and(
        eq(leaderApplications.submittedIp, ip),
        gt(leaderApplications.createdAt, since(APPLICATION_QUOTAS.address.windowMs)),
      ),
    );
  const addressWait = applicationQuotaWait(
    byAddress.map((r) => r.at),
    APPLICATION_QUOTAS.address,
    now,
  );
  if (addressWait > 0) throw throttledError(onboardingError('onboarding.too_many_applications'), addressWait);
}

function mapDuplicateViolation(err: unknown): never {
  const constraint = uniqueViolationOf(err);
  if (constraint === 'leader_applications_open_phone_idx')
    throw onboardingError('onboarding.phone_has_application', { field: 'body.phone' });
  if (constraint === 'leader_applications_open_id_number_idx')
    throw onboardingError('onboarding.id_number_has_application', { field: 'body.idNumber' });
  throw err;
}

const NUMBER_ATTEMPTS = 6;

/**
 * Files an application inside the caller's transaction: every check first, then the row, its audit
 * record and `leader_application.submitted`. Answers the row and the status token (only its hash is
 * stored). The demo seed uses this directly; the API goes through `submitApplication`.
 */
export async function submitApplicationTx(
  deps: OnboardingTxDeps,
  tx: Tx,
  actor: Actor,
  input: ApplicationInput,
  meta: SubmitMeta,
): Promise<{ row: ApplicationRow; token: string }> {
  const now = deps.clock.now();
  const checked = checkApplicationFields(input, now);
  if (!checked.ok) throw onboardingError(checked.problem.code, checked.problem);
  const { phone, idNumber, latitude, longitude } = checked.value;
  const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
  if (!region)
    throw onboardingError('onboarding.region_not_found', { field: 'body.regionId', detail: input.regionId });
  const referrerRaw = input.referrerCode?.trim() ?? '';
  const referrer = referrerRaw ? await resolveReferrer(tx, referrerRaw, 'body.referrerCode') : null;
  const phoneHash = deps.crypto.hash(phone);
  const idNumberHash = deps.crypto.hash(idNumber);
  await assertNoDuplicate(tx, phoneHash, idNumberHash);
  await assertWithinQuota(tx, phoneHash, actor.ip, now);

  const { token, hash } = newLinkToken();
  let row: ApplicationRow | undefined;
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS && !row; attempt += 1) {
    [row] = await tx
      .insert(leaderApplications)
      .values({
        id: newId('leaderApplication'),
        applicationNo: newApplicationNo(now),
        name: input.name.trim(),
        phoneEnc: deps.crypto.encrypt(phone),
        phoneHash,
        idNumberEnc: deps.crypto.encrypt(idNumber),
        idNumberHash,
        regionId: input.regionId,
        pickupPointName: input.pickupPoint.name.trim(),
        pickupPointAddress: input.pickupPoint.address.trim(),
        latitude,
        longitude,
        openingHours: input.pickupPoint.openingHours.trim(),
        referrerCode: referrer?.code ?? null,
        referrerId: referrer?.id ?? null,
        status: 'pending',
        statusTokenHash: hash,
        submittedIp: actor.ip,
        submittedUserAgent: meta.userAgent?.slice(0, 500) ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: leaderApplications.applicationNo })
      .returning();
  }
  if (!row) throw new Error('could not draw a free application number');
  await recordAudit(tx, deps.clock, actor, {
    action: 'leader_application.submit',
    entityType: 'leader_application',
    entityId: row.id,
    after: applicationAuditView(deps.crypto, row),
  });
  await deps.bus.publish(
    tx,
    {
      type: 'leader_application.submitted',
      aggregateType: 'leader_application',
      aggregateId: row.id,
      payload: { applicationNo: row.applicationNo, regionId: row.regionId, referrerId: row.referrerId },
    },
    actor.requestId,
  );
  return { row, token };
}

/**
 * Files an application from the public H5 page (团长申请). Every check runs before anything is
 * written; the answer carries the status token once, for the status link.
 */
export async function submitApplication(
  deps: OnboardingDeps,
  actor: Actor,
  input: ApplicationInput,
  meta: SubmitMeta,
) {
  // The checks that need no database run first, so a bad form never opens a transaction.
  const checked = checkApplicationFields(input, deps.clock.now());
  if (!checked.ok) throw onboardingError(checked.problem.code, checked.problem);
  try {
    const { row, token } = await deps.db.transaction((tx) =>
      submitApplicationTx(deps, tx, actor, input, meta),
    );
    return {
      id: row.id,
      applicationNo: row.applicationNo,
      status: row.status,
      statusToken: token,
      createdAt: row.createdAt.toISOString(),
    };
  } catch (err) {
    mapDuplicateViolation(err);
  }
}

/**
 * What the applicant sees through their status link. The token is the only key: no phone or number
 * to type, nothing to enumerate (256 random bits), and the database holds only its hash.
 */
export async function applicationStatusByToken(deps: Pick<OnboardingDeps, 'db' | 'crypto'>, token: string) {
  if (!LINK_TOKEN_PATTERN.test(token))
    throw onboardingError('onboarding.status_link_invalid', { field: 'body.token' });
  const [row] = await deps.db
    .select()
    .from(leaderApplications)
    .where(eq(leaderApplications.statusTokenHash, sha256Hex(token)));
  if (!row) throw onboardingError('onboarding.status_link_invalid', { field: 'body.token' });
  const [region] = await deps.db
    .select({ name: regions.name })
    .from(regions)
    .where(eq(regions.id, row.regionId));
  let leaderCode: string | null = null;
  let username: string | null = null;
  if (row.status === 'approved' && row.leaderId) {
    const [l] = await deps.db
      .select({ code: leaders.code })
      .from(leaders)
      .where(eq(leaders.id, row.leaderId));
    leaderCode = l?.code ?? null;
    if (row.userId) {
      const [u] = await deps.db
        .select({ username: users.username })
        .from(users)
        .where(eq(users.id, row.userId));
      username = u?.username ?? null;
    }
  }
  let pickupPointName = row.pickupPointName;
  if (row.pickupPointId) {
    const [p] = await deps.db
      .select({ name: pickupPoints.name })
      .from(pickupPoints)
      .where(eq(pickupPoints.id, row.pickupPointId));
    pickupPointName = p?.name ?? pickupPointName;
  }
  return {
    applicationNo: row.applicationNo,
    status: row.status,
    name: row.name,
    phoneMasked: maskedPhone(deps.crypto, row),
    regionName: region?.name ?? null,
    pickupPointName,
    submittedAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    rejectReason: row.status === 'rejected' ? row.rejectReason : null,
    leaderCode,
    username,
  };
}
