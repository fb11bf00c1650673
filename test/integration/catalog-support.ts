import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Session, TestApp } from '../helpers/test-app.js';
import { call, type Res } from './support.js';

/** Tables a refused catalog request must leave alone. */
const CATALOG_TABLES = [
  'catalog_categories',
  'catalog_products',
  'catalog_skus',
  'audit_log',
  'outbox_events',
] as const;

export async function catalogCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of CATALOG_TABLES) {
    const r = await t.tdb.deps.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = r.rows[0]?.n ?? -1;
  }
  return counts;
}

/** Runs a refused request and checks that no catalog row, audit record or event was written. */
export async function expectNoCatalogWrite(t: TestApp, fn: () => Promise<Res>): Promise<Res> {
  const before = await catalogCounts(t);
  const res = await fn();
  expect(await catalogCounts(t)).toEqual(before);
  return res;
}

export interface SkuBody {
  id: string;
  code: string;
  spec: string;
  barcode: string | null;
  listPriceFen: number;
  costPriceFen: number;
  status: 'active' | 'inactive';
}
export interface ProductBody {
  id: string;
  code: string;
  name: string;
  categoryId: string | null;
  categoryName: string | null;
  unit: string;
  description: string;
  images: string[];
  supplier: string;
  status: 'draft' | 'on_sale' | 'off_sale';
  skus: SkuBody[];
}

export const newProduct = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `商品 ${code}`,
  unit: '箱',
  supplier: '赣州果园',
  images: ['https://img.example.com/a.jpg'],
  skus: [
    { code: `${code}-5`, spec: '5斤装', barcode: '6901234567890', listPriceFen: 2990, costPriceFen: 1850 },
    { code: `${code}-10`, spec: '10斤装', listPriceFen: 4990, costPriceFen: 3300 },
  ],
  ...over,
});

export async function createProduct(t: TestApp, s: Session, body: object): Promise<ProductBody> {
  const res = await call(t, s, 'POST', '/api/catalog/products', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ProductBody>();
}

/** An xlsx built the way a person fills the template: a header row, then one row per SKU. */
export async function sheetOf(header: string[], rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('商品 Products');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export const HEADER = [
  '商品编码 product_code',
  '商品名称 product_name',
  '商品分类 category',
  '单位 unit',
  '供应商 supplier',
  '状态 status',
  '图片链接 images',
  '商品描述 description',
  'SKU编码 sku_code',
  '规格 spec',
  '条码 barcode',
  '售价(元) list_price',
  '成本价(元) cost_price',
];
