import { asc } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHash, auditLog, GENESIS_HASH } from '../../src/platform/audit/index.js';
import { createTestApp, makeUser, type Session, type TestApp } from '../helpers/test-app.js';
import { testAuditKey } from '../helpers/test-db.js';
import { countRows, type Res, requestIdOf } from './support.js';

interface AuditRecord {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
}
type AuditPage = { items: AuditRecord[]; total: number };
type Verify = { ok: boolean; checked: number; brokenAtSeq: number | null };

let t: TestApp;
let admin: Session;
/** Request ids of every successful write this file makes through the API, per app (database). */
const writesOf = new Map<TestApp, string[]>();
const writes = (app: TestApp): string[] => writesOf.get(app) ?? writesOf.set(app, []).get(app) ?? [];

async function send(app: TestApp, opts: InjectOptions): Promise<Res> {
  const res = await app.app.inject(opts);
  if (opts.method !== 'GET' && res.statusCode < 300) writes(app).push(requestIdOf(res));
  return res;
}

/** Logs in through `send`, so the login's own request id is tracked too. */
async function login(app: TestApp, username: string, password: string): Promise<Session> {
  const res = await send(app, { method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode).toBe(200);
  const cookie = `tf_session=${res.cookies.find((c) => c.name === 'tf_session')?.value}`;
  const body = res.json<{ csrfToken: string; user: Session['user'] }>();
  return {
    cookie,
    csrf: body.csrfToken,
    user: body.user,
    headers: { cookie, 'x-csrf-token': body.csrfToken },
  };
}

function createUser(app: TestApp, s: Session, username: string, headers: Record<string, string> = {}) {
  return send(app, {
    method: 'POST',
    url: '/api/users',
    headers: { ...s.headers, ...headers },
    payload: { username, displayName: `Audit ${username}`, password: 'long-enough-1', roles: ['operator'] },
  });
}

async function audit(query: string): Promise<AuditPage> {
  const res = await t.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: admin.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AuditPage>();
}

/**
 * Recomputes the hash chain from each record's content fields, independently of the verifier, and
 * returns the first seq whose link or hash is wrong (null when intact).
 */
async function firstBrokenSeq(app: TestApp): Promise<number | null> {
  const rows = await app.tdb.deps.db.select().from(auditLog).orderBy(asc(auditLog.seq));
  let prev = GENESIS_HASH;
  for (const { prevHash, hash, ...content } of rows) {
    if (prevHash !== prev || auditHash(testAuditKey, prev, content) !== hash) return content.seq;
    prev = hash;
  }
  return null;
}

async function verify(app: TestApp, s: Session): Promise<Verify> {
  const res = await app.app.inject({ method: 'GET', url: '/api/audit/verify', headers: s.headers });
  expect(res.statusCode).toBe(200);
  return res.json<Verify>();
}

beforeAll(async () => {
  t = await createTestApp();
  const u = await makeUser(t.tdb, ['admin']);
  admin = await login(t, u.username, u.password);
});
afterAll(() => t.close());

describe('what a mutation records', () => {
  it('records actor, action, entity, after, request id and client IP of a user creation', async () => {
    const res = await createUser(t, admin, 'audited_1', {
      'x-request-id': 'test-req-0001',
      'x-forwarded-for': '203.0.113.7',
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-request-id']).toBe('test-req-0001');
    const created = res.json<{ id: string }>();
    const { items } = await audit(`entityId=${created.id}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      actorId: admin.user.id,
      actorName: admin.user.username,
      action: 'user.create',
      entityType: 'user',
      entityId: created.id,
      before: null,
      after: { id: created.id, username: 'audited_1', roles: ['operator'], status: 'active' },
      requestId: 'test-req-0001',
      ip: '203.0.113.7',
      at: t.tdb.deps.clock.now().toISOString(),
    });
    expect(JSON.stringify(items[0])).not.toMatch(/scrypt|password/i);
  });

  it('records before and after of an update, and the login itself with its request id', async () => {
    const res = await createUser(t, admin, 'audited_2');
    const id = res.json<{ id: string }>().id;
    const patch = await send(t, {
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: admin.headers,
      payload: { displayName: 'Renamed' },
    });
    const [record] = (await audit(`entityId=${id}&action=user.update`)).items;
    expect(record?.before).toMatchObject({ displayName: 'Audit audited_2' });
    expect(record?.after).toMatchObject({ displayName: 'Renamed' });
    expect(record?.requestId).toBe(requestIdOf(patch));
    const logins = await audit(`action=auth.login&actor=${admin.user.id}`);
    expect(logins.items.map((r) => r.entityType)).toEqual(['session']);
    expect(logins.items[0]?.requestId).toBe(writes(t)[0]);
  });
});

describe('reading the audit log', () => {
  it('filters by actor, action, entity type and time, and pages newest first', async () => {
    const clock = t.tdb.deps.clock;
    clock.advance(3_600_000);
    const windowStart = clock.now().toISOString();
    for (const name of ['window_a', 'window_b', 'window_c']) {
      expect((await createUser(t, admin, name)).statusCode).toBe(201);
      clock.advance(60_000);
    }
    const windowEnd = clock.now().toISOString();
    clock.advance(3_600_000);
    await createUser(t, admin, 'after_window');

    const inWindow = await audit(`from=${windowStart}&to=${windowEnd}`);
    expect(inWindow.items.map((r) => r.after?.username)).toEqual(['window_c', 'window_b', 'window_a']);
    expect((await audit(`from=${windowEnd}`)).items.map((r) => r.after?.username)).toEqual(['after_window']);

    const all = await audit('pageSize=200');
    const byAction = await audit('action=user.create&pageSize=200');
    expect(byAction.total).toBe(all.items.filter((r) => r.action === 'user.create').length);
    expect(byAction.items.every((r) => r.action === 'user.create')).toBe(true);
    const sessionsOnly = await audit('entityType=session&pageSize=200');
    expect(sessionsOnly.total).toBeGreaterThan(0);
    expect(sessionsOnly.items.every((r) => r.entityType === 'session')).toBe(true);
    const byName = await audit(`actor=${admin.user.username}&pageSize=200`);
    const byId = await audit(`actor=${admin.user.id}&pageSize=200`);
    expect(byName.items.map((r) => r.seq)).toEqual(byId.items.map((r) => r.seq));
    expect(byId.items.every((r) => r.actorId === admin.user.id)).toBe(true);
    expect((await audit('actor=nobody_at_all')).total).toBe(0);

    const pages = [await audit('page=1&pageSize=3'), await audit('page=2&pageSize=3')];
    const seqs = pages.flatMap((p) => p.items.map((r) => r.seq));
    expect(seqs).toEqual(all.items.slice(0, 6).map((r) => r.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(pages[0]?.total).toBe(all.total);
  });

  it('verifies an intact chain', async () => {
    const result = await verify(t, admin);
    expect(result).toMatchObject({
      ok: true,
      checked: await countRows(t.tdb, 'audit_log'),
      brokenAtSeq: null,
    });
    expect(result.checked).toBeGreaterThan(5);
  });
});

describe('append-only and hash-chained', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself: to the app by privilege, to the owner by trigger', async () => {
    const pool = t.tdb.deps.pool;
    const owner = new pg.Pool({ connectionString: t.tdb.adminUrl, max: 1 });
    const before = await pool.query('SELECT seq, hash, after FROM audit_log ORDER BY seq');
    try {
      for (const sql of [
        `UPDATE audit_log SET after = '{"x":1}' WHERE seq = 1`,
        'DELETE FROM audit_log WHERE seq = 1',
        'TRUNCATE audit_log',
      ]) {
        await expect(pool.query(sql), sql).rejects.toMatchObject({
          code: '42501',
          message: expect.stringMatching(/permission denied/),
        });
        await expect(owner.query(sql), sql).rejects.toMatchObject({
          code: '42501',
          message: expect.stringMatching(/append-only/),
        });
      }
    } finally {
      await owner.end();
    }
    expect((await pool.query('SELECT seq, hash, after FROM audit_log ORDER BY seq')).rows).toEqual(
      before.rows,
    );
  });

  it('keeps one unbroken chain with consecutive seq under 20 concurrent writers', async () => {
    const before = await countRows(t.tdb, 'audit_log');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createUser(t, admin, `parallel_${i}`)),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const seqs = (await t.tdb.deps.pool.query<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq'))
      .rows;
    expect(seqs.length).toBe(before + 20);
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(await firstBrokenSeq(t)).toBeNull();
    expect(await verify(t, admin)).toMatchObject({ ok: true, checked: before + 20, brokenAtSeq: null });
  });

  it('reports the record a superuser changed behind the trigger’s back', async () => {
    const other = await createTestApp();
    try {
      const u = await makeUser(other.tdb, ['admin']);
      const s = await login(other, u.username, u.password);
      for (let i = 0; i < 4; i++) expect((await createUser(other, s, `tamper_${i}`)).statusCode).toBe(201);
      const target = await other.tdb.deps.pool.query<{ seq: number }>(
        "SELECT seq FROM audit_log WHERE after->>'username' = 'tamper_1'",
      );
      const seq = target.rows[0]?.seq ?? 0;
      expect(seq).toBeGreaterThan(1);
      expect(await verify(other, s)).toMatchObject({ ok: true, brokenAtSeq: null });
      // The app's own role can neither disable the trigger nor update the table; the superuser can.
      const client = new pg.Client({ connectionString: other.tdb.adminUrl });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
        await client.query(
          `UPDATE audit_log SET after = jsonb_set(after, '{roles}', '["admin"]') WHERE seq = $1`,
          [seq],
        );
        await client.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
        await client.query('COMMIT');
      } finally {
        await client.end();
      }
      expect(await firstBrokenSeq(other)).toBe(seq);
      expect(await verify(other, s)).toMatchObject({ ok: false, checked: seq - 1, brokenAtSeq: seq });
      // The trigger is back on: the same change is refused again.
      await expect(other.tdb.deps.pool.query('DELETE FROM audit_log')).rejects.toMatchObject({
        code: '42501',
      });
    } finally {
      await other.close();
    }
  });
});

describe('coverage of this file’s own requests', () => {
  it('has an audit record carrying the request id of every successful write made above', async () => {
    const ids = writes(t);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    const found = await t.tdb.deps.pool.query<{ request_id: string }>(
      'SELECT DISTINCT request_id FROM audit_log WHERE request_id = ANY($1)',
      [ids],
    );
    const recorded = new Set(found.rows.map((r) => r.request_id));
    expect(ids.filter((id) => !recorded.has(id))).toEqual([]);
  });
});
