import { eq, isNull, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Db, Executor, Tx } from '../../platform/db/database.js';
import { RISK_POLICY_OFF, type RiskPolicy } from './evaluate-risk.js';
import { riskBlocklist, riskPolicy } from './risk.tables.js';

/** The channel a policy or blocklist change is announced on (on commit) to every server process. */
export const RISK_POLICY_CHANNEL = 'tuanflow_risk_policy';

/** The `application_name` of the cache's LISTEN connection. */
export const RISK_LISTENER_NAME = 'tuanflow-risk-listener';

/** The policy and blocklist as stored now, read in one snapshot, with the version they carry. */
export async function loadRiskPolicy(db: Db): Promise<{ policy: RiskPolicy; version: number }> {
  return db.transaction(
    async (tx) => {
      const [row] = await tx.select().from(riskPolicy).where(eq(riskPolicy.id, 1));
      const blocked = await tx
        .select({ kind: riskBlocklist.kind, value: riskBlocklist.value })
        .from(riskBlocklist)
        .where(isNull(riskBlocklist.removedAt));
      if (!row) return { policy: RISK_POLICY_OFF, version: 0 };
      return {
        version: row.version,
        policy: {
          enabled: row.enabled,
          maxQuantityPerOrder: row.maxQuantityPerOrder,
          maxOrdersPerPhonePerCampaign: row.maxOrdersPerPhonePerCampaign,
          blockedPhoneHashes: new Set(blocked.filter((b) => b.kind === 'phone').map((b) => b.value)),
          blockedAddresses: blocked.filter((b) => b.kind === 'address').map((b) => b.value),
        },
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function storedVersion(db: Executor): Promise<number> {
  const [row] = await db.select({ version: riskPolicy.version }).from(riskPolicy).where(eq(riskPolicy.id, 1));
  return row?.version ?? 0;
}

/** Announces a change to every process's cache; PostgreSQL delivers it only if `tx` commits. */
export async function announceRiskPolicyChange(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${RISK_POLICY_CHANNEL}, '')`);
}

/** The started caches of this process, so a change made here reloads them before it is answered. */
const started = new Set<RiskPolicyCache>();

/**
 * Reloads every started cache of this process that reads `db`, and waits for them: the change
 * service calls it after its commit, so the next order placed through this process already sees the
 * change. Other processes learn of it through NOTIFY (or, failing that, their periodic check).
 */
export async function reloadRiskPolicyCaches(db: Db): Promise<void> {
  await Promise.all([...started].filter((c) => c.reads(db)).map((c) => c.reload()));
}

export interface RiskPolicyCacheOptions {
  /** How often the stored version is compared with the cached one: the fallback for a lost NOTIFY. */
  checkMs: number;
}

/**
 * The risk policy in memory, for the order intake: `get()` is synchronous and never touches the
 * database, so evaluating thousands of orders a second costs no query. The cache loads at `start()`,
 * reloads at once when this process changes the policy (`reloadRiskPolicyCaches`), within
 * milliseconds when another process does (LISTEN on `RISK_POLICY_CHANNEL`), and, should a
 * notification be lost (the listening connection dropped), at the next periodic check of the
 * policy's version (every `checkMs`, 5 s by default). A failed reload keeps the last good policy.
 */
export class RiskPolicyCache {
  private readonly opts: RiskPolicyCacheOptions;
  private policy: RiskPolicy | undefined;
  private version = -1;
  private listener: pg.PoolClient | undefined;
  private timer: NodeJS.Timeout | undefined;
  private loading: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly deps: { db: Db; pool: pg.Pool; log: Logger },
    opts: Partial<RiskPolicyCacheOptions> = {},
  ) {
    this.opts = { checkMs: 5_000, ...opts };
  }

  /** The policy as last loaded. Throws before `start()` has loaded it: that is a wiring mistake. */
  get(): RiskPolicy {
    if (!this.policy) throw new Error('RiskPolicyCache.get() called before start()');
    return this.policy;
  }

  /** Whether this cache reads `db` (the registry's filter: one process may hold several databases in tests). */
  reads(db: Db): boolean {
    return this.deps.db === db;
  }

  /** Loads the policy, starts listening and the periodic check. Resolves once the policy is in memory. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    // The periodic check first: should the first load fail (the database not yet migrated, say),
    // the check keeps trying (listen, then load) and the cache recovers by itself; start() still
    // rejects so that the caller knows.
    this.timer = setInterval(() => void this.check(), this.opts.checkMs);
    this.timer.unref();
    started.add(this);
    // Listen first: a change committed between the load and the LISTEN would otherwise go unheard.
    await this.listen();
    if (this.stopped) {
      await this.stop();
      return;
    }
    await this.reload();
  }

  /** Whether a policy has been loaded (`get()` would answer). */
  loaded(): boolean {
    return this.policy !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    started.delete(this);
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const listener = this.listener;
    this.listener = undefined;
    if (listener) {
      await listener.query(`UNLISTEN ${RISK_POLICY_CHANNEL}`).catch(() => {});
      // Closed rather than returned: it carries the listener's application_name.
      listener.release(true);
    }
    await this.loading?.catch(() => {});
  }

  /**
   * Reads the policy and blocklist again. Calls that arrive while a read is running make it run
   * once more afterwards, and all of them resolve after that last read: a caller that committed a
   * change before calling never gets an answer read before its commit.
   */
  reload(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = (async () => {
      try {
        do {
          this.again = false;
          const { policy, version } = await loadRiskPolicy(this.deps.db);
          this.policy = policy;
          this.version = version;
        } while (this.again);
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private async listen(): Promise<void> {
    const client = await this.deps.pool.connect();
    client.on('notification', (msg) => {
      if (msg.channel === RISK_POLICY_CHANNEL) this.reloadInBackground();
    });
    // A dropped connection is released and replaced at the next periodic check.
    client.on('error', (err) => {
      // After stop() or a failed LISTEN the client is back in the pool: not ours to release again.
      if (this.listener !== client) return;
      this.deps.log.warn(
        { err, cause: err.message },
        'risk policy listener lost; the periodic check reconnects it',
      );
      if (this.listener === client) this.listener = undefined;
      client.release(err);
    });
    try {
      // Named apart from the pool's other connections, so that pg_stat_activity shows which it is.
      await client.query(`SET application_name = '${RISK_LISTENER_NAME}'`);
      await client.query(`LISTEN ${RISK_POLICY_CHANNEL}`);
    } catch (err) {
      client.release(err instanceof Error ? err : true);
      throw err;
    }
    this.listener = client;
  }

  private reloadInBackground(): void {
    if (this.stopped) return;
    this.reload().catch((err: unknown) => this.deps.log.error({ err }, 'risk policy reload failed'));
  }

  /** The periodic fallback: re-listen if the listener was lost, and reload if the version moved. */
  private async check(): Promise<void> {
    if (this.stopped) return;
    try {
      if (!this.listener) {
        await this.listen();
        if (this.stopped) {
          await this.stop();
          return;
        }
      }
      if ((await storedVersion(this.deps.db)) !== this.version) await this.reload();
    } catch (err) {
      this.deps.log.warn({ err }, 'risk policy check failed; keeping the last loaded policy');
    }
  }
}
