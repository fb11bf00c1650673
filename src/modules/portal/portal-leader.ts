import { asc, eq } from 'drizzle-orm';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { Executor } from '../../platform/db/database.js';
import { maskPhone } from '../customers/index.js';
import {
  agreementStandingOf,
  leaders,
  passwordChangeRequired,
  pickupPoints,
  regions,
} from '../leaders/index.js';
import { portalError } from './portal.errors.js';
import { AGREEMENT_PAGE_PATH, invitePath } from './portal-links.js';

export type PortalLeader = typeof leaders.$inferSelect;

/**
 * The leader the logged-in user is (`leaders.user_id`). Every portal query starts here and reads
 * only this leader's rows, so a leader's portal can never show another leader's data: there is no
 * leader id in any portal URL to change. A login with no leader (an operator, a new account not yet
 * linked) gets a clear 404 rather than an empty portal.
 */
export async function leaderOfUser(db: Executor, userId: string): Promise<PortalLeader> {
  const [row] = await db.select().from(leaders).where(eq(leaders.userId, userId));
  if (!row) throw portalError('portal.not_a_leader');
  return row;
}

/**
 * The leader, once they have replaced the initial password an approved application gave them (the
 * reviewer saw it): until then only "me" answers, so the portal can ask for a new password first.
 */
export async function activeLeaderOfUser(db: Executor, userId: string): Promise<PortalLeader> {
  const leader = await leaderOfUser(db, userId);
  if (await passwordChangeRequired(db, userId)) throw portalError('portal.password_change_required');
  return leader;
}

function maskedPhone(crypto: FieldCrypto, phoneEnc: string): string {
  try {
    return maskPhone(crypto.decrypt(phoneEnc));
  } catch {
    return '***********';
  }
}

/**
 * "我的": the leader's own profile, pickup points, share code and invite link, and what they must do
 * first: change the initial password, sign the current agreement (orders through a leader the
 * agreement does not let sell are refused), and a reminder of a new version to sign by its date.
 */
export async function portalMe(db: Executor, crypto: FieldCrypto, leader: PortalLeader, now: Date) {
  const [points, [region], mustChangePassword, agreement] = await Promise.all([
    db
      .select()
      .from(pickupPoints)
      .where(eq(pickupPoints.leaderId, leader.id))
      .orderBy(asc(pickupPoints.status), asc(pickupPoints.name), asc(pickupPoints.id)),
    db.select({ name: regions.name }).from(regions).where(eq(regions.id, leader.regionId)),
    leader.userId ? passwordChangeRequired(db, leader.userId) : Promise.resolve(false),
    agreementStandingOf(db, leader.id, now),
  ]);
  return {
    id: leader.id,
    code: leader.code,
    name: leader.name,
    phoneMasked: maskedPhone(crypto, leader.phoneEnc),
    regionId: leader.regionId,
    regionName: region?.name ?? '',
    status: leader.status,
    invitePath: invitePath(leader.code),
    passwordChangeRequired: mustChangePassword,
    agreementSigned: agreement.maySell,
    agreementNotice: agreement.pending && {
      version: agreement.pending.version,
      effectiveAt: agreement.pending.effectiveAt.toISOString(),
      signBy: agreement.pending.signBy.toISOString(),
    },
    agreementPath: AGREEMENT_PAGE_PATH,
    createdAt: leader.createdAt.toISOString(),
    pickupPoints: points.map((p) => ({
      id: p.id,
      name: p.name,
      address: p.address,
      openingHours: p.openingHours,
      status: p.status,
      latitude: p.latitude,
      longitude: p.longitude,
    })),
  };
}
