import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditKey,
  auditChainedParts,
  auditHashOf,
  chainPrepared,
  prepareAuditRecords,
  recordAudit,
  SYSTEM_ACTOR,
  verifyAuditChain,
} from '../../src/platform/audit/index.js';
import { SecretKey } from '../../src/platform/config.js';
import { executeParts } from '../../src/platform/db/statement-parts.js';
import { createTestDb, type TestDb, testAuditKey } from '../helpers/test-db.js';

/**
 * `auditChainedParts` numbers and hashes records inside the statement that writes them (the order
 * intake's one-statement batches); the hashes must be exactly those `auditHashOf` computes in Node,
 * or the chain would not verify.
 */
let tdb: TestDb;
beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(() => tdb.close());

const actor = { actorId: null, actorName: '团员 小陈', requestId: 'req_1', ip: '127.0.0.1' };

describe('audit records chained by the statement that writes them', () => {
  it('hash like records chained in Node, with text outside ASCII, between records written the usual way', async () => {
    await tdb.deps.db.transaction((tx) =>
      recordAudit(tx, tdb.deps.clock, SYSTEM_ACTOR, { action: 'test.before', entityType: 'test' }),
    );
    const records = prepareAuditRecords(
      tdb.deps.clock.now(),
      [1, 2, 3].map((n) => ({
        actor,
        entry: {
          action: 'order.place',
          entityType: 'order',
          entityId: `ord_${n}`,
          after: { note: `自提点：西湖区文三路 ${n} 号 “快” ✓`, n, nested: { a: [1, '二'] } },
        },
      })),
    );
    await tdb.deps.db.transaction((tx) => executeParts(tx, auditChainedParts(records, sql`1`)));
    await tdb.deps.db.transaction((tx) =>
      recordAudit(tx, tdb.deps.clock, SYSTEM_ACTOR, { action: 'test.after', entityType: 'test' }),
    );
    const rows = await tdb.deps.pool.query<{ seq: number; action: string; entity_id: string | null }>(
      'SELECT seq, action, entity_id FROM audit_log ORDER BY seq',
    );
    expect(rows.rows.slice(-5).map((r) => r.action)).toEqual([
      'test.before',
      'order.place',
      'order.place',
      'order.place',
      'test.after',
    ]);
    expect(await verifyAuditChain(tdb.deps.db)).toMatchObject({ ok: true, brokenAtSeq: null });
  });

  it('hash with the audit key (HMAC through sha256() and the pads), exactly as Node chains them', async () => {
    const before = await tdb.deps.pool.query<{ seq: number }>('SELECT max(seq)::int AS seq FROM audit_log');
    const from = (before.rows[0]?.seq ?? 0) + 1;
    const records = prepareAuditRecords(
      tdb.deps.clock.now(),
      [1, 2].map((n) => ({
        actor,
        entry: { action: 'order.place', entityType: 'order', after: { n, 名: '团' } },
      })),
    );
    await tdb.deps.db.transaction((tx) => executeParts(tx, auditChainedParts(records, sql`1`)));
    const rows = await tdb.deps.pool.query<{ seq: number; prev_hash: string; hash: string }>(
      'SELECT seq, prev_hash, hash FROM audit_log WHERE seq >= $1 ORDER BY seq',
      [from],
    );
    // What Node computes for the same records after the same head: identical hashes.
    const nodeChained = chainPrepared(
      { seq: from - 1, hash: rows.rows[0]?.prev_hash ?? null },
      records,
      testAuditKey,
    );
    expect(rows.rows.map((r) => r.hash)).toEqual(nodeChained.map((r) => r.hash));
    const plain = rows.rows[0] as { seq: number; prev_hash: string; hash: string };
    expect(auditHashOf(null, plain.prev_hash, records[0]?.body ?? '', plain.seq)).not.toBe(plain.hash);
    // Under another key SQL gives other hashes, which the verifier (with the real key) refuses.
    const other = new AuditKey(new SecretKey(randomBytes(32)));
    const forged = prepareAuditRecords(tdb.deps.clock.now(), [
      { actor, entry: { action: 'x', entityType: 'test' } },
    ]);
    await tdb.deps.db.transaction((tx) =>
      executeParts(tx, auditChainedParts(forged, sql`1`, 'audit', other)),
    );
    const last = await tdb.deps.pool.query<{ seq: number }>('SELECT max(seq)::int AS seq FROM audit_log');
    expect(await verifyAuditChain(tdb.deps.db)).toMatchObject({ ok: false, brokenAtSeq: last.rows[0]?.seq });
  });
});
