import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';

/**
 * Whether a leader may sell as far as the agreement goes (签约状态): true when no agreement has been
 * published at all, or when the leader signed the current (highest) version. One indexed query; the
 * order intake reads it through `findLeaderByCode`.
 */
export async function agreementSignedBy(db: Executor, leaderId: string): Promise<boolean> {
  const result = await db.execute<{ signed: boolean }>(sql`
    select not exists (select 1 from agreement_templates)
      or exists (
        select 1 from agreement_signatures s
        where s.leader_id = ${leaderId}
          and s.template_id = (select id from agreement_templates order by version desc limit 1)
      ) as signed`);
  return result.rows[0]?.signed === true;
}
