import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/platform/audit/index.js';
import { listEvents } from '../../src/platform/outbox/index.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { createProduct, expectNoCatalogWrite, newProduct, type ProductBody } from './catalog-support.js';
import { call, expectError } from './support.js';

let t: TestApp;
let operator: Session;
let warehouse: Session;
let fruitId: string;

beforeAll(async () => {
  t = await createTestApp();
  operator = await sessionFor(t, ['operator']);
  warehouse = await sessionFor(t, ['warehouse']);
  const res = await call(t, operator, 'POST', '/api/catalog/categories', { code: 'FRUIT', name: '生鲜水果' });
  expect(res.statusCode, res.body).toBe(201);
  fruitId = res.json<{ id: string }>().id;
});
afterAll(() => t.close());

describe('categories', () => {
  it('lists what was created and refuses a taken code with 409 naming body.code', async () => {
    const list = await call(t, warehouse, 'GET', '/api/catalog/categories');
    expect(list.json<{ items: { code: string; name: string }[] }>().items).toEqual([
      expect.objectContaining({ code: 'FRUIT', name: '生鲜水果' }),
    ]);
    const res = await expectNoCatalogWrite(t, () =>
      call(t, operator, 'POST', '/api/catalog/categories', { code: 'FRUIT', name: '水果' }),
    );
    expectError(res, 409, 'catalog.category_code_taken', 'body.code');
  });
});

