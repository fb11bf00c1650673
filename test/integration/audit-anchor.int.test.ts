import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_KINDS } from '../../src/modules.js';
import {
  type AuditContent,
  AuditKey,
  auditHash,
  checkpointFilePath,
  GENESIS_HASH,
  recordAudit,
  SYSTEM_ACTOR,
} from '../../src/platform/audit/index.js';
import { SecretKey } from '../../src/platform/config.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { testAuditKey } from '../helpers/test-db.js';

/**
 * The chain is keyed (HMAC-SHA256 under the audit key, which the database never holds) and its head
 * is anchored outside the table by signed checkpoints, so that neither a chain rewritten after an edit
 * nor one cut short passes `/api/audit/verify`. Tampering goes through the server's superuser
 * connection with triggers bypassed, as an attacker holding it would.
 */
type Verify = {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
  headSeq: number | null;
  keyedFromSeq: number;
  truncation: { reason: string; checkpointSeq: number; checkpointAt: string; headSeq: number | null } | null;
  lastCheckpoint: { seq: number; at: string } | null;
  badCheckpoints: number;
  otherKeyCheckpoints: number;
};

interface Row extends AuditContent {
  prevHash: string;
  hash: string;
}

let t: TestApp;
let admin: Session;

async function verify(app: TestApp = t, s: Session = admin): Promise<Verify> {
  const res = await app.app.inject({ method: 'GET', url: '/api/audit/verify', headers: s.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Verify>();
}

/** Runs `fn` on the database as the superuser with every trigger off (`session_replication_role`). */
async function asSuperuser<T>(app: TestApp, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: app.tdb.adminUrl ?? app.tdb.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    await client.end();
  }
}

async function rows(app: TestApp): Promise<Row[]> {
  const r = await app.tdb.deps.pool.query<{
    seq: number;
    id: string;
    at: Date;
    actor_id: string | null;
    actor_name: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    before: unknown;
    after: unknown;
    request_id: string | null;
    ip: string | null;
    prev_hash: string;
    hash: string;
  }>('SELECT * FROM audit_log ORDER BY seq');
  return r.rows.map((x) => ({
    seq: x.seq,
    id: x.id,
    at: x.at,
    actorId: x.actor_id,
    actorName: x.actor_name,
    action: x.action,
    entityType: x.entity_type,
    entityId: x.entity_id,
    before: x.before,
    after: x.after,
    requestId: x.request_id,
    ip: x.ip,
    prevHash: x.prev_hash,
    hash: x.hash,
  }));
}

async function write(app: TestApp, n: number, tag: string): Promise<void> {
  for (let i = 0; i < n; i++)
    await app.tdb.deps.db.transaction((tx) =>
      recordAudit(tx, app.tdb.deps.clock, SYSTEM_ACTOR, {
        action: 'test.write',
        entityType: 'test',
        entityId: `${tag}_${i}`,
        after: { tag, i, note: '自提点 ✓' },
      }),
    );
}

/** A fresh app and database with `n` records, an admin session and nothing checkpointed yet. */
async function freshApp(n: number): Promise<{ app: TestApp; s: Session }> {
  const app = await createTestApp();
  const s = await sessionFor(app, ['admin']);
  await write(app, n, 'fresh');
  return { app, s };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await sessionFor(t, ['admin']);
  await write(t, 5, 'base');
});
afterAll(() => t.close());

describe('the keyed chain', () => {
  it('verifies, keyed from the first record on a database made after the switch-over', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, brokenAtSeq: null, keyedFromSeq: 1, truncation: null });
    const all = await rows(t);
    expect(result.checked).toBe(all.length);
    // Each hash is the HMAC under the test key, not the plain SHA-256 of earlier versions.
    const first = all[0] as Row;
    expect(first.hash).toBe(auditHash(testAuditKey, GENESIS_HASH, first));
    expect(first.hash).not.toBe(auditHash(null, GENESIS_HASH, first));
  });

  it.each<[string, AuditKey | null]>([
    ['plain SHA-256', null],
    ['a wrong key', new AuditKey(new SecretKey(randomBytes(32)))],
  ])('reports the edited record when every later hash was recomputed with %s', async (_how, forger) => {
    const { app, s } = await freshApp(6);
    try {
      const before = await rows(app);
      const target = (before[2] as Row).seq;
      await asSuperuser(app, async (c) => {
        let prev = (before[1] as Row).hash;
        for (const r of before.slice(2)) {
          const content = r.seq === target ? { ...r, after: { forged: true } } : r;
          const hash = auditHash(forger, prev, content);
          await c.query('UPDATE audit_log SET after = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [
            JSON.stringify(content.after),
            prev,
            hash,
            r.seq,
          ]);
          prev = hash;
        }
      });
      expect(await verify(app, s)).toMatchObject({ ok: false, brokenAtSeq: target, checked: target - 1 });
    } finally {
      await app.close();
    }
  });
});

