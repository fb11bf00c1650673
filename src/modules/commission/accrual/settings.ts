import { eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import type { Executor } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import { commissionAccrualSettings } from '../entries.tables.js';

/** The after-sales window (售后期) in days, counted from pickup; 7 unless finance changed it. */
export const DEFAULT_AFTER_SALES_DAYS = 7;

export interface AccrualSettings {
  afterSalesDays: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export async function getAccrualSettings(db: Executor): Promise<AccrualSettings> {
  const [row] = await db
    .select()
    .from(commissionAccrualSettings)
    .where(eq(commissionAccrualSettings.id, 'default'));
  return {
    afterSalesDays: row?.afterSalesDays ?? DEFAULT_AFTER_SALES_DAYS,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/**
 * Changes the window, audited. Orders already final stay final; orders not final yet are judged by
 * the new window at the next freeze.
 */
export async function saveAccrualSettings(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { afterSalesDays: number },
): Promise<AccrualSettings> {
  return deps.db.transaction(async (tx) => {
    const before = await getAccrualSettings(tx);
    const now = deps.clock.now();
    await tx
      .insert(commissionAccrualSettings)
      .values({
        id: 'default',
        afterSalesDays: input.afterSalesDays,
        updatedAt: now,
        updatedBy: actor.actorName,
      })
      .onConflictDoUpdate({
        target: commissionAccrualSettings.id,
        set: { afterSalesDays: input.afterSalesDays, updatedAt: now, updatedBy: actor.actorName },
      });
    await recordAudit(tx, deps.clock, actor, {
      action: 'commission.accrual_settings.update',
      entityType: 'commission_accrual_settings',
      entityId: 'default',
      before: { afterSalesDays: before.afterSalesDays },
      after: { afterSalesDays: input.afterSalesDays },
    });
    return getAccrualSettings(tx);
  });
}
