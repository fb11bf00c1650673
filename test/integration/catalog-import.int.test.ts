import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSettled } from '../../src/modules/catalog/index.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { createProduct, HEADER, newProduct, type ProductBody, sheetOf } from './catalog-support.js';
import { call, expectError } from './support.js';

interface Job {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  errorCount: number;
  errors: { row: number; field: string; code: string; message: string; messageZh: string }[];
  message: string | null;
}

let t: TestApp;
let operator: Session;

beforeAll(async () => {
  t = await createTestApp();
  operator = await sessionFor(t, ['operator']);
  const cat = await call(t, operator, 'POST', '/api/catalog/categories', { code: 'FRUIT', name: '生鲜水果' });
  expect(cat.statusCode).toBe(201);
});
afterAll(() => t.close());

async function upload(fileBase64: string, mode: string): Promise<Job> {
  const res = await call(t, operator, 'POST', '/api/catalog/imports', { fileBase64, mode });
  expect(res.statusCode, res.body).toBe(202);
  const { jobId } = res.json<{ jobId: string }>();
  await importSettled(jobId);
  const job = await call(t, operator, 'GET', `/api/catalog/imports/${jobId}`);
  expect(job.statusCode, job.body).toBe(200);
  return job.json<Job>();
}

async function rowCount(table: 'catalog_products' | 'catalog_skus'): Promise<number> {
  const r = await t.tdb.deps.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return r.rows[0]?.n ?? -1;
}

async function productByCode(code: string): Promise<ProductBody | undefined> {
  const res = await call(t, operator, 'GET', `/api/catalog/products?q=${encodeURIComponent(code)}`);
  return res.json<{ items: ProductBody[] }>().items.find((p) => p.code === code);
}

// prettier-ignore
const GOOD_AND_BAD: (string | number | null)[][] = [
  [
    'IMP-A',
    '赣南脐橙',
    '生鲜水果',
    '箱',
    '赣州果园',
    '在售',
    'https://img.example.com/a.jpg',
    '甜',
    'IMP-A-5',
    '5斤装',
    '6901234567890',
    29.9,
    '18.50',
  ],
  ['IMP-A', null, null, null, null, null, null, null, 'IMP-A-10', '10斤装', null, '49.90', 33],
  ['IMP-B', '东北大米', 'NOPE', '袋', null, null, null, null, 'IMP-B-5', '5kg', null, 39.9, 26],
  ['IMP-C', '土鸡蛋', 'fruit', '盒', null, '草稿', null, null, 'IMP-C-30', '30枚', null, -1, 20],
  ['IMP-C', null, null, null, null, null, null, null, 'IMP-C-60', '60枚', null, 68, 46],
  ['IMP-D', '手工挂面', null, '袋', null, null, null, null, 'IMP-A-5', '1kg', null, 12, 8],
  ['IMP-E', '生抽', null, '瓶', null, '热卖', null, null, 'IMP-E-1', '500ml', null, 9.9, 5],
  ['IMP-F', '香油', null, null, null, null, null, null, 'IMP-F-1', '', null, '9.999', 5],
  ['IMP-E', null, null, null, null, null, null, null, 'IMP-E-2', '1L', null, 15, 8],
  ['IMP-G', '酱油', null, '瓶', null, null, null, null, 'IMP-G-1', '500ml', null, 5, 3],
  ['IMP-G', '老抽', null, null, null, null, null, null, 'IMP-G-2', '1L', null, 8, 5],
];

describe('the template', () => {
  it('has a bilingual header, an example row, a sheet explaining the columns and the categories', async () => {
    const res = await call(t, operator, 'GET', '/api/catalog/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(String(res.headers['content-disposition'])).toMatch(/attachment/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '商品 Products',
      '填写说明 Instructions',
      '商品分类 Categories',
    ]);
    const data = wb.worksheets[0];
    expect(data?.getRow(1).getCell(1).value).toBe('商品编码 product_code');
    expect(data?.getRow(1).getCell(13).value).toBe('成本价(元) cost_price');
    expect(data?.getRow(2).getCell(1).value).toBe('GN-QC');
    expect(wb.worksheets[1]?.getRow(2).getCell(3).value).toMatch(/必填/);
    expect(wb.worksheets[2]?.getRow(2).values).toEqual([undefined, 'FRUIT', '生鲜水果']);

    // The untouched template has only the example row, which is not data.
    const again = await call(t, operator, 'POST', '/api/catalog/imports', {
      fileBase64: res.rawPayload.toString('base64'),
      mode: 'import_all',
    });
    expectError(again, 400, 'catalog.import_empty', 'body.fileBase64');
  });
});

