import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogDemo } from '../../src/demo/catalog.seed.js';
import { findSkus } from '../../src/modules/catalog/index.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

let tdb: TestDb;
beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(() => tdb.close());

describe('the demo catalog', () => {
  it('creates three categories and eight products whose SKU ids it returns by code', async () => {
    const { skuIds } = await tdb.deps.db.transaction((tx) => seedCatalogDemo(tdb.deps, tx));
    expect(Object.keys(skuIds)).toEqual(
      expect.arrayContaining(['GN-QC-5J', 'GN-QC-10J', 'DB-DM-5KG', 'TJD-30']),
    );
    const found = await findSkus(tdb.deps.db, Object.values(skuIds));
    expect(found).toHaveLength(Object.keys(skuIds).length);
    const orange = found.find((s) => s.skuCode === 'GN-QC-5J');
    expect(orange).toMatchObject({ productName: '赣南脐橙', spec: '5斤装', listPriceFen: 2990, unit: '箱' });
    const counts = await tdb.deps.pool.query<{ c: number; p: number }>(
      'SELECT (SELECT count(*)::int FROM catalog_categories) AS c, (SELECT count(*)::int FROM catalog_products) AS p',
    );
    expect(counts.rows[0]).toEqual({ c: 3, p: 8 });
  });
});
