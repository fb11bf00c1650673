import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditChainedParts,
  prepareAuditRecords,
  recordAudit,
  SYSTEM_ACTOR,
  verifyAuditChain,
} from '../../src/platform/audit/index.js';
import { executeParts } from '../../src/platform/db/statement-parts.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

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
});
