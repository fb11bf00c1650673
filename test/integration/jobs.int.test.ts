import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JOB_KINDS } from '../../src/modules.js';
import { hashToken, sessions } from '../../src/platform/auth/index.js';
import { newId } from '../../src/platform/ids.js';
import { Jobs } from '../../src/platform/jobs/jobs.js';
import { makeUser } from '../helpers/test-app.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let tdb: TestDb;
let userId: string;
beforeAll(async () => {
  tdb = await createTestDb();
  userId = (await makeUser(tdb, ['operator'])).id;
});
afterAll(() => tdb.close());

/** Inserts a session whose times are offsets (ms) from the manual clock's now. */
async function session(offsets: { expires: number; idle: number; revoked?: number }): Promise<string> {
  const now = tdb.deps.clock.now().getTime();
  const id = newId('session');
  await tdb.deps.db.insert(sessions).values({
    id,
    tokenHash: hashToken(randomBytes(16).toString('hex')),
    userId,
    csrfToken: 'csrf',
    createdAt: new Date(now - 8 * DAY),
    lastSeenAt: new Date(now - 8 * DAY),
    expiresAt: new Date(now + offsets.expires),
    idleExpiresAt: new Date(now + offsets.idle),
    revokedAt: offsets.revoked === undefined ? null : new Date(now + offsets.revoked),
  });
  return id;
}

async function sessionIds(): Promise<string[]> {
  const r = await tdb.deps.pool.query<{ id: string }>('SELECT id FROM sessions ORDER BY id');
  return r.rows.map((x) => x.id);
}

const purge = () => {
  const kind = JOB_KINDS.find((k) => k.name === 'purge-expired-sessions');
  if (!kind) throw new Error('purge-expired-sessions is not a job kind');
  return kind;
};

describe('purge-expired-sessions', () => {
  it('deletes sessions dead for more than a day and keeps live and recently ended ones', async () => {
    await tdb.deps.pool.query('DELETE FROM sessions');
    const live = await session({ expires: 6 * DAY, idle: 2 * HOUR });
    const expiredLongAgo = await session({ expires: -2 * DAY, idle: -2 * DAY });
    const idleLongAgo = await session({ expires: 3 * DAY, idle: -25 * HOUR });
    const revokedLongAgo = await session({ expires: 3 * DAY, idle: HOUR, revoked: -25 * HOUR });
    const expiredRecently = await session({ expires: -2 * HOUR, idle: -2 * HOUR });
    const revokedRecently = await session({ expires: 3 * DAY, idle: HOUR, revoked: -HOUR });
    expect(purge().cron).toBeDefined();

    expect(await purge().run(tdb.deps)).toEqual({ deleted: 3, throttlesDeleted: 0 });
    expect(await sessionIds()).toEqual([live, expiredRecently, revokedRecently].sort());
    for (const dead of [expiredLongAgo, idleLongAgo, revokedLongAgo])
      expect(await sessionIds()).not.toContain(dead);

    // A day later the recently ended ones have aged out too; the live one has gone idle since, but
    // less than a day ago, so it stays.
    tdb.deps.clock.advance(DAY);
    expect(await purge().run(tdb.deps)).toEqual({ deleted: 2, throttlesDeleted: 0 });
    expect(await sessionIds()).toEqual([live]);
    expect(await purge().run(tdb.deps)).toEqual({ deleted: 0, throttlesDeleted: 0 });
  });
});

describe('purging attempt throttles', () => {
  it('deletes throttle rows two days after their last failure, unless someone still waits on them', async () => {
    const now = tdb.deps.clock.now().getTime();
    await tdb.deps.pool.query(
      `INSERT INTO attempt_throttles (scope, key, failures, last_failure_at, blocked_until) VALUES
         ('test.purge', 'recent', 3, $1, NULL),
         ('test.purge', 'old', 9, $2, $3),
         ('test.purge', 'old-but-waiting', 9, $2, $4)`,
      [new Date(now - HOUR), new Date(now - 3 * DAY), new Date(now - 3 * DAY + HOUR), new Date(now + HOUR)],
    );
    expect(await purge().run(tdb.deps)).toMatchObject({ throttlesDeleted: 1 });
    const { rows } = await tdb.deps.pool.query<{ key: string }>(
      "SELECT key FROM attempt_throttles WHERE scope = 'test.purge' ORDER BY key",
    );
    expect(rows.map((r) => r.key)).toEqual(['old-but-waiting', 'recent']);
  });
});

describe('through pg-boss', () => {
  it('runs a sent purge job to completion on the test database', async () => {
    await tdb.deps.pool.query('DELETE FROM sessions');
    const keep = await session({ expires: DAY, idle: HOUR });
    const gone = await session({ expires: -3 * DAY, idle: -3 * DAY });
    const jobs = new Jobs(tdb.deps, tdb.url, tdb.deps.log, JOB_KINDS);
    await jobs.start({ schedule: false });
    try {
      expect(await jobs.boss.getSchedules()).toEqual([]);
      const id = await jobs.send('purge-expired-sessions');
      if (!id) throw new Error('pg-boss did not accept the job');
      await vi.waitFor(
        async () => {
          const job = await jobs.boss.getJobById('purge-expired-sessions', id);
          expect(job?.state).toBe('completed');
        },
        { timeout: 15_000, interval: 100 },
      );
      expect(await sessionIds()).toEqual([keep]);
      expect(await sessionIds()).not.toContain(gone);
    } finally {
      await jobs.stop();
    }
  });
});
