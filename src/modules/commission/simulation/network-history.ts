import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { leaderLevelHistory, leaderReferrerPeriods } from '../../leaders/index.js';
import type { ChainLink } from '../domain/compute-line.js';
import { approvalsSql } from '../period/approval.js';

/**
 * The referral tree, the level ladder and approvals as they were at any moment, loaded set-based for
 * many leaders at once and answered in memory: the simulation asks for thousands of chains "as of
 * this payment", which one query per line could never serve in seconds. The history tables are the
 * leaders module's (`leader_referrer_periods`, `leader_level_history`, `leader_applications`); their
 * rows are never rewritten, so what was loaded stays true.
 */

interface Period {
  referrerId: string | null;
  from: number;
  /** Exclusive; Infinity for the open period. */
  to: number;
}

interface LevelChange {
  at: number;
  fromLevelId: string | null;
  toLevelId: string;
}

const CHUNK = 5_000;

function chunks<T>(xs: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export class NetworkHistory {
  private readonly periods = new Map<string, Period[]>();
  private readonly levels = new Map<string, LevelChange[]>();
  private readonly approvals = new Map<string, string>();

  constructor(private readonly db: Executor) {}

  /**
   * Loads the referrer periods of `leaderIds` and of every leader above them up to `depth` steps
   * (any period, so that chains as of any moment resolve), then their level history and approval
   * times. Leaders loaded before are not read again.
   */
  async load(leaderIds: Iterable<string>, depth: number): Promise<void> {
    let frontier = [...new Set(leaderIds)];
    const fresh: string[] = [];
    for (let step = 0; step <= depth && frontier.length > 0; step++) {
      const missing = frontier.filter((id) => !this.periods.has(id));
      for (const part of chunks(missing)) {
        for (const id of part) this.periods.set(id, []);
        fresh.push(...part);
        const r = await this.db.execute<{
          leader_id: string;
          referrer_id: string | null;
          valid_from: Date | string;
          valid_to: Date | string | null;
        }>(sql`
          select leader_id, referrer_id, valid_from, valid_to from ${leaderReferrerPeriods}
          where leader_id = any(${sql.param(part)}::text[]) order by leader_id, valid_from`);
        for (const row of r.rows) {
          this.periods.get(row.leader_id)?.push({
            referrerId: row.referrer_id,
            from: new Date(row.valid_from).getTime(),
            to: row.valid_to === null ? Number.POSITIVE_INFINITY : new Date(row.valid_to).getTime(),
          });
        }
      }
      // Walk up from every leader of this step, loaded now or before: a leader first met near the
      // top of one chain may sit at the bottom of another.
      const next = new Set<string>();
      for (const id of frontier) {
        for (const p of this.periods.get(id) ?? []) if (p.referrerId) next.add(p.referrerId);
      }
      frontier = [...next];
    }
    for (const part of chunks(fresh)) {
      const [hist, appr] = await Promise.all([
        this.db.execute<{
          leader_id: string;
          at: Date | string;
          from_level_id: string | null;
          to_level_id: string;
        }>(sql`
          select leader_id, at, from_level_id, to_level_id from ${leaderLevelHistory}
          where leader_id = any(${sql.param(part)}::text[]) order by leader_id, at, id`),
        this.db.execute<{ id: string; approved_at: Date | string }>(
          sql`select id, approved_at from ${approvalsSql(part)} x`,
        ),
      ]);
      for (const row of hist.rows) {
        const list = this.levels.get(row.leader_id) ?? [];
        this.levels.set(row.leader_id, list);
        list.push({
          at: new Date(row.at).getTime(),
          fromLevelId: row.from_level_id,
          toLevelId: row.to_level_id,
        });
      }
      for (const row of appr.rows) this.approvals.set(row.id, new Date(row.approved_at).toISOString());
    }
  }

  /** The referrer of `leaderId` at `at`, from the periods loaded; null for none (or not loaded). */
  referrerAt(leaderId: string, at: number): string | null {
    const list = this.periods.get(leaderId);
    if (!list) return null;
    for (const p of list) if (p.from <= at && at < p.to) return p.referrerId;
    return null;
  }

  /**
   * The level at `at`, as `levelsAt` in the leaders module answers it: the last change at or before
   * the moment, else the level the first recorded change started from.
   */
  levelAt(leaderId: string, at: number): string | null {
    const list = this.levels.get(leaderId);
    if (!list || list.length === 0) return null;
    let found: string | null = null;
    for (const c of list) {
      if (c.at <= at) found = c.toLevelId;
      else break;
    }
    if (found !== null) return found;
    const first = list[0] as LevelChange;
    return first.fromLevelId ?? first.toLevelId;
  }

  /** When the leader was approved: the approved application's decision, else when the leader was created. */
  approvedAt(leaderId: string): string | null {
    return this.approvals.get(leaderId) ?? null;
  }

  /** The referrer the leader had when approved (who recruited them), for the recruit bonus. */
  referrerAtApproval(leaderId: string): string | null {
    const approved = this.approvedAt(leaderId);
    const list = this.periods.get(leaderId);
    if (!approved || !list || list.length === 0) return null;
    const at = Date.parse(approved);
    const covering = list.find((p) => p.from <= at && at < p.to);
    // An application approved a moment before the leader row's first period opened: the first one.
    return (covering ?? (list[0] as Period)).referrerId;
  }

  /** L0 … L`depth` as of `at`, each with their level then; a loop in the history stops the walk. */
  chainAt(leaderId: string, at: Date, depth: number): ChainLink[] {
    const t = at.getTime();
    const chain: ChainLink[] = [
      { leaderId, levelId: this.levelAt(leaderId, t), depth: 0, approvedAt: this.approvedAt(leaderId) },
    ];
    const seen = new Set([leaderId]);
    let current = leaderId;
    for (let d = 1; d <= depth; d++) {
      const up = this.referrerAt(current, t);
      if (!up || seen.has(up)) break;
      seen.add(up);
      chain.push({ leaderId: up, levelId: this.levelAt(up, t), depth: d });
      current = up;
    }
    return chain;
  }
}
