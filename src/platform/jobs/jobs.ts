import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { advanceCampaigns } from '../../modules/campaigns/index.js';
import { expireUnpaidOrders } from '../../modules/orders/index.js';
import { purgeExpiredSessions } from '../auth/index.js';
import type { Deps } from '../deps.js';

/**
 * Durable jobs and schedules with pg-boss, in the same PostgreSQL (schema `pgboss`). Each job kind is
 * a name, a handler and optionally a cron schedule; the handler is a plain function of `deps` so a
 * test can run it directly as well as through the queue.
 */
export interface JobKind {
  name: string;
  cron?: string;
  run(deps: Deps): Promise<unknown>;
}

export const JOB_KINDS: JobKind[] = [
  {
    name: 'purge-expired-sessions',
    cron: '*/10 * * * *',
    run: async (deps) => ({ deleted: await purgeExpiredSessions(deps.db, deps.clock) }),
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
    this.boss.on('error', (err) => this.log.error({ err }, 'pg-boss error'));
  }

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
  }

  send(name: string, data: object = {}): Promise<string | null> {
    return this.boss.send(name, data);
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
