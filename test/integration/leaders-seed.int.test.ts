import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { findCustomerByPhone } from '../../src/modules/customers/index.js';
import { findLeaderByCode, listPickupPointsOfLeader } from '../../src/modules/leaders/index.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

let tdb: TestDb;

beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(() => tdb.close());

describe('the demo seed', () => {
  it('creates three leaders with pickup points, the first linked to the demo leader login, and ten customers', async () => {
    expect(await seedDemo(tdb.deps)).toBe(true);
    const { rows: leaders } = await tdb.deps.pool.query<{
      code: string;
      user_id: string | null;
      name: string;
    }>(
      // The three leaders of leaders.seed.ts; other seeds (the referral network) add their recruits.
      'SELECT code, user_id, name FROM leaders WHERE phone_hash = ANY($1) ORDER BY created_at, id',
      [['19900000101', '19900000102', '19900000103'].map((p) => tdb.deps.crypto.hash(p))],
    );
    expect(leaders).toHaveLength(3);
    const { rows: users } = await tdb.deps.pool.query<{ id: string }>(
      `SELECT id FROM users WHERE username = 'leader'`,
    );
    expect(leaders.filter((l) => l.user_id !== null).map((l) => l.user_id)).toEqual([users[0]?.id]);

    const regionsOf = new Map<string, string[]>();
    for (const l of leaders) {
      const found = await findLeaderByCode(tdb.deps.db, l.code, tdb.deps.clock.now());
      expect(found?.status).toBe('active');
      const names = await tdb.deps.pool.query<{ name: string }>(
        'SELECT name FROM regions WHERE id = ANY($1) ORDER BY array_position($1, id)',
        [found?.regionPath ?? []],
      );
      regionsOf.set(
        l.name,
        names.rows.map((r) => r.name),
      );
      // 陈静 hosts a second pickup point (leader-network.seed.ts); every leader hosts at least one.
      expect(
        (await listPickupPointsOfLeader(tdb.deps.db, found?.leaderId ?? '')).length,
      ).toBeGreaterThanOrEqual(1);
    }
    expect([...regionsOf.values()]).toEqual([
      ['西湖区', '杭州市', '浙江省'],
      ['余杭区', '杭州市', '浙江省'],
      ['浦东新区', '上海市'],
    ]);

    const { rows: count } = await tdb.deps.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM customers',
    );
    expect(count[0]?.n).toBe(10);
    const zhang = await findCustomerByPhone(tdb.deps, tdb.deps.db, '199 0001 0001');
    expect(zhang).toMatchObject({ name: '张阿姨', phoneMasked: '199****0001' });
    expect(zhang?.defaultPickupPointId).toMatch(/^pp_/);
    // The seed never stores a number in clear either.
    const raw = await tdb.deps.pool.query(
      'SELECT * FROM customers UNION ALL SELECT NULL, phone_enc, phone_hash, name, NULL, created_at, updated_at FROM leaders',
    );
    expect(JSON.stringify(raw.rows)).not.toMatch(/1990001\d{4}|1990000\d{4}/);
  });
});