describe('checkpoints outside the database', () => {
  it('are written after a verify that holds, signed, to the data directory and not again while idle', async () => {
    const file = checkpointFilePath(t.tdb.deps.config.dataDir);
    const result = await verify();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const last = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(last).toMatchObject({ seq: result.headSeq, keyedFromSeq: 1, keyId: testAuditKey.id });
    expect(last.sig).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await verify()).lastCheckpoint).toEqual({ seq: result.headSeq, at: last.at });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(lines.length);
  });

  it('are written by the audit-checkpoint job when the head moved', async () => {
    const job = JOB_KINDS.find((k) => k.name === 'audit-checkpoint');
    expect(job?.cron).toBe('*/5 * * * *');
    await write(t, 1, 'job');
    const head = (await rows(t)).at(-1) as Row;
    expect(await job?.run(t.tdb.deps)).toMatchObject({ checkpoint: { seq: head.seq, hash: head.hash } });
    expect(await job?.run(t.tdb.deps)).toEqual({ checkpoint: null });
  });

  it('reveal a chain whose last record was deleted behind the triggers’ back', async () => {
    const { app, s } = await freshApp(4);
    try {
      const ok = await verify(app, s);
      expect(ok).toMatchObject({ ok: true, truncation: null });
      const head = ok.headSeq ?? 0;
      await asSuperuser(app, (c) => c.query('DELETE FROM audit_log WHERE seq = $1', [head]));
      // The shorter chain is intact by itself: only the checkpoint shows what is missing.
      expect(await verify(app, s)).toMatchObject({
        ok: false,
        brokenAtSeq: null,
        headSeq: head - 1,
        truncation: { reason: 'head_behind', checkpointSeq: head, headSeq: head - 1 },
      });
    } finally {
      await app.close();
    }
  });

  it('reveal a legacy part rewritten entirely, and a switch-over moved to pass keyed records off as old', async () => {
    const { app, s } = await freshApp(0);
    try {
      // An upgraded database: three records hashed the old way, the switch-over recorded after them.
      await asSuperuser(app, async (c) => {
        await c.query('DELETE FROM audit_log');
        let prev = GENESIS_HASH;
        for (let seq = 1; seq <= 3; seq++) {
          const content: AuditContent = {
            seq,
            id: `aud_legacy_${seq}`,
            at: new Date('2026-01-01T00:00:00Z'),
            actorId: null,
            actorName: 'system',
            action: 'legacy.write',
            entityType: 'test',
            entityId: null,
            before: null,
            after: { seq },
            requestId: null,
            ip: null,
          };
          const hash = auditHash(null, prev, content);
          await c.query(
            `INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, before, after,
                                    request_id, ip, prev_hash, hash)
             VALUES ($1, $2, $3, NULL, 'system', 'legacy.write', 'test', NULL, NULL, $4, NULL, NULL, $5, $6)`,
            [seq, content.id, content.at, JSON.stringify(content.after), prev, hash],
          );
          prev = hash;
        }
        await c.query('DELETE FROM audit_chain_keying');
        await c.query('INSERT INTO audit_chain_keying (keyed_from_seq, at) VALUES (4, now())');
      });
      await write(app, 3, 'keyed');
      const ok = await verify(app, s);
      expect(ok).toMatchObject({ ok: true, keyedFromSeq: 4, headSeq: 6 });

      // Raising the switch-over to pass records 4-6, rewritten with plain SHA-256, off as old ones:
      // the checkpoints remember the switch-over at 4.
      await asSuperuser(app, async (c) => {
        const all = await rows(app);
        let prev = (all[2] as Row).hash;
        for (const r of all.slice(3)) {
          const content = r.seq === 5 ? { ...r, after: { forged: true } } : r;
          const hash = auditHash(null, prev, content);
          await c.query('UPDATE audit_log SET after = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [
            JSON.stringify(content.after),
            prev,
            hash,
            r.seq,
          ]);
          prev = hash;
        }
        await c.query('UPDATE audit_chain_keying SET keyed_from_seq = 100');
      });
      expect(await verify(app, s)).toMatchObject({
        ok: false,
        keyedFromSeq: 4,
        brokenAtSeq: 4,
        truncation: { reason: 'hash_differs', checkpointSeq: 6 },
      });
    } finally {
      await app.close();
    }
  });

  it('report a checkpoint file that was edited', async () => {
    const { app, s } = await freshApp(2);
    try {
      await verify(app, s);
      const file = checkpointFilePath(app.tdb.deps.config.dataDir);
      const line = JSON.parse(readFileSync(file, 'utf8').trim()) as Record<string, unknown>;
      appendFileSync(file, `${JSON.stringify({ ...line, seq: 1 })}\n`);
      expect(await verify(app, s)).toMatchObject({ ok: false, badCheckpoints: 1, brokenAtSeq: null });
      writeFileSync(file, `${JSON.stringify(line)}\n`);
      expect(await verify(app, s)).toMatchObject({ ok: true, badCheckpoints: 0 });
    } finally {
      await app.close();
    }
  });
});
