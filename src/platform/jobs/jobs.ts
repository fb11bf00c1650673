import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { advanceCampaigns } from '../../modules/campaigns/index.js';
import { catalogImportKind } from '../../modules/catalog/index.js';
import {
  closeMissedMonths,
  freezeDue,
  runDueSettlement,
  runRecruitCheck,
  scanHotProducts,
} from '../../modules/commission/index.js';
import { leaderImportKind, runDueAssessment } from '../../modules/leaders/index.js';
import { expireUnpaidOrders } from '../../modules/orders/index.js';
import { SYSTEM_ACTOR, writeAuditCheckpoint } from '../audit/index.js';
import { purgeExpiredSessions, purgeStaleThrottles } from '../auth/index.js';
import { isConnectionError, LogThrottle } from '../db/db-health.js';
import type { Deps } from '../deps.js';
import { resumeImportJobs } from '../imports/index.js';

/**
 * Durable jobs and schedules with pg-boss, in the same PostgreSQL (schema `pgboss`). Each job kind is
 * a name, a handler and optionally a cron schedule; the handler is a plain function of `deps` so a
 * test can run it directly as well as through the queue.
 */
export interface JobKind {
  name: string;
  cron?: string;
  /**
   * Run once when a scheduling process starts, besides the schedule: the job closes every period it
   * missed while the server was down (each exactly once: its use-case skips a period already done).
   */
  catchUpOnStart?: boolean;
  run(deps: Deps): Promise<unknown>;
}

export const JOB_KINDS: JobKind[] = [
  {
    // The audit chain's head, signed, to a file outside the database and to the log: a chain cut
    // short after a checkpoint is then caught by /api/audit/verify (see docs/operations.md).
    name: 'audit-checkpoint',
    cron: '*/5 * * * *',
    run: async (deps) => ({ checkpoint: await writeAuditCheckpoint(deps) }),
  },
  {
    name: 'purge-expired-sessions',
    cron: '*/10 * * * *',
    // Old attempt-throttle rows go with them: they count nothing once their policy has forgotten them.
    run: async (deps) => ({
      deleted: await purgeExpiredSessions(deps.db, deps.clock),
      throttlesDeleted: await purgeStaleThrottles(deps.db, deps.clock.now()),
    }),
  },
  {
    // xlsx imports whose process died (a restart, a crash) are taken over: resumed from their stored
    // file without the rows already written, or marked failed with the reason.
    name: 'imports-resume',
    cron: '* * * * *',
    run: (deps) => resumeImportJobs(deps, [catalogImportKind, leaderImportKind]),
  },
  {
    // Campaigns open at their start and close at their cutoff by the clock, never by a page visit.
    name: 'campaigns-tick',
    cron: '* * * * *',
    run: (deps) => advanceCampaigns(deps),
  },
  {
    // Unpaid orders past their payment deadline are cancelled and their stock goes back on sale.
    name: 'orders-expire',
    cron: '* * * * *',
    run: (deps) => expireUnpaidOrders(deps),
  },
  {
    // Leader levels are re-assessed when their schedule is due (default: 02:00 on the 1st, for the
    // previous month; set in the console); the hourly check catches up after downtime.
    name: 'leader-levels-assess',
    cron: '0 * * * *',
    catchUpOnStart: true,
    run: (deps) => runDueAssessment(deps),
  },
  {
    // Commission entries of completed orders become final once the after-sales window (售后期) has
    // passed: daily at 01:00 (Asia/Shanghai), and again by the settlement before it settles.
    name: 'commission-freeze',
    cron: '0 1 * * *',
    catchUpOnStart: true,
    run: (deps) => freezeDue(deps, SYSTEM_ACTOR),
  },
  {
    // T+1 settlement (结算) of the previous business day at 02:00; the hourly runs after it and the run
    // at start catch up after downtime: every day missed since the last settlement, oldest first (a
    // settled day is not settled again).
    name: 'commission-settle',
    cron: '0 2-23 * * *',
    catchUpOnStart: true,
    run: (deps) => runDueSettlement(deps, SYSTEM_ACTOR),
  },
  {
    // Month close (月结): tiered commission and the regional dividend of the previous month, at 03:00
    // on the 1st (Asia/Shanghai), and at every start: each month missed while the server was down is
    // closed, once (a month with a run is not closed again; period keys keep its entries unique).
    name: 'commission-month-close',
    cron: '0 3 1 * *',
    catchUpOnStart: true,
    run: (deps) => closeMissedMonths(deps, SYSTEM_ACTOR),
  },
  {
    // Daily: recruits who reached the recruit bonus's threshold in their window, and the hot-product
    // ladders of campaigns whose orders are all final.
    // Not caught up at start: the check looks back over each recruit's whole window (plus a grace),
    // so the next daily run finds what a missed one would have, and a run writes its own record.
    name: 'commission-period-daily',
    cron: '30 3 * * *',
    run: async (deps) => ({
      recruits: await runRecruitCheck(deps, SYSTEM_ACTOR, 'schedule'),
      hotProducts: await scanHotProducts(deps, SYSTEM_ACTOR),
    }),
  },
];

export class Jobs {
  readonly boss: PgBoss;

  constructor(
    private readonly deps: Deps,
    url: string,
    private readonly log: Logger,
    private readonly kinds: JobKind[] = JOB_KINDS,
  ) {
    this.boss = new PgBoss({
      connectionString: url,
      schema: 'pgboss',
      max: 4,
      application_name: 'tuanflow-jobs',
    });
    // pg-boss reports a lost connection as an 'error' event (an uncaught exception without this
    // listener). Its workers and schedules keep polling and carry on once the database is back.
    this.boss.on('error', (err) => this.onError(err));
  }

  /** While the database is away every worker's poll fails: one line per 30 s says so, with the count. */
  private readonly outageLog = new LogThrottle(30_000);

  private onError(err: Error): void {
    if (!isConnectionError(err)) {
      this.log.error({ err }, 'pg-boss error');
      return;
    }
    const pass = this.outageLog.pass();
    if (pass)
      this.log.warn(
        { cause: err.message, suppressed: pass.suppressed },
        'jobs cannot reach the database; they resume when it is back',
      );
  }

  /** The catch-up jobs the last start sent, by kind (what a test waits for). */
  readonly catchUpJobs = new Map<string, string>();

  /**
   * Starts the workers and, unless `schedule` is false, the schedules and one catch-up job of every
   * kind that has one (a process that does not schedule leaves catching up to the one that does).
   */
  async start(opts: { schedule?: boolean } = {}): Promise<void> {
    await this.boss.start();
    for (const kind of this.kinds) {
      await this.boss.createQueue(kind.name);
      await this.boss.work(kind.name, { pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) {
          const result = await kind.run(this.deps);
          this.log.info({ job: kind.name, jobId: job.id, result }, 'job done');
        }
      });
      if (kind.cron && opts.schedule !== false)
        await this.boss.schedule(kind.name, kind.cron, {}, { tz: 'Asia/Shanghai' });
    }
    if (opts.schedule === false) return;
    this.catchUpJobs.clear();
    for (const kind of this.kinds) {
      if (!kind.catchUpOnStart) continue;
      // One queued catch-up per kind however many processes start at once; the use-cases are
      // idempotent per period, so even a second run would close nothing twice.
      const id = await this.boss.send(kind.name, { catchUp: true }, { singletonKey: 'catch-up' });
      if (id) this.catchUpJobs.set(kind.name, id);
    }
  }

  send(name: string, data: object = {}): Promise<string | null> {
    return this.boss.send(name, data);
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