describe('creating products', () => {
  it('creates the product and its SKUs in one go, audited, with a product.created event', async () => {
    const p = await createProduct(
      t,
      operator,
      newProduct('GN-QC', { categoryId: fruitId, name: '赣南脐橙' }),
    );
    expect(p).toMatchObject({
      code: 'GN-QC',
      name: '赣南脐橙',
      categoryId: fruitId,
      categoryName: '生鲜水果',
      status: 'draft',
      unit: '箱',
    });
    expect(p.skus.map((s) => [s.code, s.spec, s.listPriceFen, s.costPriceFen, s.barcode])).toEqual([
      ['GN-QC-5', '5斤装', 2990, 1850, '6901234567890'],
      ['GN-QC-10', '10斤装', 4990, 3300, null],
    ]);
    const audit = await listAudit(t.tdb.deps.db, { entityId: p.id, page: 1, pageSize: 10 });
    expect(audit.items.map((a) => a.action)).toEqual(['product.create']);
    expect(audit.items[0]?.actorName).toBe(operator.user.username);
    expect((audit.items[0]?.after as ProductBody | undefined)?.skus).toHaveLength(2);
    const events = await listEvents(t.tdb.deps.db, { type: 'product.created', page: 1, pageSize: 10 });
    expect(events.items.map((e) => e.aggregateId)).toContain(p.id);
  });

  it.each([
    [
      'a duplicate product code',
      newProduct('GN-QC', { skus: [{ code: 'NEW-1', spec: '1', listPriceFen: 1, costPriceFen: 1 }] }),
      409,
      'catalog.product_code_taken',
      'body.code',
    ],
    [
      'an SKU code another product has',
      newProduct('P-2', { skus: [{ code: 'GN-QC-5', spec: '1', listPriceFen: 1, costPriceFen: 1 }] }),
      409,
      'catalog.sku_code_taken',
      'body.skus.0.code',
    ],
    [
      'the same SKU code twice',
      newProduct('P-3', {
        skus: [
          { code: 'X-1', spec: '1', listPriceFen: 1, costPriceFen: 1 },
          { code: 'X-1', spec: '2', listPriceFen: 1, costPriceFen: 1 },
        ],
      }),
      409,
      'catalog.sku_code_taken',
      'body.skus.1.code',
    ],
    [
      'a negative list price',
      newProduct('P-4', { skus: [{ code: 'N-1', spec: '1', listPriceFen: -1, costPriceFen: 1 }] }),
      400,
      'request.invalid',
      'body.skus.0.listPriceFen',
    ],
    [
      'a fractional cost price',
      newProduct('P-5', { skus: [{ code: 'N-2', spec: '1', listPriceFen: 1, costPriceFen: 1.5 }] }),
      400,
      'request.invalid',
      'body.skus.0.costPriceFen',
    ],
    [
      'an unknown category',
      newProduct('P-6', { categoryId: 'cat_00000000000000000000000000' }),
      400,
      'catalog.category_not_found',
      'body.categoryId',
    ],
    ['zero SKUs', newProduct('P-7', { skus: [] }), 400, 'request.invalid', 'body.skus'],
    ['a code with spaces', newProduct('P 8'), 400, 'request.invalid', 'body.code'],
    [
      'an image that is not a URL',
      newProduct('P-9', { images: ['not a url'] }),
      400,
      'request.invalid',
      'body.images.0',
    ],
    ['no unit', { ...newProduct('P-10'), unit: undefined }, 400, 'request.invalid', 'body.unit'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, body, status, code, field) => {
    const res = await expectNoCatalogWrite(t, () => call(t, operator, 'POST', '/api/catalog/products', body));
    expectError(res, status, code, field);
  });
});

describe('reading products', () => {
  it('searches by name, product code, SKU code and barcode, filters and pages', async () => {
    await createProduct(
      t,
      operator,
      newProduct('DB-RICE', {
        name: '东北大米',
        skus: [
          {
            code: 'DB-RICE-5KG',
            spec: '5kg',
            barcode: '6909999000011',
            listPriceFen: 3990,
            costPriceFen: 2600,
          },
        ],
      }),
    );
    const codes = async (query: string) => {
      const res = await call(t, warehouse, 'GET', `/api/catalog/products?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: ProductBody[] }>().items.map((p) => p.code);
    };
    expect(await codes(`q=${encodeURIComponent('大米')}`)).toEqual(['DB-RICE']);
    expect(await codes('q=gn-qc')).toEqual(['GN-QC']);
    expect(await codes('q=RICE-5KG')).toEqual(['DB-RICE']);
    expect(await codes('q=6909999000011')).toEqual(['DB-RICE']);
    expect(await codes('q=690999900001')).toEqual([]);
    expect(await codes(`categoryId=${fruitId}`)).toEqual(['GN-QC']);
    expect(await codes('status=on_sale')).toEqual([]);
    expect(await codes('q=100%25')).toEqual([]);
    const page = await call(t, warehouse, 'GET', '/api/catalog/products?page=2&pageSize=1');
    expect(page.json<{ total: number; items: unknown[] }>()).toMatchObject({ total: 2 });
    expect(page.json<{ items: unknown[] }>().items).toHaveLength(1);
    expectError(
      await call(t, warehouse, 'GET', '/api/catalog/products?status=sold'),
      400,
      'request.invalid',
      'query.status',
    );
    expectError(
      await call(t, warehouse, 'GET', '/api/catalog/products/prd_missing'),
      404,
      'catalog.product_not_found',
      'params.id',
    );
  });
});

describe('updating products', () => {
  it('changes fields, changes one SKU and adds another, audited before/after', async () => {
    const p = await createProduct(t, operator, newProduct('TJD', { name: '土鸡蛋' }));
    const first = p.skus[0];
    if (!first) throw new Error('no sku');
    const res = await call(t, operator, 'PATCH', `/api/catalog/products/${p.id}`, {
      name: '散养土鸡蛋',
      categoryId: fruitId,
      skus: [
        { id: first.id, code: first.code, spec: '30枚', listPriceFen: 3590, costPriceFen: 2400 },
        { code: 'TJD-60', spec: '60枚', listPriceFen: 6800, costPriceFen: 4600 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<ProductBody>();
    expect(after.name).toBe('散养土鸡蛋');
    expect(after.skus.map((s) => [s.code, s.spec, s.listPriceFen])).toEqual([
      [first.code, '30枚', 3590],
      ['TJD-10', '10斤装', 4990],
      ['TJD-60', '60枚', 6800],
    ]);
    const audit = await listAudit(t.tdb.deps.db, {
      entityId: p.id,
      action: 'product.update',
      page: 1,
      pageSize: 10,
    });
    expect(audit.items).toHaveLength(1);
    expect((audit.items[0]?.before as ProductBody | undefined)?.name).toBe('土鸡蛋');
    expect((audit.items[0]?.after as ProductBody | undefined)?.name).toBe('散养土鸡蛋');
    const events = await listEvents(t.tdb.deps.db, { type: 'product.updated', page: 1, pageSize: 10 });
    expect(events.items.find((e) => e.aggregateId === p.id)?.payload).toMatchObject({
      changes: ['name', 'categoryId', 'skus'],
    });

    // Repeating the current values changes nothing and records nothing.
    const again = await expectNoCatalogWrite(t, () =>
      call(t, operator, 'PATCH', `/api/catalog/products/${p.id}`, { name: '散养土鸡蛋' }),
    );
    expect(again.statusCode).toBe(200);
  });

  it('refuses a taken SKU or product code, a foreign SKU id, an unknown product; writes nothing', async () => {
    const p = await createProduct(t, operator, newProduct('UPD-1'));
    const other = await createProduct(t, operator, newProduct('UPD-2'));
    const url = `/api/catalog/products/${p.id}`;
    const sku = { spec: 'x', listPriceFen: 1, costPriceFen: 1 };
    const cases: [object, number, string, string][] = [
      [{ skus: [{ ...sku, code: 'UPD-2-5' }] }, 409, 'catalog.sku_code_taken', 'body.skus.0.code'],
      [{ code: 'UPD-2' }, 409, 'catalog.product_code_taken', 'body.code'],
      [
        { skus: [{ ...sku, id: other.skus[0]?.id, code: 'ZZ-1' }] },
        400,
        'catalog.sku_not_found',
        'body.skus.0.id',
      ],
      [
        {
          skus: [
            { ...sku, code: 'Q-1' },
            { ...sku, code: 'Q-1' },
          ],
        },
        409,
        'catalog.sku_code_taken',
        'body.skus.1.code',
      ],
      [
        { skus: [{ ...sku, code: 'Q-2', listPriceFen: -5 }] },
        400,
        'request.invalid',
        'body.skus.0.listPriceFen',
      ],
      [{ categoryId: 'cat_nope' }, 400, 'catalog.category_not_found', 'body.categoryId'],
      [{}, 400, 'request.invalid', 'body'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await expectNoCatalogWrite(t, () => call(t, operator, 'PATCH', url, body));
      expectError(res, status, code, field);
    }
    const missing = await call(t, operator, 'PATCH', '/api/catalog/products/prd_missing', { name: 'x' });
    expectError(missing, 404, 'catalog.product_not_found', 'params.id');
  });

  it('moves a product through its statuses, each change audited and published', async () => {
    const p = await createProduct(t, operator, newProduct('ST-1'));
    for (const status of ['on_sale', 'off_sale', 'draft']) {
      const res = await call(t, operator, 'POST', `/api/catalog/products/${p.id}/status`, { status });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ProductBody>().status).toBe(status);
    }
    const audit = await listAudit(t.tdb.deps.db, {
      entityId: p.id,
      action: 'product.status',
      page: 1,
      pageSize: 10,
    });
    expect(audit.items.map((a) => (a.after as { status: string }).status)).toEqual([
      'draft',
      'off_sale',
      'on_sale',
    ]);
    const bad = await expectNoCatalogWrite(t, () =>
      call(t, operator, 'POST', `/api/catalog/products/${p.id}/status`, { status: 'sold_out' }),
    );
    expectError(bad, 400, 'request.invalid', 'body.status');
  });
});

describe('permissions', () => {
  it('lets warehouse staff read but not write', async () => {
    const p = await createProduct(t, operator, newProduct('RB-1'));
    expect((await call(t, warehouse, 'GET', '/api/catalog/products')).statusCode).toBe(200);
    expect((await call(t, warehouse, 'GET', `/api/catalog/products/${p.id}`)).statusCode).toBe(200);
    expect((await call(t, warehouse, 'GET', '/api/catalog/import-template')).statusCode).toBe(200);
    const writes: [string, string, object][] = [
      ['POST', '/api/catalog/products', newProduct('RB-2')],
      ['PATCH', `/api/catalog/products/${p.id}`, { name: 'x' }],
      ['POST', `/api/catalog/products/${p.id}/status`, { status: 'on_sale' }],
      ['POST', '/api/catalog/categories', { code: 'X', name: 'x' }],
      ['POST', '/api/catalog/imports', { fileBase64: 'AAAA', mode: 'validate' }],
    ];
    for (const [method, url, body] of writes) {
      const res = await expectNoCatalogWrite(t, () => call(t, warehouse, method as 'POST', url, body));
      expectError(res, 403, 'auth.forbidden');
    }
  });
});
