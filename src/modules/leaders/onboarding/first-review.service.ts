import { and, eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { leaders } from '../leaders.tables.js';
import { regionNames } from '../leaders-console.queries.js';
import { type RegionScope, regionInScope } from '../regions/region-scope.js';
import { applicationAuditView, applicationListView } from './applications.view.js';
import { listApplications } from './applications-review.service.js';
import { onboardingError } from './onboarding.errors.js';
import {
  type ApplicationStatus,
  type FirstReviewVerdict,
  leaderApplications,
  leaderOnboardingSettings,
} from './onboarding.tables.js';
import type { OnboardingDeps } from './onboarding-shared.js';

/**
 * Region managers' first review of applications (区域经理初审). When the company turns it on, a
 * region manager sees the applications of their regions and records a recommendation (approve or
 * reject, with a note); the operator sees it beside the application and still decides. The review
 * never changes an application's status: the operator's decision stays the only final one.
 */

/** The onboarding settings (招募设置); the defaults until someone first saves them. */
export async function getOnboardingSettings(db: Executor) {
  const [row] = await db.select().from(leaderOnboardingSettings).where(eq(leaderOnboardingSettings.id, 1));
  return {
    regionFirstReview: row?.regionFirstReview ?? false,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function updateOnboardingSettings(
  deps: Pick<OnboardingDeps, 'db' | 'clock'>,
  actor: Actor,
  patch: { regionFirstReview: boolean },
) {
  return deps.db.transaction((tx) => updateOnboardingSettingsTx(deps, tx, actor, patch));
}

/** The settings change in the caller's transaction, with its audit record (the demo seed uses it). */
export async function updateOnboardingSettingsTx(
  deps: Pick<OnboardingDeps, 'clock'>,
  tx: Tx,
  actor: Actor,
  patch: { regionFirstReview: boolean },
) {
  const before = await getOnboardingSettings(tx);
  const now = deps.clock.now();
  await tx
    .insert(leaderOnboardingSettings)
    .values({ id: 1, regionFirstReview: patch.regionFirstReview, updatedAt: now, updatedBy: actor.actorId })
    .onConflictDoUpdate({
      target: leaderOnboardingSettings.id,
      set: { regionFirstReview: patch.regionFirstReview, updatedAt: now, updatedBy: actor.actorId },
    });
  await recordAudit(tx, deps.clock, actor, {
    action: 'onboarding_settings.update',
    entityType: 'onboarding_settings',
    entityId: '1',
    before: { regionFirstReview: before.regionFirstReview },
    after: { regionFirstReview: patch.regionFirstReview },
  });
  return getOnboardingSettings(tx);
}

async function assertEnabled(db: Executor): Promise<void> {
  if (!(await getOnboardingSettings(db)).regionFirstReview)
    throw onboardingError('onboarding.first_review_disabled');
}

/** The applications of the reviewer's regions (all regions for staff without a region limit). */
export async function firstReviewQueue(
  deps: Pick<OnboardingDeps, 'db' | 'crypto'>,
  scope: RegionScope,
  q: { status?: ApplicationStatus | undefined; page: number; pageSize: number },
) {
  await assertEnabled(deps.db);
  return listApplications(deps, { ...q, scope });
}

/**
 * Records a first review of a pending application in the reviewer's regions, with its audit
 * record. An application outside their regions is a 404, as if it did not exist; a decided one is a
 * 409. A later first review replaces an earlier one while the application is pending.
 */
export async function firstReviewApplication(
  deps: OnboardingDeps,
  actor: Actor,
  scope: RegionScope,
  id: string,
  input: { verdict: FirstReviewVerdict; note?: string | undefined },
) {
  return deps.db.transaction(async (tx) => {
    await assertEnabled(tx);
    const [row] = await tx
      .select()
      .from(leaderApplications)
      .where(eq(leaderApplications.id, id))
      .for('update');
    const [inScope] = row
      ? await tx
          .select({ id: leaderApplications.id })
          .from(leaderApplications)
          .where(and(eq(leaderApplications.id, id), regionInScope(leaderApplications.regionId, scope)))
      : [];
    if (!row || !inScope)
      throw onboardingError('onboarding.application_not_found', { field: 'params.id', detail: id });
    if (row.status !== 'pending')
      throw onboardingError('onboarding.first_review_not_pending', {
        field: 'params.id',
        detail: `already ${row.status}`,
      });
    const now = deps.clock.now();
    const note = input.note?.trim() || null;
    const [updated] = await tx
      .update(leaderApplications)
      .set({
        firstReviewVerdict: input.verdict,
        firstReviewNote: note,
        firstReviewedAt: now,
        firstReviewedBy: actor.actorId,
        firstReviewedByName: actor.actorName,
        updatedAt: now,
      })
      .where(eq(leaderApplications.id, id))
      .returning();
    if (!updated) throw new Error('first review update returned no row');
    await recordAudit(tx, deps.clock, actor, {
      action: 'leader_application.first_review',
      entityType: 'leader_application',
      entityId: id,
      before: applicationAuditView(deps.crypto, row),
      after: applicationAuditView(deps.crypto, updated),
    });
    const names = await regionNames(tx, [updated.regionId]);
    const [referrer] = updated.referrerId
      ? await tx
          .select({ id: leaders.id, code: leaders.code, name: leaders.name })
          .from(leaders)
          .where(eq(leaders.id, updated.referrerId))
      : [];
    return applicationListView(deps.crypto, updated, {
      regionName: names.get(updated.regionId) ?? null,
      referrer: referrer ?? null,
    });
  });
}
