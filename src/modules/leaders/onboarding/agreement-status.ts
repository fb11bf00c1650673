import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { type AgreementVersionTerms, maySellUnderAgreement, pendingAgreement } from './agreement-rules.js';

export interface AgreementStanding {
  /** The agreement lets the leader sell at this moment (see agreement-rules.ts). */
  maySell: boolean;
  /** The newest version when the leader has not signed it: what the portal reminds them of. */
  pending: { version: number; effectiveAt: Date; signBy: Date } | null;
}

/**
 * A leader's standing under the published agreement versions at `now`: one indexed query over the
 * (few) versions with whether this leader signed each, then the pure rules. The order intake reads
 * it through `findLeaderByCode`, behind a short-lived cache.
 */
export async function agreementStandingOf(
  db: Executor,
  leaderId: string,
  now: Date,
): Promise<AgreementStanding> {
  const result = await db.execute<{
    version: number;
    effective_at: Date | string;
    grace_days: number;
    signed: boolean;
  }>(sql`
    select t.version, t.effective_at, t.grace_days,
      exists (select 1 from agreement_signatures s where s.template_id = t.id and s.leader_id = ${leaderId}) as signed
    from agreement_templates t`);
  const versions: AgreementVersionTerms[] = result.rows.map((r) => ({
    version: Number(r.version),
    effectiveAt: new Date(r.effective_at),
    graceDays: Number(r.grace_days),
  }));
  const signed = result.rows.filter((r) => r.signed).map((r) => Number(r.version));
  return {
    maySell: maySellUnderAgreement(versions, signed, now),
    pending: pendingAgreement(versions, signed),
  };
}

/**
 * Whether a leader may sell as far as the agreement goes (签约状态) at `now`: true when no version
 * binds yet, or the leader signed the one that does (or a later one); during a new version's grace
 * period the previous signature still counts.
 */
export async function agreementSignedBy(db: Executor, leaderId: string, now: Date): Promise<boolean> {
  return (await agreementStandingOf(db, leaderId, now)).maySell;
}
