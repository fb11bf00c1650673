import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { writeAuditCheckpoint } from '../audit/index.js';
import { purgeExpiredSessions, purgeStaleThrottles } from '../auth/index.js';
import { isConnectionError, LogThrottle } from '../db/db-health.js';
import type { Deps } from '../deps.js';
import { type ImportKind, resumeImportJobs } from '../imports/index.js';

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

/**
 * The platform's own job kinds. Each module's come from its manifest: `src/modules.ts` puts the two
 * lists together (JOB_KINDS) and passes the result to `Jobs`, so platform never imports a module.
 * `imports-resume` resumes the xlsx imports of every kind the modules declare.
 */
export function platformJobKinds(importKinds: readonly ImportKind[]): JobKind[] {
  return [
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
      run: (deps) => resumeImportJobs(deps, importKinds),
    },
  ];
}

export class Jobs {
  readonly boss: PgBoss;

  constructor(
    private readonly deps: Deps,
    url: string,
    private readonly log: Logger,
    private readonly kinds: readonly JobKind[],
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
