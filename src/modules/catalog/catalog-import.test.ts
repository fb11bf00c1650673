import { describe, expect, it } from 'vitest';
import { type ImportContext, parseRow, planImport, type RawRow } from './catalog-import.js';
import { cellToPrimitive } from './catalog-xlsx.js';
import { columnOfHeader } from './import-columns.js';

const row = (over: RawRow = {}): RawRow => ({
  product_code: 'P1',
  product_name: '赣南脐橙',
  unit: '箱',
  sku_code: 'P1-5',
  spec: '5斤装',
  list_price: '29.90',
  cost_price: 18.5,
  ...over,
});

const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({
  categories: new Map([
    ['fruit', 'cat_1'],
    ['生鲜水果', 'cat_1'],
  ]),
  products: new Map(),
  skus: new Map(),
  ...over,
});

const codes = (errors: { row: number; field: string; code: string }[]) =>
  errors.map((e) => `${e.row}:${e.field}:${e.code.replace('catalog.row.', '')}`);

describe('columnOfHeader', () => {
  it('recognises a column by its key or its Chinese name, and nothing else', () => {
    expect(columnOfHeader('商品编码 product_code')).toBe('product_code');
    expect(columnOfHeader('PRODUCT_CODE')).toBe('product_code');
    expect(columnOfHeader('售价(元)')).toBe('list_price');
    expect(columnOfHeader('SKU编码')).toBe('sku_code');
    expect(columnOfHeader('成本价(元)\ncost_price')).toBe('cost_price');
    expect(columnOfHeader('价格')).toBeNull();
    expect(columnOfHeader('code')).toBeNull();
  });
});

describe('cellToPrimitive', () => {
  it('flattens rich text, hyperlinks and formulas', () => {
    expect(cellToPrimitive({ richText: [{ text: '赣南' }, { text: '脐橙' }] })).toBe('赣南脐橙');
    expect(cellToPrimitive({ text: 'https://a.cn/x.jpg', hyperlink: 'https://a.cn/x.jpg' })).toBe(
      'https://a.cn/x.jpg',
    );
    expect(cellToPrimitive({ formula: 'A1*2', result: 59.8 })).toBe(59.8);
    expect(cellToPrimitive(undefined)).toBeNull();
    expect(cellToPrimitive(true)).toBe('true');
  });
});

describe('parseRow', () => {
  it('reads a good row into codes, trimmed text and fen', () => {
    const r = parseRow(row({ status: '在售', images: 'https://a.cn/1.jpg, https://a.cn/2.jpg' }), 2);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({
      productCode: 'P1',
      skuCode: 'P1-5',
      listPriceFen: 2990,
      costPriceFen: 1850,
      status: 'on_sale',
      images: ['https://a.cn/1.jpg', 'https://a.cn/2.jpg'],
    });
  });

  it('names each bad column with its own code', () => {
    const r = parseRow(
      row({
        product_code: '脐橙',
        sku_code: null,
        spec: '  ',
        list_price: '-1',
        cost_price: '1.234',
        status: 'sold',
        images: 'ftp://x',
        barcode: '69 01',
        product_name: 'x'.repeat(129),
      }),
      7,
    );
    expect(codes(r.errors).sort()).toEqual(
      [
        '7:product_code:invalid_code',
        '7:status:invalid_status',
        '7:images:invalid_url',
        '7:sku_code:required',
        '7:spec:required',
        '7:barcode:invalid_code',
        '7:list_price:invalid_price',
        '7:cost_price:invalid_price',
        '7:product_name:too_long',
      ].sort(),
    );
    expect(r.errors.find((e) => e.field === 'list_price')?.messageZh).toContain('价格');
  });
});

describe('planImport', () => {
  it('groups rows of one product code into one product to create', () => {
    const plan = planImport(
      [parseRow(row({ category: 'FRUIT' }), 2), parseRow(row({ sku_code: 'P1-10', spec: '10斤装' }), 3)],
      ctx(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.goodRows).toBe(2);
    expect(plan.products).toEqual([
      {
        kind: 'create',
        rows: [2, 3],
        input: expect.objectContaining({
          code: 'P1',
          categoryId: 'cat_1',
          skus: [expect.objectContaining({ code: 'P1-5' }), expect.objectContaining({ code: 'P1-10' })],
        }),
      },
    ]);
  });

  it('updates existing products and SKUs by code; blank name and unit keep the current ones', () => {
    const plan = planImport(
      [parseRow(row({ product_name: null, unit: null, status: '下架' }), 2)],
      ctx({
        products: new Map([['P1', 'prd_1']]),
        skus: new Map([['P1-5', { id: 'sku_1', productCode: 'P1' }]]),
      }),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.products).toEqual([
      {
        kind: 'update',
        rows: [2],
        productId: 'prd_1',
        fields: {},
        status: 'off_sale',
        skus: [expect.objectContaining({ id: 'sku_1', code: 'P1-5', listPriceFen: 2990 })],
      },
    ]);
  });

  it('drops only a bad SKU row, but every row of a product whose product columns are wrong', () => {
    const plan = planImport(
      [
        parseRow(row(), 2),
        parseRow(row({ sku_code: 'P1-10', list_price: 'abc' }), 3),
        parseRow(row({ product_code: 'P2', sku_code: 'P2-1', category: '不存在' }), 4),
        parseRow(row({ product_code: 'P2', sku_code: 'P2-2', category: null }), 5),
        parseRow(row({ product_code: 'P3', sku_code: 'P1-5' }), 6),
        parseRow(row({ product_code: 'P4', sku_code: 'OTHER-1' }), 7),
        parseRow(row({ product_code: 'P5', sku_code: 'P5-1', product_name: null }), 8),
      ],
      ctx({ skus: new Map([['OTHER-1', { id: 'sku_9', productCode: 'P9' }]]) }),
    );
    expect(codes(plan.errors)).toEqual([
      '3:list_price:invalid_price',
      '4:category:unknown_category',
      '5:product_code:product_invalid',
      '6:sku_code:duplicate_sku',
      '7:sku_code:sku_of_other_product',
      '8:product_name:required',
    ]);
    expect(plan.products.map((p) => [p.kind, p.rows])).toEqual([['create', [2]]]);
    expect(plan.goodRows).toBe(1);
  });

  it('refuses rows of one product that disagree on a product column', () => {
    const plan = planImport([parseRow(row(), 2), parseRow(row({ sku_code: 'P1-2', unit: '袋' }), 3)], ctx());
    expect(codes(plan.errors)).toEqual(['2:product_code:product_invalid', '3:unit:product_mismatch']);
    expect(plan.products).toEqual([]);
  });
});
