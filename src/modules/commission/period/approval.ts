import { type SQL, sql } from 'drizzle-orm';
import { leaderApplications, leaders } from '../../leaders/index.js';

/**
 * When a leader was approved (审核通过), for the recruit bonus's window and the recruit rate's first
 * days: the decision time of the leader's approved application, or, for a leader an operator created
 * or imported directly, when the leader row was created. One SQL expression so that the month close,
 * the recruit check and the simulation agree on it.
 */
export function approvedAtSql(leaderId: SQL, leaderCreatedAt: SQL): SQL {
  return sql`coalesce(
    (select min(a.decided_at) from ${leaderApplications} a where a.leader_id = ${leaderId} and a.status = 'approved'),
    ${leaderCreatedAt})`;
}

/**
 * `(id, approved_at)` of many leaders at once, the same answer as `approvedAtSql`, as a join: the
 * approved applications are grouped once (a hash join) instead of looked up per leader, which is
 * what the daily recruit check over every leader needs. `only` limits it to some leaders.
 */
export function approvalsSql(only?: readonly string[]): SQL {
  const filter = only ? sql` and a.leader_id = any(${sql.param([...only])}::text[])` : sql``;
  const who = only ? sql` where l.id = any(${sql.param([...only])}::text[])` : sql``;
  return sql`(
    select l.id, l.name, coalesce(ap.decided_at, l.created_at) as approved_at
    from ${leaders} l
    left join (
      select a.leader_id, min(a.decided_at) as decided_at from ${leaderApplications} a
      where a.status = 'approved' and a.leader_id is not null${filter}
      group by a.leader_id
    ) ap on ap.leader_id = l.id${who}
  )`;
}
