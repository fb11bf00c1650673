import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { findLeaderByCode } from '../../src/modules/leaders/index.js';
import { checkSignaturePng } from '../../src/modules/leaders/onboarding/signature-png.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

let tdb: TestDb;

beforeAll(async () => {
  tdb = await createTestDb();
  expect(await seedDemo(tdb.deps)).toBe(true);
});
afterAll(() => tdb.close());

describe('the onboarding demo data', () => {
  it('publishes agreement v2 and has every demo leader sign it, so every one of them can sell', async () => {
    const { rows: versions } = await tdb.deps.pool.query<{ version: number }>(
      'SELECT version FROM agreement_templates ORDER BY version',
    );
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const { rows: leaders } = await tdb.deps.pool.query<{ code: string }>('SELECT code FROM leaders');
    expect(leaders.length).toBeGreaterThanOrEqual(3);
    for (const l of leaders)
      expect(
        (await findLeaderByCode(tdb.deps.db, l.code, tdb.deps.clock.now()))?.agreementSigned,
        l.code,
      ).toBe(true);
    // The stored signatures are real PNGs with ink, as the signing route would require.
    const { rows: sigs } = await tdb.deps.pool.query<{ signature_png: Buffer }>(
      'SELECT signature_png FROM agreement_signatures LIMIT 3',
    );
    for (const s of sigs)
      expect(checkSignaturePng(`data:image/png;base64,${s.signature_png.toString('base64')}`).ok).toBe(true);
  });

  it('has applications to review: three pending (one with a referrer) and one rejected with a reason', async () => {
    const { rows } = await tdb.deps.pool.query<{
      status: string;
      referrer_id: string | null;
      reject_reason: string | null;
    }>('SELECT status, referrer_id, reject_reason FROM leader_applications ORDER BY created_at, id');
    expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'pending', 'pending', 'rejected']);
    expect(rows.filter((r) => r.status === 'pending' && r.referrer_id !== null)).toHaveLength(1);
    expect(rows.find((r) => r.status === 'rejected')?.reject_reason).toBeTruthy();
  });

  it('has four training materials, three of them required, and some completions', async () => {
    const { rows } = await tdb.deps.pool.query<{ n: number; required: number }>(
      'SELECT count(*)::int AS n, (count(*) FILTER (WHERE required))::int AS required FROM training_materials',
    );
    expect(rows[0]).toEqual({ n: 4, required: 3 });
    const done = await tdb.deps.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM training_completions',
    );
    expect(done.rows[0]?.n).toBeGreaterThan(4);
  });

  it('turns region managers’ first review on, so the demo region manager sees 杭州’s pending applications', async () => {
    const { rows } = await tdb.deps.pool.query<{ on: boolean }>(
      'SELECT region_first_review AS on FROM leader_onboarding_settings WHERE id = 1',
    );
    expect(rows).toEqual([{ on: true }]);
  });
});