describe('validating and importing a file with bad rows', () => {
  it('reports every bad row with field and code, in both languages, and writes nothing', async () => {
    const file = await sheetOf(HEADER, GOOD_AND_BAD);
    const products = await rowCount('catalog_products');
    const job = await upload(file, 'validate');
    expect(job).toMatchObject({
      status: 'validated',
      totalRows: 11,
      processedRows: 11,
      created: 0,
      updated: 0,
    });
    expect(job.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'category', 'catalog.row.unknown_category'],
      [5, 'list_price', 'catalog.row.invalid_price'],
      [7, 'sku_code', 'catalog.row.duplicate_sku'],
      [8, 'status', 'catalog.row.invalid_status'],
      [9, 'spec', 'catalog.row.required'],
      [9, 'list_price', 'catalog.row.invalid_price'],
      [9, 'unit', 'catalog.row.required'],
      [10, 'product_code', 'catalog.row.product_invalid'],
      [11, 'product_code', 'catalog.row.product_invalid'],
      [12, 'product_name', 'catalog.row.product_mismatch'],
    ]);
    expect(job.errorCount).toBe(10);
    expect(job.errors[0]?.messageZh).toContain('商品分类');
    expect(job.errors[0]?.message).toContain('NOPE');
    expect(await rowCount('catalog_products')).toBe(products);

    const all = await upload(file, 'import_all');
    expect(all).toMatchObject({ status: 'rejected', created: 0, updated: 0, errorCount: 10 });
    expect(await rowCount('catalog_products')).toBe(products);
  });

  it('imports only the good rows when asked: whole products, never a product with a bad product column', async () => {
    const skus = await rowCount('catalog_skus');
    const job = await upload(await sheetOf(HEADER, GOOD_AND_BAD), 'import_valid_rows');
    expect(job).toMatchObject({
      status: 'completed',
      totalRows: 11,
      processedRows: 11,
      created: 2,
      updated: 0,
    });
    const a = await productByCode('IMP-A');
    expect(a).toMatchObject({ name: '赣南脐橙', categoryName: '生鲜水果', status: 'on_sale', unit: '箱' });
    expect(a?.skus.map((s) => [s.code, s.listPriceFen, s.costPriceFen])).toEqual([
      ['IMP-A-5', 2990, 1850],
      ['IMP-A-10', 4990, 3300],
    ]);
    // IMP-C lost its bad 30枚 row only; category matched by code, case-insensitively.
    const c = await productByCode('IMP-C');
    expect(c?.skus.map((s) => s.code)).toEqual(['IMP-C-60']);
    expect(c?.categoryName).toBe('生鲜水果');
    for (const code of ['IMP-B', 'IMP-D', 'IMP-E', 'IMP-F', 'IMP-G'])
      expect(await productByCode(code)).toBeUndefined();
    expect(await rowCount('catalog_skus')).toBe(skus + 3);
  });
});

describe('updating through a file and the export round trip', () => {
  it('updates existing codes, adds new SKUs, and an unchanged export re-imports as no change', async () => {
    const p = await createProduct(t, operator, newProduct('UPD-X', { name: '老名字' }));
    const job = await upload(
      await sheetOf(HEADER, [
        ['UPD-X', '新名字', null, null, null, '下架', null, null, 'UPD-X-5', '5斤装', null, '31', '19'],
        ['UPD-X', null, null, null, null, null, null, null, 'UPD-X-20', '20斤装', null, '88', '60'],
      ]),
      'import_all',
    );
    expect(job).toMatchObject({ status: 'completed', created: 0, updated: 1, errorCount: 0 });
    const after = await productByCode('UPD-X');
    expect(after).toMatchObject({ id: p.id, name: '新名字', status: 'off_sale', unit: '箱' });
    expect(after?.skus.map((s) => [s.code, s.listPriceFen])).toEqual([
      ['UPD-X-5', 3100],
      ['UPD-X-10', 4990],
      ['UPD-X-20', 8800],
    ]);

    const exported = await call(t, operator, 'GET', '/api/catalog/products/export');
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(exported.rawPayload).buffer);
    const rows = (wb.worksheets[0]?.actualRowCount ?? 0) - 1;
    expect(rows).toBe(await rowCount('catalog_skus'));
    const products = await rowCount('catalog_products');
    const re = await upload(exported.rawPayload.toString('base64'), 'import_all');
    expect(re).toMatchObject({ status: 'completed', totalRows: rows, created: 0, updated: 0, errorCount: 0 });
    expect(await rowCount('catalog_products')).toBe(products);
    const filtered = await call(t, operator, 'GET', '/api/catalog/products/export?q=UPD-X');
    const fwb = new ExcelJS.Workbook();
    await fwb.xlsx.load(new Uint8Array(filtered.rawPayload).buffer);
    expect(fwb.worksheets[0]?.actualRowCount).toBe(4);
  });
});

describe('large files', () => {
  it('writes in chunks, counts progress to the last row, and audits every product', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => {
      const code = `BULK-${String(Math.floor(i / 3)).padStart(3, '0')}`;
      return [
        code,
        `批量商品 ${code}`,
        null,
        '件',
        null,
        null,
        null,
        null,
        `${code}-${i % 3}`,
        `规格${i % 3}`,
        null,
        10 + i,
        5,
      ];
    });
    const job = await upload(await sheetOf(HEADER, rows), 'import_all');
    expect(job).toMatchObject({ status: 'completed', totalRows: 450, processedRows: 450, created: 150 });
    const audit = await t.tdb.deps.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'product.create' AND entity_id IN (SELECT id FROM catalog_products WHERE code LIKE 'BULK-%')",
    );
    expect(audit.rows[0]?.n).toBe(150);
  });
});

describe('files that are not usable sheets', () => {
  it('refuses them at upload with 400 naming the file, and no job', async () => {
    const cases: [string, string][] = [
      [Buffer.from('not a spreadsheet').toString('base64'), 'catalog.import_file_invalid'],
      [await sheetOf(['product_code', 'product_name'], [['A', 'b']]), 'catalog.import_missing_columns'],
      [await sheetOf(['名称', '价格'], [['A', 1]]), 'catalog.import_missing_columns'],
      [await sheetOf(HEADER, []), 'catalog.import_empty'],
    ];
    for (const [fileBase64, code] of cases) {
      const res = await call(t, operator, 'POST', '/api/catalog/imports', { fileBase64, mode: 'validate' });
      expectError(res, 400, code, 'body.fileBase64');
    }
    const mode = await call(t, operator, 'POST', '/api/catalog/imports', { fileBase64: 'AAAA', mode: 'all' });
    expectError(mode, 400, 'request.invalid', 'body.mode');
    expectError(
      await call(t, operator, 'GET', '/api/catalog/imports/imp_nope'),
      404,
      'catalog.import_not_found',
    );
  });
});
